import { crmMessage } from './crm-calls';
import type { EntryError } from './outbox';
import type { CrmResponse } from './ports';
import type { Props, SyncedRecord } from './values';

export interface WireRecord {
  id: string;
  properties: Props;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: string; sourceId?: string; updatedByUserId?: number }>>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  /** Echoed from a batch create input that carried one. */
  objectWriteTraceId?: string;
}

interface WireError {
  status?: string | number;
  category?: string;
  message?: string;
  context?: Record<string, unknown>;
  id?: string;
}

export interface BatchAnswer {
  results: WireRecord[];
  /** Per-item errors with the ids they name (HubSpot puts them in `context.ids`). */
  errors: Array<{ ids: string[]; error: EntryError }>;
}

/** A 200/201/207 batch envelope, split into per-item results and per-item errors (§3). */
export function parseBatch(res: CrmResponse, at: number): BatchAnswer {
  const body = (res.body ?? {}) as { results?: WireRecord[]; errors?: WireError[] };
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
  return { results: body.results ?? [], errors };
}

export function toSyncedRecord(w: WireRecord): SyncedRecord {
  return { id: String(w.id), properties: w.properties ?? {}, createdAt: w.createdAt, updatedAt: w.updatedAt, archived: w.archived ?? false };
}
