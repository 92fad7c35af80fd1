import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { windowStart } from '../../shared/feed';
import type { CsDatabase } from '../db';
import { EMPTY_FEED, feedSnapshot, type FeedData } from '../db/queries/feed';
import { saveFeedSnapshot } from '../db/repositories/feed';

/** The derived feed is kept for the next open at most this often (a sync re-derives it after every page). */
const KEEP_EVERY_MS = 30_000;
/** Time for the kept feed to be drawn before the live derivation's reads fill the main thread. */
const PAINT_MS = 100;

/**
 * The feed store's kept feed (shared/feed/snapshot.ts): the last feed derived for the owner,
 * read once when the owner is known and shown on the tab while the live derivation reads the
 * window's sources. That derivation waits for it (`readFor` names the owner whose kept feed
 * was read), since its thousands of reads would otherwise hold this one read back. Each
 * derived feed of the first window is kept again: at once, then at most every KEEP_EVERY_MS.
 */
export function useKeptFeed(
  db: CsDatabase,
  ownerId: Readonly<Ref<string | null | undefined>>,
  pages: Readonly<Ref<number>>,
): { snapshot: ShallowRef<FeedData | null>; readFor: ShallowRef<string | null>; follow(live: Readonly<Ref<FeedData>>): void } {
  const snapshot = shallowRef<FeedData | null>(null);
  const readFor = shallowRef<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => clearTimeout(timer);

  watch(
    ownerId,
    async (owner) => {
      snapshot.value = null;
      readFor.value = null;
      if (!owner) return;
      const read = await feedSnapshot(db, owner, windowStart(Date.now(), 1)).catch(() => null);
      if (ownerId.value !== owner) return;
      snapshot.value = read;
      if (!read) readFor.value = owner;
      else setTimeout(() => ownerId.value === owner && (readFor.value = owner), PAINT_MS);
    },
    { immediate: true },
  );

  function follow(live: Readonly<Ref<FeedData>>) {
    let lastWrite = -Infinity;
    let pending: { owner: string; since: number; value: FeedData } | null = null;
    const flush = () => {
      timer = undefined;
      lastWrite = Date.now();
      if (pending) void saveFeedSnapshot(db, pending.owner, pending.since, pending.value).catch(() => undefined);
      pending = null;
    };
    watch(live, (value) => {
      const owner = ownerId.value;
      if (!owner || value === EMPTY_FEED || value.since === undefined) return;
      // Derived now: the kept one is no longer shown, and is let go.
      snapshot.value = null;
      if (pages.value !== 1) return;
      pending = { owner, since: value.since, value };
      timer ??= setTimeout(flush, Math.max(0, lastWrite + KEEP_EVERY_MS - Date.now()));
    });
  }

  if (getCurrentScope()) onScopeDispose(clear);
  return { snapshot, readFor, follow };
}
