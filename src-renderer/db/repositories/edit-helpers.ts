import { STAGE_PROPERTY, type Props, type SyncedType } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { applyEdit, type EditOptions, type EditResult } from './edits';

/**
 * The edits the tabs make, each one intent through applyEdit. Dates go to the CRM as epoch
 * ms strings, which HubSpot accepts for date-time properties (docs/hubspot-api.md §2, §10).
 */
export function moveStage(
  db: CsDatabase,
  type: 'deals' | 'tickets',
  id: string,
  stageId: string,
  pipelineId?: string,
  extra: Props = {},
  o?: EditOptions,
): Promise<EditResult> {
  const p = STAGE_PROPERTY[type];
  if (!p) throw new Error(`${type} have no pipeline`);
  const desired: Props = { ...extra, [p.stage]: stageId, ...(pipelineId ? { [p.pipeline]: pipelineId } : {}) };
  return applyEdit(db, { kind: 'update', objectType: type, recordId: id, desired, label: 'stage-move' }, o);
}

export function completeTask(db: CsDatabase, id: string, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'update', objectType: 'tasks', recordId: id, desired: { hs_task_status: 'COMPLETED' }, label: 'task-complete' }, o);
}

export function reopenTask(db: CsDatabase, id: string, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'update', objectType: 'tasks', recordId: id, desired: { hs_task_status: 'NOT_STARTED' }, label: 'task-reopen' }, o);
}

export function rescheduleTask(db: CsDatabase, id: string, dueAtMs: number, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'update', objectType: 'tasks', recordId: id, desired: { hs_timestamp: String(dueAtMs) }, label: 'task-reschedule' }, o);
}

export function setProperties(db: CsDatabase, type: SyncedType, id: string, desired: Props, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'update', objectType: type, recordId: id, desired, label: 'property-edit' }, o);
}

type Targets = Array<{ toType: SyncedType; toId: string }>;

export function createNote(
  db: CsDatabase,
  n: { body: string; timestampMs: number; ownerId?: string; associations: Targets },
  o?: EditOptions,
): Promise<EditResult> {
  const properties: Props = { hs_note_body: n.body, hs_timestamp: String(n.timestampMs), ...(n.ownerId ? { hubspot_owner_id: n.ownerId } : {}) };
  return applyEdit(db, { kind: 'create', objectType: 'notes', properties, associations: n.associations, label: 'create-note' }, o);
}

export function createTask(
  db: CsDatabase,
  t: { subject: string; dueAtMs: number; body?: string; ownerId?: string; priority?: string; associations: Targets },
  o?: EditOptions,
): Promise<EditResult> {
  const properties: Props = {
    hs_task_subject: t.subject,
    hs_timestamp: String(t.dueAtMs),
    hs_task_status: 'NOT_STARTED',
    ...(t.body ? { hs_task_body: t.body } : {}),
    ...(t.ownerId ? { hubspot_owner_id: t.ownerId } : {}),
    ...(t.priority ? { hs_task_priority: t.priority } : {}),
  };
  return applyEdit(db, { kind: 'create', objectType: 'tasks', properties, associations: t.associations, label: 'create-task' }, o);
}

export function logCall(
  db: CsDatabase,
  c: { title: string; body?: string; timestampMs: number; durationMs?: number; direction?: 'INBOUND' | 'OUTBOUND'; ownerId?: string; associations: Targets },
  o?: EditOptions,
): Promise<EditResult> {
  const properties: Props = {
    hs_call_title: c.title,
    hs_timestamp: String(c.timestampMs),
    ...(c.body ? { hs_call_body: c.body } : {}),
    ...(c.durationMs !== undefined ? { hs_call_duration: String(c.durationMs) } : {}),
    ...(c.direction ? { hs_call_direction: c.direction } : {}),
    ...(c.ownerId ? { hubspot_owner_id: c.ownerId } : {}),
  };
  return applyEdit(db, { kind: 'create', objectType: 'calls', properties, associations: c.associations, label: 'create-call' }, o);
}

export function associate(db: CsDatabase, fromType: SyncedType, fromId: string, toType: SyncedType, toId: string, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'associate', fromType, fromId, toType, toId }, o);
}

export function dissociate(db: CsDatabase, fromType: SyncedType, fromId: string, toType: SyncedType, toId: string, o?: EditOptions): Promise<EditResult> {
  return applyEdit(db, { kind: 'dissociate', fromType, fromId, toType, toId }, o);
}
