import { INDUSTRIES } from '../dataset/words';
import { catalogueFor } from './catalogue';
import { OBJECT_TYPES } from './object-types';
import { PIPELINES } from './pipelines';
import { USERS } from './users';

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';

export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  options?: { label: string; value: string }[];
  readOnly?: boolean;
  calculated?: boolean;
  unique?: boolean;
  owner?: boolean;
  hubspotDefined: boolean;
  /** Defaults to `<singular>information`. */
  groupName?: string;
  description?: string;
}

type Spec = [name: string, type: PropertyType | 'owner', extra?: Partial<PropertyDef> | string[]];

const FIELD: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
  phone_number: 'phonenumber',
};

const CUSTOM = new Set(['csm_owner', 'renewal_date', 'csm_sentiment', 'nps_score', 'plan', 'arr', 'closed_lost_reason']);

const label = (name: string): string =>
  name
    .replace(/^hs_/, '')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

function def([name, type, extra]: Spec, objectType: string): PropertyDef {
  const base: PropertyDef = {
    name,
    label: label(name),
    type: type === 'owner' ? 'enumeration' : type,
    fieldType: FIELD[type === 'owner' ? 'enumeration' : type],
    hubspotDefined: !CUSTOM.has(name) && objectType !== 'subscriptions',
  };
  if (type === 'owner') {
    base.owner = true;
    base.options = USERS.map((x) => ({ label: `${x.firstName} ${x.lastName}`, value: x.ownerId }));
  }
  if (Array.isArray(extra)) base.options = extra.map((v) => ({ label: v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' '), value: v }));
  else if (extra) Object.assign(base, extra);
  if (type === 'bool')
    base.options = [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ];
  return base;
}

const RO = { readOnly: true };
const CALC = { readOnly: true, calculated: true };
// As in HubSpot, the stage and pipeline properties list every pipeline's stages with their labels.
const stageOptions = (t: 'deals' | 'tickets'): Partial<PropertyDef> => ({
  options: PIPELINES[t].flatMap((p) => p.stages.map((s) => ({ label: s.label, value: s.id }))),
});
const pipelineOptions = (t: 'deals' | 'tickets'): Partial<PropertyDef> => ({ options: PIPELINES[t].map((p) => ({ label: p.label, value: p.id })) });
const LIFECYCLE = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];

const COMMON: Spec[] = [
  ['hs_object_id', 'number', RO],
  ['createdate', 'datetime', RO],
  ['hubspot_owner_id', 'owner'],
];
const ENGAGEMENT: Spec[] = [['hs_timestamp', 'datetime']];

