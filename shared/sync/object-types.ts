/**
 * The CRM object types the app keeps a local copy of, and what the sync needs to know
 * about each. The cursor property differs by type: contacts use `lastmodifieddate`,
 * everything else `hs_lastmodifieddate` (docs/hubspot-api.md §4, §13).
 */
export const SYNCED_TYPES = ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'meetings', 'notes', 'calls', 'emails', 'p_cs_workspace_docs'] as const;

export type SyncedType = (typeof SYNCED_TYPES)[number];

export interface SyncedTypeInfo {
  name: SyncedType;
  cursorProperty: 'lastmodifieddate' | 'hs_lastmodifieddate';
  /** Fetched when no property definitions are stored yet (first run before reference data). */
  fallbackProperties: readonly string[];
  /**
   * Types this type's associations are read towards. Each pair is listed once, from the
   * side that has few partners, so a bootstrap reads every association exactly once;
   * the reverse direction is written locally from the same answer.
   */
  associationTargets: readonly SyncedType[];
  /**
   * A custom object of the app's own that a portal may lack (custom objects need Enterprise):
   * when the CRM refuses it, the pass records why under meta `unavailable:<type>` and the
   * other types sync as usual.
   */
  optional?: boolean;
}

const ENGAGEMENT_TARGETS: readonly SyncedType[] = ['companies', 'contacts', 'deals', 'tickets'];

const info = (name: SyncedType, fallbackProperties: readonly string[], associationTargets: readonly SyncedType[] = []): SyncedTypeInfo => ({
  name,
  cursorProperty: name === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate',
  fallbackProperties: ['hs_object_id', 'createdate', name === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate', ...fallbackProperties],
  associationTargets,
});

export const TYPE_INFO: Readonly<Record<SyncedType, SyncedTypeInfo>> = {
  companies: info('companies', ['name', 'domain', 'hubspot_owner_id']),
  contacts: info('contacts', ['firstname', 'lastname', 'email', 'hubspot_owner_id'], ['companies']),
  deals: info('deals', ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'hubspot_owner_id'], ['companies', 'contacts']),
  tickets: info('tickets', ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hubspot_owner_id'], ['companies', 'contacts']),
  tasks: info('tasks', ['hs_task_subject', 'hs_timestamp', 'hs_task_status', 'hubspot_owner_id'], ENGAGEMENT_TARGETS),
  meetings: info('meetings', ['hs_meeting_title', 'hs_timestamp', 'hubspot_owner_id'], ENGAGEMENT_TARGETS),
  notes: info('notes', ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id'], ENGAGEMENT_TARGETS),
  calls: info('calls', ['hs_call_title', 'hs_timestamp', 'hubspot_owner_id'], ENGAGEMENT_TARGETS),
  emails: info('emails', ['hs_email_subject', 'hs_timestamp', 'hubspot_owner_id'], ENGAGEMENT_TARGETS),
  p_cs_workspace_docs: { ...info('p_cs_workspace_docs', ['cs_doc_key', 'cs_doc_value']), optional: true },
};

export function isSyncedType(name: string): name is SyncedType {
  return (SYNCED_TYPES as readonly string[]).includes(name);
}

/** Every type whose associations with `type` are kept, in either direction. */
export function associationPartners(type: SyncedType): SyncedType[] {
  const partners = new Set<SyncedType>(TYPE_INFO[type].associationTargets);
  for (const other of SYNCED_TYPES) if (TYPE_INFO[other].associationTargets.includes(type)) partners.add(other);
  return [...partners];
}

/** Stage properties of the types that have pipelines (docs/hubspot-api.md §6). */
export const STAGE_PROPERTY: Partial<Record<SyncedType, { pipeline: string; stage: string }>> = {
  deals: { pipeline: 'pipeline', stage: 'dealstage' },
  tickets: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' },
};

/**
 * The unique property every writable object carries so that a create can be retried
 * without creating twice: `batch/upsert` with `idProperty` (docs/sync-guarantees.md, "Creates
 * are idempotent by key").
 */
export const CLIENT_ID_PROPERTY = 'cs_client_id';

/**
 * Shared workspace documents (ARCHITECTURE.md): the custom object `cs_workspace_docs`, one
 * record per document, synced like any other type. Paths name it by HubSpot's `p_<name>`
 * short form, which every portal accepts without knowing its id.
 */
export const DOCS_OBJECT_NAME = 'cs_workspace_docs';
export const DOCS_TYPE = 'p_cs_workspace_docs' satisfies SyncedType;
export const DOC_KEY_PROPERTY = 'cs_doc_key';
export const DOC_VALUE_PROPERTY = 'cs_doc_value';
/** Meta key under which the sync notes that the CRM refused an optional type (null = served). */
export const unavailableKey = (type: SyncedType): string => `unavailable:${type}`;
