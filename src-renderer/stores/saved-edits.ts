import { EXPORT_PART_CHARS, type HostApi, type HostError } from '../../shared/contract';
import { deleteLocalStore, exportOutbox, importOutbox, parseOutboxExport, readStrandedEdits, type CsDatabase, type OutboxExport } from '../db';
import { readCrmSource, sameCrm, type CrmSource } from '../db/repositories/crm-source';

/**
 * Nothing lost: before the local store is deleted (Disconnect, another CRM) the edits that
 * have not reached the CRM — the outbox and unresolved conflicts — are written to a file in
 * the data folder through the host (`data:saveExport`), and Settings → Saved edits reads
 * them back (`data:listExports`, `data:readExport`).
 */

/** What the first-run screen says after a reset that saved edits (kept across the reload). */
export interface SavedEditsNotice {
  path: string;
  file: string;
  count: number;
  at: number;
}

export const SAVED_NOTICE_KEY = 'cs.savedEdits';

export function readSavedNotice(storage: Storage = localStorage): SavedEditsNotice | null {
  try {
    const v = JSON.parse(storage.getItem(SAVED_NOTICE_KEY) ?? 'null') as Partial<SavedEditsNotice> | null;
    if (!v || typeof v.path !== 'string' || typeof v.file !== 'string' || typeof v.count !== 'number') return null;
    return { path: v.path, file: v.file, count: v.count, at: Number(v.at) || 0 };
  } catch {
    return null;
  }
}

export function writeSavedNotice(notice: SavedEditsNotice | null, storage: Storage = localStorage): void {
  if (notice) storage.setItem(SAVED_NOTICE_KEY, JSON.stringify(notice));
  else storage.removeItem(SAVED_NOTICE_KEY);
}

/** Edits that would be lost with the local store: queued, waiting for the user, or in conflict. */
export async function unsentEditCount(db: CsDatabase): Promise<number> {
  return (await db.outbox.count()) + (await db.conflicts.count());
}

/** Cuts text into pieces of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts.length ? parts : [''];
}

/**
 * Writes the unsent edits to a new file in the data folder, in parts the host takes. Null
 * when there is nothing to save. A host that cannot write it returns its error, and the
 * caller must then delete nothing.
 */
export async function saveUnsentEdits(
  host: HostApi,
  db: CsDatabase,
  now: () => number = () => Date.now(),
): Promise<{ saved: SavedEditsNotice | null } | { error: HostError }> {
  const count = await unsentEditCount(db);
  if (count === 0) return { saved: null };
  return saveExport(host, await exportOutbox(db, now), count, now);
}

/**
 * The same for a local store that will not open (readStrandedEdits): its edits, read without
 * our schema, go to a file before the store may be deleted. `unreadable` when not even that
 * could read it; the caller then says so and deletes nothing without the user's word.
 */
export async function saveStrandedEdits(
  host: HostApi,
  dbName: string,
  opts: { indexedDB?: IDBFactory; now?: () => number } = {},
): Promise<{ saved: SavedEditsNotice | null } | { error: HostError } | { unreadable: true }> {
  const now = opts.now ?? (() => Date.now());
  const data = await readStrandedEdits(dbName, opts.indexedDB ?? indexedDB, now);
  if (!data) return { unreadable: true };
  const count = data.entries.length + (data.conflicts?.length ?? 0);
  if (count === 0) return { saved: null };
  return saveExport(host, data, count, now);
}

/** Deletes a local store that will not open, by name (after its edits were saved, or by the user's explicit choice). */
export function deleteStrandedStore(dbName: string): Promise<void> {
  return deleteLocalStore(dbName);
}

async function saveExport(host: HostApi, data: OutboxExport, count: number, now: () => number): Promise<{ saved: SavedEditsNotice } | { error: HostError }> {
  let file: string | undefined;
  let path = '';
  for (const content of splitText(JSON.stringify(data), EXPORT_PART_CHARS)) {
    const res = await host['data:saveExport'](file === undefined ? { content } : { content, file });
    if (!res.ok) return { error: res.error };
    ({ file, path } = res.data);
  }
  return { saved: { path, file: file ?? '', count, at: now() } };
}

export type ImportOutcome = { added: number } | { problem: 'otherCrm'; source: CrmSource } | { problem: 'unreadable'; message: string } | { error: HostError };

/**
 * Reads a saved-edits file back into the local store. Edits made against another CRM are
 * refused (the two never mix); an edit already here is not added twice.
 */
export async function importSavedEdits(host: HostApi, db: CsDatabase, file: string): Promise<ImportOutcome> {
  const res = await host['data:readExport']({ file });
  if (!res.ok) return { error: res.error };
  let data;
  try {
    data = parseOutboxExport(res.data.content);
  } catch (e) {
    return { problem: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  const here = await readCrmSource(db);
  if (data.source && here && !sameCrm(data.source, here)) {
    return { problem: 'otherCrm', source: data.source };
  }
  return { added: await importOutbox(db, data) };
}
