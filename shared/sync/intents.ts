import type { Props } from './values';

/**
 * Intents, not states: each outbox entry says what the user meant and remembers the base it
 * was made against, so the push can tell "already applied" from "someone else changed it"
 * (docs/sync-guarantees.md, "Intents, not states").
 */
export type IntentLabel =
  | 'stage-move'
  | 'task-complete'
  | 'task-reopen'
  | 'task-reschedule'
  | 'property-edit'
  | 'conflict-resolution'
  | 'create-note'
  | 'create-task'
  | 'create-call'
  | 'create'
  | 'associate'
  | 'dissociate';

/** Set properties of one record; `base` holds, per property, the value the user saw. */
export interface UpdateIntent {
  kind: 'update';
  label: IntentLabel;
  objectType: string;
  recordId: string;
  base: Props;
  desired: Props;
}

/** Create a record under a temporary id; `clientId` is sent as the unique `cs_client_id`. */
export interface CreateIntent {
  kind: 'create';
  label: IntentLabel;
  objectType: string;
  recordId: string;
  clientId: string;
  properties: Props;
}

/** Add or remove the default association between two records (v4, idempotent by nature). */
export interface AssociationIntent {
  kind: 'associate' | 'dissociate';
  label: IntentLabel;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
}

export type Intent = UpdateIntent | CreateIntent | AssociationIntent;

const TEMP_PREFIX = 'tmp-';

export function tempIdFor(clientId: string): string {
  return TEMP_PREFIX + clientId;
}

export function isTempId(id: string): boolean {
  return id.startsWith(TEMP_PREFIX);
}

export function recordKey(objectType: string, id: string): string {
  return `${objectType}:${id}`;
}

/**
 * The per-record ordering key. An association is ordered with the record it hangs on: the
 * temporary side if there is one (it must wait for that create), else the `from` side.
 */
export function intentRecordKey(intent: Intent): string {
  switch (intent.kind) {
    case 'update':
    case 'create':
      return recordKey(intent.objectType, intent.recordId);
    default:
      return !isTempId(intent.fromId) && isTempId(intent.toId) ? recordKey(intent.toType, intent.toId) : recordKey(intent.fromType, intent.fromId);
  }
}

/** Temporary ids an intent depends on, other than the one it creates itself. */
export function unresolvedRefs(intent: Intent): string[] {
  switch (intent.kind) {
    case 'create':
      return [];
    case 'update':
      return isTempId(intent.recordId) ? [recordKey(intent.objectType, intent.recordId)] : [];
    default:
      return [recordKey(intent.fromType, intent.fromId), recordKey(intent.toType, intent.toId)].filter((k) => isTempId(k.slice(k.indexOf(':') + 1)));
  }
}

/** Rewrite an intent after a create was confirmed: the temporary id becomes the CRM id. */
export function remapIntent(intent: Intent, objectType: string, tempId: string, realId: string): Intent {
  const map = (type: string, id: string) => (type === objectType && id === tempId ? realId : id);
  switch (intent.kind) {
    case 'update':
    case 'create':
      return { ...intent, recordId: map(intent.objectType, intent.recordId) };
    default:
      return { ...intent, fromId: map(intent.fromType, intent.fromId), toId: map(intent.toType, intent.toId) };
  }
}
