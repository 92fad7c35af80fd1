import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { windowStart } from '../../shared/feed';
import type { CsDatabase } from '../db';
import { EMPTY_FEED, feedSnapshot, type FeedData } from '../db/queries/feed';

/** Time for the kept feed to be drawn before the live derivation's reads fill the main thread. */
const PAINT_MS = 100;

/**
 * The feed store's kept feed (shared/feed/snapshot.ts): the last feed derived for the owner,
 * read once when the owner is known and shown on the tab while the live derivation reads the
 * window's sources. That derivation waits for it (`readFor` names the owner whose kept feed
 * was read), since its thousands of reads would otherwise hold this one read back, and a
 * moment more, for the kept feed to be drawn first. The feed engine keeps each feed it derives
 * for the first window (src-renderer/feed/engine.ts).
 */
export function useKeptFeed(
  db: CsDatabase,
  ownerId: Readonly<Ref<string | null | undefined>>,
): {
  snapshot: ShallowRef<FeedData | null>;
  readFor: ShallowRef<string | null>;
  follow(live: Readonly<Ref<FeedData>>): void;
  /** Reads it again (one kept since the last read, in the background): the live derivation waits again. */
  reread(): void;
} {
  const snapshot = shallowRef<FeedData | null>(null);
  const readFor = shallowRef<string | null>(null);
  const reads = shallowRef(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    [ownerId, reads],
    async ([owner, n]) => {
      snapshot.value = null;
      readFor.value = null;
      if (!owner) return;
      const read = await feedSnapshot(db, owner, windowStart(Date.now(), 1)).catch(() => null);
      if (ownerId.value !== owner || reads.value !== n) return;
      snapshot.value = read;
      if (!read) readFor.value = owner;
      else timer = setTimeout(() => ownerId.value === owner && (readFor.value = owner), PAINT_MS);
    },
    { immediate: true },
  );

  /** Once the live feed answers, the kept one is no longer shown, and is let go. */
  function follow(live: Readonly<Ref<FeedData>>) {
    watch(live, (value) => {
      if (value !== EMPTY_FEED && value.since !== undefined) snapshot.value = null;
    });
  }

  if (getCurrentScope()) onScopeDispose(() => clearTimeout(timer));
  return { snapshot, readFor, follow, reread: () => void reads.value++ };
}
