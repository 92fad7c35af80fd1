import { DAY_MS } from '../views/zone';

/** The feed starts with the last 14 days; each "Load older activities" adds 14 more. */
export const WINDOW_DAYS = 14;

export function windowStart(now: number, pages: number): number {
  return now - pages * WINDOW_DAYS * DAY_MS;
}

/** The `meta` keys of a user's feed state: kept beside the synced data, never touched by a sync. */
export const dismissedKey = (userId: string) => `feed:dismissed:${userId}`;
export const lastOpenedKey = (userId: string) => `feed:lastOpened:${userId}`;

/** Unread = happened after the previous visit to the tab (nothing is unread on a first visit). */
export function isUnread(at: number, previousVisit: number | null): boolean {
  return previousVisit !== null && at > previousVisit;
}
