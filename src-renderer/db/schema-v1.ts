/**
 * Schema version 1. SHIPPED VERSIONS ARE NEVER EDITED: a change is a new file
 * (schema-v2.ts …) appended to `SCHEMA_VERSIONS`, with an `upgrade` that carries the
 * user's rows and outbox across (docs/sync-guarantees.md G16, tests/migrations).
 *
 * Synced rows keep the CRM's envelope plus top-level index fields extracted from the
 * properties when written (index-fields.ts), because IndexedDB can only index top-level or
 * dotted paths of stored values, and the tabs query by owner, stage, due date, status, last
 * activity and renewal date.
 */
const RECORD = 'id, ownerId, csmOwnerId, [pipeline+stage], stage, dueAt, status, lastActivityAt, renewalAt, updatedAt';

export const schemaV1 = {
  version: 1,
  stores: {
    companies: RECORD,
    contacts: RECORD,
    deals: RECORD,
    tickets: RECORD,
    tasks: RECORD,
    meetings: RECORD,
    notes: RECORD,
    calls: RECORD,
    emails: RECORD,
    /** Pending local values per record (a fold of its pending outbox rows). */
    overlay: 'key, objectType',
    /** Intents; `seq` is the global order, `recordKey` the per-record order; status pending|attention. */
    outbox: '++seq, recordKey, status',
    conflicts: 'key, [objectType+recordId]',
    /** Stored in both directions so either side is one indexed query. */
    associations: '[fromType+fromId+toType+toId], [fromType+fromId], [fromType+fromId+toType]',
    pipelines: '[objectType+id], objectType',
    owners: 'id, userId, email',
    users: 'id, email',
    properties: '[objectType+name], objectType',
    cursors: 'objectType',
    meta: 'key',
    /** Temporary id → CRM id, so a screen showing a new record can follow it. */
    remaps: 'key',
  },
} as const;
