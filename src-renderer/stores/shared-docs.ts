import type { Ref } from 'vue';
import type { ZodType } from 'zod';
import type { CsDatabase } from '../db';
import {
  removeSharedDoc as removeDoc,
  sharedDocsAvailability,
  writeSharedDoc as writeDoc,
  type SharedDocRow,
  type SharedDocsAvailability,
  type SharedDocWriteResult,
} from '../db/repositories/shared-docs';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/**
 * Shared workspace documents for features: JSON values under a key that every client of the
 * same CRM account sees after its next sync (ARCHITECTURE.md "Shared workspace documents").
 *
 *   const rows = await readSharedDocs(db, 'view:');                     // synced ⊕ overlay
 *   const view = parseSharedDoc(rows[0], ViewSchema);                  // zod-checked, never throws
 *   await writeSharedDoc(db, 'view:1', view);                          // outbox; offline too
 *
 * Permissions are the caller's business: check them in the same transaction as the write
 * (`sharedDocTables(db)` lists the tables a write touches), as the views store does.
 */

export { MAX_DOC_CHARS, readSharedDoc, readSharedDocs, sharedDocTables, sharedDocsAvailability } from '../db/repositories/shared-docs';
export type { SharedDocError, SharedDocRow, SharedDocsAvailability, SharedDocWriteResult } from '../db/repositories/shared-docs';

export interface SharedDoc<T> {
  key: string;
  value: T;
  /** `local`: the CRM has no documents object, so this is kept on this computer only. */
  source: 'crm' | 'local';
  /** Not yet confirmed by the CRM. */
  pending: boolean;
}

/** Parses stored JSON with `schema`; a document that does not fit is reported, never thrown. */
export function parseSharedDoc<T>(row: SharedDocRow, schema: ZodType<T>): { ok: true; doc: SharedDoc<T> } | { ok: false; key: string; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(row.json);
  } catch {
    return { ok: false, key: row.key, message: 'The stored value is not JSON.' };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, key: row.key, message: parsed.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, doc: { key: row.key, value: parsed.data, source: row.source, pending: row.pending } };
}

/** Stores a document (JSON-serializable, at most MAX_DOC_CHARS once serialized). */
export function writeSharedDoc(db: CsDatabase, key: string, value: unknown): Promise<SharedDocWriteResult> {
  return writeDoc(db, key, value);
}

/** Removes a document for everyone (its value is cleared; the other clients see it gone after a sync). */
export function removeSharedDoc(db: CsDatabase, key: string): Promise<SharedDocWriteResult> {
  return removeDoc(db, key);
}

/** Whether documents reach the CRM, live; `available: false` carries the CRM's refusal. */
export function useSharedDocsAvailability(): Ref<SharedDocsAvailability> {
  const db = useDb();
  return useLiveQuery(() => sharedDocsAvailability(db), { available: true }).value;
}
