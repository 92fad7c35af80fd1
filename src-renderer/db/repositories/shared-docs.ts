import type { Table } from 'dexie';
import { DOC_KEY_PROPERTY, DOC_VALUE_PROPERTY, DOCS_TYPE } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { deleteMeta, getMeta, getMetaFamily, META, putMeta } from '../meta';
import { applyEdit, type EditOptions } from './edits';
import { mergeRecord, type MergedRecord } from './records';

/**
 * Shared workspace documents: JSON values under a unique key, one record each of the CRM
 * custom object `cs_workspace_docs` (ARCHITECTURE.md "Shared workspace documents"). They
 * are read like every synced record (synced row ⊕ overlay) and written through the outbox,
 * so a write works offline and a colleague's change is a conflict, never overwritten.
 *
 * When the sync found that the CRM has no such object (meta `unavailable:<type>`), writes
 * go to this computer only (meta `shared-doc:<key>`) and the caller is told so.
 */

/** HubSpot's limit for a string property value. */
export const MAX_DOC_CHARS = 65_536;

export interface SharedDocRow {
  key: string;
  /** The stored JSON text. */
  json: string;
  /** `crm`: a record of the CRM object (maybe still pending); `local`: kept on this computer only. */
  source: 'crm' | 'local';
  /** The record carries edits not yet confirmed by the CRM. */
  pending: boolean;
  recordId?: string;
}

export type SharedDocsAvailability = { available: true } | { available: false; message: string };

export type SharedDocError = { code: 'INVALID' | 'TOO_LARGE'; message: string };
export type SharedDocWriteResult = { ok: true; shared: boolean; changed: boolean } | { ok: false; error: SharedDocError };

/** The tables a write touches: callers that check something first include them in their transaction. */
export function sharedDocTables(db: CsDatabase): Table[] {
  return [db.meta, db.outbox, db.overlay, db.remaps, db.records(DOCS_TYPE)];
}

export async function sharedDocsAvailability(db: CsDatabase): Promise<SharedDocsAvailability> {
  const noted = await getMeta(db, META.unavailable(DOCS_TYPE));
  // Unknown until the first sync answered: assume served, so a first write is shared.
  if (!noted) return { available: true };
  return { available: false, message: noted.message };
}

/** Every document record as shown (synced ⊕ overlay), tombstones and archived ones included. */
async function mergedDocRecords(db: CsDatabase): Promise<MergedRecord[]> {
  const [rows, overlays] = await Promise.all([db.records(DOCS_TYPE).toArray(), db.overlay.where('objectType').equals(DOCS_TYPE).toArray()]);
  const byId = new Map(overlays.map((o) => [o.recordId, o]));
  const out: MergedRecord[] = [];
  for (const row of rows) {
    const merged = mergeRecord(DOCS_TYPE, row, byId.get(row.id));
    byId.delete(row.id);
    if (merged && !merged.archived) out.push(merged);
  }
  for (const o of byId.values()) {
    const created = mergeRecord(DOCS_TYPE, undefined, o);
    if (created) out.push(created);
  }
  return out;
}

/** The record holding `key`; the CRM's key is unique, but a pending create may shadow a synced twin. */
async function findDocRecord(db: CsDatabase, key: string): Promise<MergedRecord | undefined> {
  const matches = (await mergedDocRecords(db)).filter((r) => r.properties[DOC_KEY_PROPERTY] === key);
  return matches.find((r) => !r.isNew) ?? matches[0];
}

/**
 * The documents whose key starts with `prefix` ('' for all), in key order. A CRM document
 * wins over a local one with the same key; removed documents (empty value) are left out.
 */
