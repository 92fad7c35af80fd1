import { isSearchType, SEARCH_TYPES, searchDocId, searchDocument, type LinkedRecord, type SearchDoc, type SearchType } from '../../../shared/search';
import type { CsDatabase } from '../database';
import { mergeRecord, pendingCreates } from '../repositories/records';
import type { Touched } from './health';

/**
 * Read-side queries of the offline search (shared/search): documents of synced ⊕ pending
 * records, read a page of primary keys at a time to build the index, and by key for what a
 * committed transaction touched (Dexie's change events, `watchTouched`).
 */

/** A page of a type's documents after `afterId` (primary key order), merged with their overlays. */
export async function searchDocsPage(db: CsDatabase, type: SearchType, afterId: string, limit: number): Promise<{ docs: SearchDoc[]; lastId: string | null }> {
  const rows = await db.records(type).where(':id').above(afterId).limit(limit).toArray();
  const overlays = await db.overlay.bulkGet(rows.map((r) => `${type}:${r.id}`));
  const docs: SearchDoc[] = [];
  rows.forEach((r, i) => {
    const merged = mergeRecord(type, r, overlays[i]);
    const doc = merged ? searchDocument(type, merged) : null;
    if (doc) docs.push(doc);
  });
  return { docs, lastId: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null };
}

/** Documents of records created offline (no synced row yet). */
export async function pendingCreateDocs(db: CsDatabase, type: SearchType): Promise<SearchDoc[]> {
  return (await pendingCreates(db, type)).flatMap((r) => searchDocument(type, r) ?? []);
}

/** What the index must change for the records a transaction touched: documents to (re)index, ids to drop. */
export async function touchedSearchDocs(db: CsDatabase, touched: Touched): Promise<{ upserts: SearchDoc[]; removals: string[] }> {
  const ids = new Map<SearchType, Set<string>>();
  const add = (type: string, id: string) => {
    if (!isSearchType(type)) return;
    let s = ids.get(type);
    if (!s) ids.set(type, (s = new Set()));
    s.add(id);
  };
  for (const [table, keys] of touched) {
    if (keys === 'all') continue;
    if (isSearchType(table)) for (const k of keys) add(table, String(k));
    if (table === 'overlay')
      for (const k of keys) {
        const [type, ...rest] = String(k).split(':');
        if (type) add(type, rest.join(':'));
      }
  }
  const upserts: SearchDoc[] = [];
  const removals: string[] = [];
  for (const [type, set] of ids) {
    const list = [...set];
    const [rows, overlays] = await Promise.all([db.records(type).bulkGet(list), db.overlay.bulkGet(list.map((id) => `${type}:${id}`))]);
    list.forEach((id, i) => {
      const merged = mergeRecord(type, rows[i], overlays[i]);
      const doc = merged ? searchDocument(type, merged) : null;
      if (doc) upserts.push(doc);
      else removals.push(searchDocId(type, id));
    });
  }
  return { upserts, removals };
}

/** Whether a change report needs the whole index rebuilt (a cleared table, a range delete). */
export const touchesAll = (touched: Touched): boolean =>
  [...touched].some(([table, keys]) => keys === 'all' && (table === 'overlay' || (SEARCH_TYPES as readonly string[]).includes(table)));

/** The records an engagement is associated with, for where its search hit opens. */
export async function linkedRecords(db: CsDatabase, type: string, id: string): Promise<LinkedRecord[]> {
  const rows = await db.associations.where('[fromType+fromId]').equals([type, id]).toArray();
  return rows.map((r) => ({ toType: r.toType, toId: r.toId }));
}
