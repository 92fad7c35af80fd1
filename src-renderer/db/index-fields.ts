import { STAGE_PROPERTY, toMillis, type SyncedRecord, type SyncedType } from '../../shared/sync';
import type { RecordRow } from './rows';

/** Per type, which property feeds each top-level index field (undefined fields are not indexed). */
const DUE: Partial<Record<SyncedType, string>> = {
  tasks: 'hs_timestamp',
  meetings: 'hs_meeting_start_time',
  deals: 'closedate',
  calls: 'hs_timestamp',
  notes: 'hs_timestamp',
  emails: 'hs_timestamp',
};
const STATUS: Partial<Record<SyncedType, string>> = {
  tasks: 'hs_task_status',
  meetings: 'hs_meeting_outcome',
  calls: 'hs_call_status',
  emails: 'hs_email_status',
  tickets: 'hs_ticket_priority',
};
const LAST_ACTIVITY = ['notes_last_updated', 'hs_last_sales_activity_timestamp', 'notes_last_contacted'];

const str = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);

/** The synced row as stored: envelope + index fields. Written on every put, never by hand. */
export function toRow(type: string, r: SyncedRecord): RecordRow {
  const p = r.properties;
  const t = type as SyncedType;
  const stage = STAGE_PROPERTY[t];
  const fields: Partial<RecordRow> = {
    ownerId: str(p.hubspot_owner_id),
    csmOwnerId: str(p.csm_owner),
    pipeline: stage ? str(p[stage.pipeline]) : undefined,
    stage: stage ? str(p[stage.stage]) : undefined,
    dueAt: DUE[t] ? (toMillis(p[DUE[t]]) ?? toMillis(p.hs_timestamp)) : undefined,
    status: STATUS[t] ? str(p[STATUS[t]]) : undefined,
    lastActivityAt: LAST_ACTIVITY.map((k) => toMillis(p[k])).find((v) => v !== undefined) ?? (DUE[t] ? toMillis(p.hs_timestamp) : undefined),
    renewalAt: toMillis(p.renewal_date),
  };
  const row: RecordRow = { id: r.id, properties: r.properties, createdAt: r.createdAt, updatedAt: r.updatedAt, archived: r.archived };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (row as unknown as Record<string, unknown>)[k] = v;
  return row;
}
