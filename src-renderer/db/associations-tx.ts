import type { AssociationBatch } from '../../shared/sync';
import type { CsDatabase } from './database';

/**
 * Replace what we hold between `ids` of `fromType` and records of `toType` by the CRM's
 * answer. Rows are kept in both directions, so either side reads its associations with one
 * indexed query; both directions are replaced here, inside the caller's transaction.
 */
export async function replaceAssociationsTx(db: CsDatabase, batch: AssociationBatch): Promise<void> {
  const { fromType, toType } = batch;
  // One range read per record, all sent at once (each a getAll over the primary key's prefix),
  // and one bulkDelete: `anyOf` over the same prefixes walks a cursor, one round trip per row it
  // visits, which made a pull page's commit 1.4× as long in Chromium (ARCHITECTURE.md, "Performance facts").
  const old = (await Promise.all(batch.ids.map((id) => db.associations.where('[fromType+fromId+toType]').equals([fromType, id, toType]).toArray()))).flat();
  await db.associations.bulkDelete(
    old.flatMap((a) => [
      [a.fromType, a.fromId, a.toType, a.toId] as [string, string, string, string],
      [a.toType, a.toId, a.fromType, a.fromId] as [string, string, string, string],
    ]),
  );
  const rows = batch.rows.flatMap((r) => [
    { fromType: r.fromType, fromId: r.fromId, toType: r.toType, toId: r.toId, typeIds: r.typeIds },
    { fromType: r.toType, fromId: r.toId, toType: r.fromType, toId: r.fromId, typeIds: [] as number[] },
  ]);
  await db.associations.bulkPut(rows);
}
