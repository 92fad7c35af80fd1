import { encodeSnapshot, type FeedSnapshot } from '../../shared/feed';
import type { CsDatabase } from '../db';
import { feedSince, watchFeedSources } from '../db/queries/feed';
import { keepFeedSnapshot } from '../db/repositories/feed';

/**
 * The Feed's live derivation, wherever it runs: in the feed worker (feed.worker.ts, off the UI
 * thread) or, where there is no Worker (Node tests), in the store's thread. It reads the
 * owner's window (`feedSince`: tens of thousands of raw IndexedDB reads on a big book) and
 * derives the items, posts back only what the list shows — the items and the names, emails and
 * phones of their contacts and accounts, in the kept feed's compact columns (shared/feed/snapshot.ts)
 * — and keeps that for the next cold open. It derives again when a committed write touches one
 * of the feed's tables (in any window or the sync worker, over Dexie's BroadcastChannel),
 * changes during a run coalescing into one re-run.
 */

/** What to derive: `ownerId` null stops deriving. `since` is on the page's clock (tests fake it). */
export interface FeedRequest {
  requestId: number;
  ownerId: string | null;
  since: number;
  /** Keep the result for the next cold open (the first window only). */
  keep: boolean;
}

export type FeedEngineEvent = { type: 'feed'; requestId: number; feed: FeedSnapshot } | { type: 'error'; requestId: number; message: string };

export interface FeedEngine {
  derive(request: FeedRequest): void;
  /** Derives the first window once and keeps it, sending nothing back: a first visit opens on it. */
  keepOnce(ownerId: string, since: number): void;
  stop(): void;
}

/** The derived feed is kept for the next open at most this often (a sync re-derives it after every page). */
export const KEEP_EVERY_MS = 30_000;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createFeedEngine(db: CsDatabase, emit: (e: FeedEngineEvent) => void): FeedEngine {
  let request: FeedRequest | null = null;
  /** This thread's clock when `request` arrived: a re-run moves the window's start on by the time since. */
  let receivedAt = 0;
  let running = false;
  let dirty = false;
  let stopped = false;

  let lastKept = -Infinity;
  let pending: FeedSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushKept = () => {
    timer = undefined;
    lastKept = Date.now();
    if (pending) void keepFeedSnapshot(db, pending).catch(() => undefined);
    pending = null;
  };
  const keep = (snapshot: FeedSnapshot) => {
    pending = snapshot;
    timer ??= setTimeout(flushKept, Math.max(0, lastKept + KEEP_EVERY_MS - Date.now()));
  };

  async function run(): Promise<void> {
    const r = request;
    if (stopped || !r?.ownerId) return;
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    dirty = false;
    const since = r.since + Math.max(0, Date.now() - receivedAt);
    try {
      const data = await feedSince(db, r.ownerId, since);
      if (request === r && !stopped) {
        const feed = encodeSnapshot(r.ownerId, since, data);
        emit({ type: 'feed', requestId: r.requestId, feed });
        if (r.keep) keep(feed);
      }
    } catch (e) {
      if (request === r && !stopped) emit({ type: 'error', requestId: r.requestId, message: message(e) });
    } finally {
      running = false;
      if (dirty || request !== r) void run();
    }
  }

  const stopWatching = watchFeedSources(db, () => void run());
  return {
    derive(next) {
      request = next;
      receivedAt = Date.now();
      void run();
    },
    keepOnce(ownerId, since) {
      void feedSince(db, ownerId, since)
        .then((data) => (stopped ? undefined : keepFeedSnapshot(db, encodeSnapshot(ownerId, since, data))))
        .catch(() => undefined);
    },
    stop() {
      stopped = true;
      stopWatching();
      clearTimeout(timer);
    },
  };
}
