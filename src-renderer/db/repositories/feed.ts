import { encodeSnapshot, type FeedSnapshot, type SnapshotData } from '../../../shared/feed';
import type { CsDatabase } from '../database';
import { getMeta, META, putMeta } from '../meta';

/** The feed's per-user marks in meta: dismissed items and when the feed was last opened. */

/** Adds ids to the user's dismissed list in one transaction, so two quick dismissals both stick. */
export async function addDismissed(db: CsDatabase, userId: string, ids: readonly string[]): Promise<void> {
  const entry = META.feedDismissed(userId);
  await db.transaction('rw', db.meta, async () => {
    const set = new Set((await getMeta(db, entry)) ?? []);
    for (const id of ids) set.add(id);
    await putMeta(db, entry, [...set]);
  });
}

export async function setLastOpened(db: CsDatabase, userId: string, at: number): Promise<void> {
  await putMeta(db, META.feedLastOpened(userId), at);
}

/** Keeps the feed just derived for `ownerId` over the window from `since`, for the next cold open (shared/feed/snapshot.ts). */
export async function saveFeedSnapshot(db: CsDatabase, ownerId: string, since: number, data: SnapshotData): Promise<void> {
  await keepFeedSnapshot(db, encodeSnapshot(ownerId, since, data));
}

/** Keeps a feed already encoded (the feed engine encodes it once, to post it and to keep it). */
export async function keepFeedSnapshot(db: CsDatabase, snapshot: FeedSnapshot): Promise<void> {
  await putMeta(db, META.feedSnapshot(snapshot.ownerId), snapshot);
}
