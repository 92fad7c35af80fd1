import { hubspot } from '../hubspot';
import { chunk, fetchCall } from './crm-calls';
import type { SyncContext } from './context';
import type { AssociationBatch, AssociationRow } from './ports';

/** v4 batch read takes up to 1000 ids and answers at most 500 associations per id, the rest behind that id's `paging`. */
const ASSOC_READ_MAX = 1000;

/**
 * Every association of `ids` towards `toType`, following per-record paging. Association
 * changes may not bump the modified date on both ends (§13), so the pull re-reads them for
 * each changed record from its side (and, incrementally, from the partner side too).
 */
export async function readAssociations(ctx: SyncContext, fromType: string, toType: string, ids: readonly string[]): Promise<AssociationBatch> {
  const rows: AssociationRow[] = [];
  let pending = ids.map((id) => ({ id, after: undefined as string | undefined }));
  while (pending.length) {
    const next: typeof pending = [];
    for (const group of chunk(pending, ASSOC_READ_MAX)) {
      const answer = await fetchCall(ctx.crm, hubspot.associations.batchRead(fromType, toType, group), ctx.now);
      // Ids without associations come back as per-item errors in a 207; that is "none".
      for (const r of answer.results) {
        for (const to of r.to) {
          rows.push({
            fromType,
            fromId: r.from.id,
            toType,
            toId: to.toObjectId,
            typeIds: (to.associationTypes ?? []).flatMap((t) => (t.typeId === undefined ? [] : [t.typeId])),
          });
        }
        const after = r.paging?.next?.after;
        if (after) next.push({ id: r.from.id, after });
      }
    }
    pending = next;
  }
  return { fromType, toType, ids: [...ids], rows };
}
