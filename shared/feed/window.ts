import { DAY_MS } from '../views/zone';
import type { FeedItem } from './types';

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

/** How far ahead of this computer's clock the CRM's clock may be for `seenThrough`. */
export const MAX_CLOCK_SKEW_MS = 3_600_000;

/**
 * What a visit to the tab has seen, as the instant later items must pass to be unread: now on
 * this computer's clock, or the newest item on screen when that is later — items carry the
 * CRM's times, and a CRM clock a little ahead of ours would otherwise make activity the user
 * has just seen count as unread again. An item far in the future (a call logged ahead) does
 * not move it.
 */
export function seenThrough(now: number, items: readonly Pick<FeedItem, 'at'>[]): number {
  let seen = now;
  for (const i of items) if (i.at > seen && i.at <= now + MAX_CLOCK_SKEW_MS) seen = i.at;
  return seen;
}