const SPECS: Record<string, Spec[]> = {
  companies: [
    ['name', 'string'],
    ['domain', 'string'],
    ['website', 'string'],
    ['phone', 'phone_number'],
    ['city', 'string'],
    ['country', 'string'],
    // The options are the industries the dataset generates.
    ['industry', 'enumeration', INDUSTRIES],
    ['numberofemployees', 'number'],
    ['annualrevenue', 'number'],
    ['lifecyclestage', 'enumeration', LIFECYCLE],
    ['description', 'string'],
    ['csm_owner', 'owner', { label: 'CSM owner' }],
    ['renewal_date', 'date', { label: 'Renewal date' }],
    ['csm_sentiment', 'enumeration', { label: 'CSM sentiment', options: ['Good', 'Neutral', 'Bad'].map((v) => ({ label: v, value: v })) }],
    ['nps_score', 'number', { label: 'NPS score' }],
    ['plan', 'enumeration', { label: 'Plan', options: ['Starter', 'Professional', 'Enterprise'].map((v) => ({ label: v, value: v })) }],
    ['arr', 'number', { label: 'ARR' }],
    ['notes_last_contacted', 'datetime', CALC],
    ['notes_last_updated', 'datetime', CALC],
    ['hs_last_sales_activity_timestamp', 'datetime', CALC],
    ['num_associated_contacts', 'number', CALC],
  ],
  contacts: [
    ['firstname', 'string'],
    ['lastname', 'string'],
    ['email', 'string'],
    ['phone', 'phone_number'],
    ['jobtitle', 'string'],
    ['company', 'string'],
    ['lifecyclestage', 'enumeration', LIFECYCLE],
    ['associatedcompanyid', 'number'],
    ['hs_email_last_open_date', 'datetime', CALC],
    ['hs_email_last_click_date', 'datetime', CALC],
    ['hs_email_last_reply_date', 'datetime', CALC],
    ['hs_email_last_email_name', 'string', CALC],
    ['recent_conversion_date', 'datetime', CALC],
    ['recent_conversion_event_name', 'string', CALC],
    ['hs_analytics_last_visit_timestamp', 'datetime', CALC],
    ['hs_sequences_is_enrolled', 'bool', CALC],
    ['hs_latest_sequence_enrolled', 'string', CALC],
    ['hs_latest_sequence_enrolled_date', 'datetime', CALC],
    ['hs_latest_sequence_unenrolled_date', 'datetime', CALC],
    ['hs_latest_sequence_finished_date', 'datetime', CALC],
    ['hs_latest_sequence_ended_date', 'datetime', CALC],
    ['notes_last_contacted', 'datetime', CALC],
  ],
  deals: [
    ['dealname', 'string'],
    ['amount', 'number'],
    ['closedate', 'datetime'],
    ['pipeline', 'enumeration', pipelineOptions('deals')],
    ['dealstage', 'enumeration', stageOptions('deals')],
    ['dealtype', 'enumeration', ['newbusiness', 'existingbusiness']],
    ['description', 'string'],
    ['closed_lost_reason', 'string'],
    ['hs_deal_stage_probability', 'number', CALC],
    ['hs_v2_date_entered_current_stage', 'datetime', CALC],
    ['notes_last_updated', 'datetime', CALC],
  ],
  tickets: [
    ['subject', 'string'],
    ['content', 'string'],
    ['hs_pipeline', 'enumeration', pipelineOptions('tickets')],
    ['hs_pipeline_stage', 'enumeration', stageOptions('tickets')],
    ['hs_ticket_priority', 'enumeration', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']],
    ['hs_ticket_category', 'enumeration', ['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']],
    ['hs_resolution', 'enumeration', ['ISSUE_FIXED', 'WORKAROUND', 'NOT_REPRODUCIBLE', 'DUPLICATE']],
    ['closed_date', 'datetime', CALC],
  ],
  tasks: [
    ...ENGAGEMENT,
    ['hs_task_subject', 'string'],
    ['hs_task_body', 'string'],
    ['hs_task_status', 'enumeration', ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']],
    ['hs_task_priority', 'enumeration', ['NONE', 'LOW', 'MEDIUM', 'HIGH']],
    ['hs_task_type', 'enumeration', ['EMAIL', 'CALL', 'TODO']],
    ['hs_task_reminders', 'string'],
    ['hs_task_completion_date', 'datetime', CALC],
    ['hs_task_is_overdue', 'bool', CALC],
  ],
  notes: [...ENGAGEMENT, ['hs_note_body', 'string'], ['hs_attachment_ids', 'string']],
  meetings: [
    ...ENGAGEMENT,
    ['hs_meeting_title', 'string'],
    ['hs_meeting_body', 'string'],
    ['hs_internal_meeting_notes', 'string'],
    ['hs_meeting_external_url', 'string'],
    ['hs_meeting_location', 'string'],
    ['hs_meeting_start_time', 'datetime'],
    ['hs_meeting_end_time', 'datetime'],
    ['hs_meeting_outcome', 'enumeration', ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']],
    ['hs_activity_type', 'string'],
    ['hs_attendee_owner_ids', 'string'],
  ],
  calls: [
    ...ENGAGEMENT,
    ['hs_call_title', 'string'],
    ['hs_call_body', 'string'],
    ['hs_call_direction', 'enumeration', ['INBOUND', 'OUTBOUND']],
    ['hs_call_disposition', 'string'],
    ['hs_call_duration', 'number'],
    [
      'hs_call_status',
      'enumeration',
      ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'IN_PROGRESS', 'NO_ANSWER', 'QUEUED', 'RINGING'],
    ],
  ],
  emails: [
    ...ENGAGEMENT,
    ['hs_email_subject', 'string'],
    ['hs_email_text', 'string'],
    ['hs_email_html', 'string'],
    ['hs_email_direction', 'enumeration', ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']],
    ['hs_email_status', 'enumeration', ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT']],
    ['hs_email_headers', 'string'],
  ],
  subscriptions: [
    ['subscription_name', 'string'],
    ['product', 'enumeration', ['Core', 'Analytics', 'Automation', 'Support Plus']],
    ['mrr', 'number'],
    ['status', 'enumeration', ['Active', 'Paused', 'Cancelled']],
    ['start_date', 'date'],
    ['end_date', 'date'],
  ],
};

/** The types `POST …/merge` accepts (HubSpot's merge API exists for these four). */
export const MERGEABLE_TYPES: ReadonlySet<string> = new Set(['contacts', 'companies', 'deals', 'tickets']);

/**
 * Property definitions per object type name; the modified-date property depends on the type.
 * The standard types then get the rest of a real portal's catalogue (`catalogue.ts`).
 */
export const PROPERTIES: Record<string, Map<string, PropertyDef>> = {};
/** Per type, the definitions the catalogue added (what generated datasets fill a share of). */
export const CATALOGUE_PROPERTIES: Record<string, PropertyDef[]> = {};
for (const type of OBJECT_TYPES) {
  const specs: Spec[] = [...COMMON, [type.modifiedProperty, 'datetime', RO], ...(SPECS[type.name] ?? [])];
  // The merged-away ids a survivor lists (`;`-separated), on the types HubSpot merges.
  if (MERGEABLE_TYPES.has(type.name)) specs.push(['hs_merged_object_ids', 'string', { ...CALC, label: 'Merged record IDs' }]);
  const map = new Map(specs.map((s) => [s[0], def(s, type.name)]));
  const extra = catalogueFor(type.name, new Set(map.keys()));
  for (const d of extra) map.set(d.name, d);
  PROPERTIES[type.name] = map;
  CATALOGUE_PROPERTIES[type.name] = extra;
}

export function propertyJson(p: PropertyDef, objectType: string): Record<string, unknown> {
  const stamp = '2024-01-01T00:00:00.000Z';
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description ?? '',
    groupName: p.groupName ?? `${objectType.replace(/s$/, '')}information`,
    options: (p.options ?? []).map((o, i) => ({ ...o, displayOrder: i, hidden: false })),
    displayOrder: -1,
    calculated: p.calculated ?? false,
    externalOptions: p.owner ?? false,
    ...(p.owner ? { referencedObjectType: 'OWNER' } : {}),
    hasUniqueValue: p.unique ?? false,
    hidden: false,
    hubspotDefined: p.hubspotDefined,
    formField: !p.readOnly,
    modificationMetadata: { archivable: !p.hubspotDefined, readOnlyDefinition: p.hubspotDefined, readOnlyValue: p.readOnly ?? false },
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
