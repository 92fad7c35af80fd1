/**
 * The properties the workspace's own code reads, per synced type: the tabs, the record
 * preview, the feed, notifications, the index fields of the local store and the edits the
 * app writes. The sync fetches these plus every property the user's configuration names
 * (views, health scores, reports, setup, stage rules: `src-renderer/db/queries/used-properties.ts`),
 * never a portal's hundreds of others (sync README "The properties the workspace uses").
 *
 * A property the code starts reading belongs here; `tests/unit/sync/workspace-properties.test.ts`
 * fails when a property name in the renderer's code is missing.
 */

/** The properties each record type shows in the record preview, key ones first (HubSpot's preview cards). */
export const PREVIEW_PROPERTIES: Readonly<Record<string, { title: string[]; key: string[]; more: string[] }>> = {
  companies: {
    title: ['name'],
    key: ['domain', 'csm_owner', 'renewal_date', 'csm_sentiment'],
    more: ['plan', 'nps_score', 'arr', 'industry', 'numberofemployees', 'phone', 'city', 'country', 'notes_last_updated', 'notes_last_contacted', 'createdate'],
  },
  contacts: { title: ['firstname', 'lastname'], key: ['email', 'phone', 'jobtitle'], more: ['company', 'lifecyclestage', 'hubspot_owner_id', 'createdate'] },
  deals: { title: ['dealname'], key: ['amount', 'dealstage', 'closedate'], more: ['pipeline', 'hubspot_owner_id', 'createdate'] },
  tickets: { title: ['subject'], key: ['hs_pipeline_stage', 'hs_ticket_priority'], more: ['content', 'hs_pipeline', 'hubspot_owner_id', 'createdate'] },
};

/** Every type: identity, owner and the cursor; `hs_merged_object_ids` is added by the sync where HubSpot merges. */
const COMMON = ['hs_object_id', 'createdate', 'hs_createdate', 'hubspot_owner_id', 'cs_client_id'];
const ENGAGEMENT = [...COMMON, 'hs_lastmodifieddate', 'hs_timestamp'];
const preview = (type: string): string[] => {
  const p = PREVIEW_PROPERTIES[type];
  return p ? [...p.title, ...p.key, ...p.more] : [];
};

/** The contact properties the feed's signals read (shared/feed/derive.ts). */
export const FEED_CONTACT_SIGNALS: readonly string[] = [
  'hs_email_last_open_date',
  'hs_email_last_click_date',
  'hs_email_last_reply_date',
  'hs_email_last_email_name',
  'recent_conversion_date',
  'recent_conversion_event_name',
  'hs_analytics_last_visit_timestamp',
  'hs_latest_sequence_enrolled_date',
  'hs_latest_sequence_unenrolled_date',
  'hs_latest_sequence_finished_date',
  'hs_latest_sequence_enrolled',
  'hs_sequences_is_enrolled',
];

export const WORKSPACE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  companies: [
    ...COMMON,
    'hs_lastmodifieddate',
    ...preview('companies'),
    // Portfolio, health and Summary.
    'cs_health_score',
    'cs_health_status',
    'cs_last_activity',
    'hs_last_sales_activity_timestamp',
    'num_associated_contacts',
    'website',
    'lifecyclestage',
    // Read for every type where defined (last activity, the feed's conversions, renewals).
    'recent_conversion_date',
    'recent_conversion_event_name',
    'hs_analytics_last_visit_timestamp',
    'closedate',
  ],
  contacts: [
    ...COMMON,
    'lastmodifieddate',
    ...preview('contacts'),
    ...FEED_CONTACT_SIGNALS,
    'mobilephone',
    'notes_last_contacted',
    'notes_last_updated',
    'hs_last_sales_activity_timestamp',
    'closedate',
  ],
  deals: [...COMMON, 'hs_lastmodifieddate', ...preview('deals'), 'notes_last_updated', 'notes_last_contacted', 'num_associated_contacts', 'renewal_date'],
  tickets: [...COMMON, 'hs_lastmodifieddate', ...preview('tickets'), 'notes_last_updated', 'notes_last_contacted', 'closed_date'],
  tasks: [
    ...ENGAGEMENT,
    'hs_task_subject',
    'hs_task_body',
    'hs_task_status',
    'hs_task_priority',
    'hs_task_type',
    'hs_task_reminders',
    'hs_task_completion_date',
  ],
  meetings: [
    ...ENGAGEMENT,
    'hs_meeting_title',
    'hs_meeting_body',
    'hs_meeting_start_time',
    'hs_meeting_end_time',
    'hs_meeting_outcome',
    'hs_meeting_external_url',
    'hs_meeting_location',
  ],
  notes: [...ENGAGEMENT, 'hs_note_body'],
  calls: [...ENGAGEMENT, 'hs_call_title', 'hs_call_body', 'hs_call_status', 'hs_call_direction', 'hs_call_duration'],
  emails: [...ENGAGEMENT, 'hs_email_subject', 'hs_email_text', 'hs_email_status', 'hs_email_direction'],
  p_cs_workspace_docs: [...COMMON, 'hs_lastmodifieddate', 'cs_doc_key', 'cs_doc_value'],
};
