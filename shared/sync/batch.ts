import { crmMessage, type PublicObject } from '../hubspot';
import { BatchOf, PublicObject as PublicObjectShape } from '../hubspot/schemas';
import type { EntryError } from './outbox';
import type { CrmResponse } from './ports';
import type { SyncedRecord } from './values';

/** A record as HubSpot sends it (SimplePublicObject). */
export type WireRecord = PublicObject;

const RecordBatch = BatchOf(PublicObjectShape);

export interface BatchAnswer {
  results: WireRecord[];
  /** Per-item errors with the ids they name (HubSpot puts them in `context.ids`). */
  errors: Array<{ ids: string[]; error: EntryError }>;
}

/** A 200/201/207 batch envelope, split into per-item results and per-item errors (§3). */
export function parseBatch(res: CrmResponse, at: number): BatchAnswer {
  // An answer HubSpot does not document is read as no results: each entry is then looked up
  // before anything is sent again, as after a timeout.
  const parsed = RecordBatch.safeParse(res.body);
  const body = parsed.success ? parsed.data : { results: [], errors: [] };
  const errors = (body.errors ?? []).map((e) => {
    const ctx = e.context ?? {};
    const ids = [ctx.ids, ctx.id, e.id].flatMap((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v])).map(String);
    const status = Number(e.status);
    const error: EntryError = {
      message: crmMessage({ status: res.status, headers: {}, body: e }),
      at,
      ...(Number.isFinite(status) ? { status } : {}),
      ...(e.category ? { code: e.category } : {}),
    };
    return { ids, error };
  });
  return { results: body.results, errors };
}

export function toSyncedRecord(w: WireRecord): SyncedRecord {
  return { id: w.id, properties: w.properties, createdAt: w.createdAt, updatedAt: w.updatedAt, archived: w.archived ?? false };
}
