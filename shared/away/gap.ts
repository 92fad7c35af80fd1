/**
 * "Since you were away", step two: whether a sync that just completed follows a gap. All
 * times are the page's clock (ms), passed in, so tests run it on a fixed clock.
 *
 * A gap is either
 * - time: the previous completed sync ended more than `GAP_MS` (8 h) before this one ended, or
 * - offline: since the previous completed sync, the app was offline for at least
 *   `OFFLINE_GAP_MS` (15 min) in one stretch (a shorter blip is not an absence).
 * The first sync ever on this computer is no gap (there is nothing to compare with).
 */

export const GAP_MS = 8 * 3_600_000;
export const OFFLINE_GAP_MS = 15 * 60_000;

export interface AwayMarks {
  /** When the previous completed sync ended; null before the first. */
  lastSyncEnd: number | null;
  /** The longest offline stretch since then, ms (0 when none). */
  longestOfflineMs: number;
  /** When the app went offline, if it still is (or was until this sync): that stretch counts until `now`. */
  offlineSince: number | null;
}

export type GapReason = 'time' | 'offline';

export const NO_MARKS: AwayMarks = { lastSyncEnd: null, longestOfflineMs: 0, offlineSince: null };

/** The gap before a sync that completed at `now`, or null when it followed the previous one closely. */
export function gapBefore(marks: AwayMarks, now: number): GapReason | null {
  if (marks.lastSyncEnd === null) return null;
  if (now - marks.lastSyncEnd > GAP_MS) return 'time';
  const open = marks.offlineSince === null ? 0 : now - Math.max(marks.offlineSince, marks.lastSyncEnd);
  return Math.max(marks.longestOfflineMs, open) >= OFFLINE_GAP_MS ? 'offline' : null;
}

/** The marks after the app went offline at `at`. */
export function wentOffline(marks: AwayMarks, at: number): AwayMarks {
  return marks.offlineSince === null ? { ...marks, offlineSince: at } : marks;
}

/** The marks after the app came back online at `at`: the stretch is measured from the last sync end at most. */
export function cameOnline(marks: AwayMarks, at: number): AwayMarks {
  if (marks.offlineSince === null) return marks;
  const from = marks.lastSyncEnd === null ? marks.offlineSince : Math.max(marks.offlineSince, marks.lastSyncEnd);
  return { ...marks, offlineSince: null, longestOfflineMs: Math.max(marks.longestOfflineMs, at - from) };
}

/** The marks once a sync completed at `at`: a new period starts (still offline cannot be, a sync just ran). */
export function syncCompleted(_marks: AwayMarks, at: number): AwayMarks {
  return { lastSyncEnd: at, longestOfflineMs: 0, offlineSince: null };
}