export async function readSharedDocs(db: CsDatabase, prefix = ''): Promise<SharedDocRow[]> {
  const [records, local] = await Promise.all([mergedDocRecords(db), getMetaFamily(db, META.localSharedDoc, prefix)]);
  const out = new Map<string, SharedDocRow>();
  for (const row of local) {
    if (row.value === '') continue;
    const key = row.key.slice(META.localSharedDoc.prefix.length);
    out.set(key, { key, json: row.value, source: 'local', pending: false });
  }
  for (const r of records.sort((a, b) => Number(a.isNew) - Number(b.isNew))) {
    const key = r.properties[DOC_KEY_PROPERTY];
    const json = r.properties[DOC_VALUE_PROPERTY];
    if (!key || !key.startsWith(prefix)) continue;
    const held = out.get(key);
    if (held?.source === 'crm') continue;
    if (!json) {
      out.delete(key);
      continue;
    }
    out.set(key, { key, json, source: 'crm', pending: r.pending, recordId: r.id });
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function readSharedDoc(db: CsDatabase, key: string): Promise<SharedDocRow | undefined> {
  return (await readSharedDocs(db, key)).find((d) => d.key === key);
}

function checkKey(key: string): SharedDocError | null {
  if (typeof key !== 'string' || key.trim() === '' || key.length > 200)
    return { code: 'INVALID', message: 'A shared document needs a key of 1 to 200 characters.' };
  return null;
}

/**
 * Stores `value` (JSON-serializable) under `key`: an update of the key's record, or a new
 * record, queued in the outbox in one transaction. Writing the value already shown is a
 * no-op. Bad input changes nothing.
 */
export async function writeSharedDoc(db: CsDatabase, key: string, value: unknown, opts?: EditOptions): Promise<SharedDocWriteResult> {
  const bad = checkKey(key);
  if (bad) return { ok: false, error: bad };
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    return { ok: false, error: { code: 'INVALID', message: `The document cannot be stored as JSON: ${err instanceof Error ? err.message : String(err)}` } };
  }
  if (json === undefined || value === null)
    return { ok: false, error: { code: 'INVALID', message: 'A shared document needs a value (use remove to delete it).' } };
  if (json.length > MAX_DOC_CHARS) {
    return { ok: false, error: { code: 'TOO_LARGE', message: `The document is ${json.length} characters long; the CRM keeps at most ${MAX_DOC_CHARS}.` } };
  }
  return putJson(db, key, json, opts);
}

/** Removes the document: its value is cleared (a tombstone the other clients sync), the record stays. */
export async function removeSharedDoc(db: CsDatabase, key: string, opts?: EditOptions): Promise<SharedDocWriteResult> {
  const bad = checkKey(key);
  if (bad) return { ok: false, error: bad };
  return putJson(db, key, '', opts);
}

function putJson(db: CsDatabase, key: string, json: string, opts?: EditOptions): Promise<SharedDocWriteResult> {
  return db.transaction('rw', sharedDocTables(db), async (): Promise<SharedDocWriteResult> => {
    const entry = META.localSharedDoc(key);
    const local = await getMeta(db, entry);
    if (!(await sharedDocsAvailability(db)).available) {
      if (json === '') await deleteMeta(db, entry);
      else await putMeta(db, entry, json);
      return { ok: true, shared: false, changed: (local ?? '') !== json };
    }
    if (local !== undefined) await deleteMeta(db, entry);
    const record = await findDocRecord(db, key);
    const shown = record?.properties[DOC_VALUE_PROPERTY] ?? '';
    if (!record && json === '') return { ok: true, shared: true, changed: local !== undefined };
    if (record && shown === json) return { ok: true, shared: true, changed: local !== undefined };
    if (record) {
      await applyEdit(
        db,
        { kind: 'update', objectType: DOCS_TYPE, recordId: record.id, desired: { [DOC_VALUE_PROPERTY]: json }, label: 'property-edit' },
        opts,
      );
    } else {
      await applyEdit(db, { kind: 'create', objectType: DOCS_TYPE, properties: { [DOC_KEY_PROPERTY]: key, [DOC_VALUE_PROPERTY]: json } }, opts);
    }
    return { ok: true, shared: true, changed: true };
  });
}
