import Dexie from 'dexie';
import type { AssociationBatch } from '../../shared/sync';
import type { CsDatabase } from './database';
import { idSpan } from './id-span';

type AssociationKey = [string, string, string, string];

/**
 * Replace what we hold between `ids` of `fromType` and records of `toType` by the CRM's
 * answer. Rows are kept in both directions, so either side reads its associations with one
 * indexed query; both directions are replaced here, inside the caller's transaction.
 */
export async function replaceAssociationsTx(db: CsDatabase, batch: AssociationBatch): Promise<void> {
  const old = await heldKeys(db, batch);
  if (old.length > 0)
    await db.associations.bulkDelete(
      old.flatMap(([fromType, fromId, toType, toId]) => [
        [fromType, fromId, toType, toId],
        [toType, toId, fromType, fromId],
      ]),
    );
  const rows = batch.rows.flatMap((r) => [
    { fromType: r.fromType, fromId: r.fromId, toType: r.toType, toId: r.toId, typeIds: r.typeIds },
    { fromType: r.toType, fromId: r.toId, toType: r.fromType, toId: r.fromId, typeIds: [] as number[] },
  ]);
  await db.associations.bulkPut(rows);
}

/** Keys read at most per id of a batch in one range before reading record by record. */
const SPAN_KEYS_PER_ID = 20;

/**
 * The keys of the rows we hold from the batch's ids towards its `toType`. First one keys-only
 * read over the primary key from the smallest id to the largest (as IndexedDB orders strings),
 * which holds every row of each of them: a first sync lists records in id order, so that range
 * holds little besides the batch's own rows, and one request answers for the page. Where it
 * holds more (a catch-up's ids are spread over the book), one range read per record, all sent
 * at once: `anyOf` over the same prefixes walks a cursor, one round trip per row it visits,
 * which made a pull page's commit 1.4× as long in Chromium (ARCHITECTURE.md, "Performance facts").
 * The record-by-record reads were 0.8 s of a small book's 2.2 s of first-sync page commits.
 */
async function heldKeys(db: CsDatabase, { fromType, toType, ids }: AssociationBatch): Promise<AssociationKey[]> {
  const span = idSpan(ids);
  if (!span) return [];
  const [lo, hi] = span;
  const cap = SPAN_KEYS_PER_ID * ids.length;
  const inSpan = (await db.associations
    .where(':id')
    .between([fromType, lo], [fromType, hi, Dexie.maxKey], true, true)
    .limit(cap + 1)
    .primaryKeys()) as AssociationKey[];
  if (inSpan.length <= cap) {
    const wanted = new Set(ids);
    return inSpan.filter((k) => k[2] === toType && wanted.has(k[1]));
  }
  const perRecord = await Promise.all(ids.map((id) => db.associations.where('[fromType+fromId+toType]').equals([fromType, id, toType]).primaryKeys()));
  return perRecord.flat();
}
