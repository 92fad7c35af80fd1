import { CHANGE_KEEP_MS, diffRecord, type ChangeEntry } from '../../../shared/away';
import type { SyncedRecord } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { deleteMetaFamilyBefore, getMeta, META, putMeta, type AwayDigestValue, type AwayMarksValue } from '../meta';
import type { RecordRow } from '../rows';

/**
 * "Since you were away" in the local store (shared/away): the change entries sync pages
 * leave (`recordChangesTx`, inside `applyPage`'s transaction, where the row held is still
 * the old one), and the page's marks and digest.
 */

const TYPES_DIFFED = new Set(['tickets', 'deals', 'contacts', 'tasks']);

/** Entry keys sort by time: 13 digits of ms (good until the year 2286). */
const timeKey = (ms: number): string => String(Math.max(0, Math.floor(ms))).padStart(13, '0');
export const changeKey = (e: ChangeEntry): string => `${timeKey(e.at)}:${e.objectType}:${e.recordId}:${e.kind}`;

/**
 * Compares the rows held with the ones a page brings (same order) and keeps what changed;
 * prunes entries older than CHANGE_KEEP_MS. Runs inside the caller's transaction, which must
 * include `cursors` and `meta`.
 */
export async function recordChangesTx(
  db: CsDatabase,
  objectType: string,
  held: ReadonlyArray<RecordRow | undefined>,
  incoming: readonly SyncedRecord[],
  now: number,
): Promise<void> {
  const settings = await getMeta(db, META.workspaceSettings);
  const accountObject = settings?.accountObject ?? 'companies';
  if (!TYPES_DIFFED.has(objectType) && objectType !== accountObject) return;
  const cursor = await db.cursors.get(objectType);
  // A type on its first load is only being copied: nothing to compare, nothing is news.
  if (cursor?.mode !== 'incremental') return;
  const ctx = {
    accountObject,
    renewalProperty: settings?.renewalProperty === undefined ? 'renewal_date' : settings.renewalProperty,
    seenUpToMs: cursor.valueMs,
    at: now,
  };
  const entries = incoming.flatMap((r, i) => diffRecord(objectType, held[i], r, ctx));
  if (entries.length) await db.meta.bulkPut(entries.map((e) => ({ key: META.awayChange(changeKey(e)).key, value: e })));
  await deleteMetaFamilyBefore(db, META.awayChange, timeKey(now - CHANGE_KEEP_MS));
}

/** The change entries after `fromKey` up to and including `toKey`, oldest first. */
export async function readChanges(db: CsDatabase, fromKey: string, toKey: string): Promise<ChangeEntry[]> {
  const prefix = META.awayChange.prefix;
  const rows = await db.meta
    .where('key')
    .between(prefix + fromKey, prefix + toKey, false, true)
    .toArray();
  return rows.flatMap((row) => {
    const res = META.awayChange.schema.safeParse(row.value);
    return res.success ? [res.data] : [];
  });
}

/** The newest change entry's key ('' when none). */
export async function lastChangeKey(db: CsDatabase): Promise<string> {
  const prefix = META.awayChange.prefix;
  const last = await db.meta.where('key').startsWith(prefix).last();
  return last ? last.key.slice(prefix.length) : '';
}

export const readAwayMarks = (db: CsDatabase) => getMeta(db, META.awayMarks);
export const readAwayDigest = (db: CsDatabase) => getMeta(db, META.awayDigest);

/** Saves the marks, and the digest when this sync followed a gap, in one transaction. */
export async function saveAwayState(db: CsDatabase, marks: AwayMarksValue, digest?: AwayDigestValue): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await putMeta(db, META.awayMarks, marks);
    if (digest) await putMeta(db, META.awayDigest, digest);
  });
}

export async function dismissAwayDigest(db: CsDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const digest = await getMeta(db, META.awayDigest);
    if (digest) await putMeta(db, META.awayDigest, { ...digest, dismissed: true });
  });
}
