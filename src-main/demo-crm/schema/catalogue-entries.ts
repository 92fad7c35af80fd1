/**
 * The building blocks of the portal catalogue (catalogue.ts): how an entry is written, the
 * option lists HubSpot's default properties use, the families of properties several types
 * share, and the engagements' own defaults.
 */

/** How a property is entered: maps to HubSpot's `type` + `fieldType`. */
export type Kind = 'text' | 'textarea' | 'html' | 'number' | 'date' | 'datetime' | 'bool' | 'select' | 'radio' | 'checkbox' | 'phone';

/** `[name, kind, options?, flags?]`; flags: `c` calculated (read-only), `r` read-only. */
export type Entry = [name: string, kind: Kind, options?: readonly string[] | null, flags?: 'c' | 'r'];
export interface Group {
  group: string;
  entries: Entry[];
}

export const LIFECYCLE = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];
export const LEAD_STATUS = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
export const SOURCES = [
  'ORGANIC_SEARCH',
  'PAID_SEARCH',
  'EMAIL_MARKETING',
  'SOCIAL_MEDIA',
  'REFERRALS',
  'OTHER_CAMPAIGNS',
  'DIRECT_TRAFFIC',
  'OFFLINE',
  'PAID_SOCIAL',
  'AI_REFERRALS',
];
export const TIMEZONES = [
  'europe_slash_warsaw',
  'europe_slash_berlin',
  'europe_slash_london',
  'america_slash_chicago',
  'america_slash_toronto',
  'europe_slash_lisbon',
];
export const LANGUAGES = ['en', 'de', 'pl', 'fr', 'es', 'pt', 'it', 'nl'];
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'PLN', 'CAD'];
export const EMPLOYEE_RANGES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'];
export const REVENUE_RANGES = ['0-1M', '1M-10M', '10M-50M', '50M-100M', '100M-1B', '1B+'];
export const TYPE_COMPANY = ['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER'];
export const PERSONAS = ['persona_1', 'persona_2', 'persona_3', 'persona_4'];
export const BUYING_ROLES = [
  'BLOCKER',
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
];
export const FORECAST = ['OMIT', 'PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED'];
export const PRIORITY = ['low', 'medium', 'high'];
export const CHANNELS = ['EMAIL', 'CHAT', 'PHONE', 'FORM', 'WEB', 'SLACK'];

/** Per lifecycle stage or pipeline stage: HubSpot's entered/exited/time-in family (legacy and v2). */
export const stageFamily = (ids: readonly string[]): Entry[] =>
  ids.flatMap((id): Entry[] => [
    [`hs_date_entered_${id}`, 'datetime', null, 'c'],
    [`hs_date_exited_${id}`, 'datetime', null, 'c'],
    [`hs_time_in_${id}`, 'number', null, 'c'],
    [`hs_v2_date_entered_${id}`, 'datetime', null, 'c'],
    [`hs_v2_date_exited_${id}`, 'datetime', null, 'c'],
    [`hs_v2_cumulative_time_in_${id}`, 'number', null, 'c'],
    [`hs_v2_latest_time_in_${id}`, 'number', null, 'c'],
  ]);

// A data table: several entries a line, as HubSpot lists them.
// prettier-ignore
export const OWNERSHIP: Entry[] = [
  ['hs_all_owner_ids', 'text', null, 'c'], ['hs_all_team_ids', 'text', null, 'c'], ['hs_all_accessible_team_ids', 'text', null, 'c'],
  ['hubspot_team_id', 'text', null, 'r'], ['hubspot_owner_assigneddate', 'datetime', null, 'c'], ['hs_created_by_user_id', 'number', null, 'c'],
  ['hs_updated_by_user_id', 'number', null, 'c'], ['hs_user_ids_of_all_owners', 'text', null, 'c'], ['hs_user_ids_of_all_notification_followers', 'text', null, 'c'],
  ['hs_user_ids_of_all_notification_unfollowers', 'text', null, 'c'], ['hs_shared_team_ids', 'text'], ['hs_shared_user_ids', 'text'],
  ['hs_all_assigned_business_unit_ids', 'text', null, 'c'], ['hs_object_source', 'text', null, 'r'], ['hs_object_source_id', 'text', null, 'r'],
  ['hs_object_source_label', 'select', ['INTEGRATION', 'CRM_UI', 'IMPORT', 'API', 'FORM', 'MOBILE_IOS', 'WORKFLOWS'], 'r'],
  ['hs_object_source_detail_1', 'text', null, 'r'], ['hs_object_source_detail_2', 'text', null, 'r'], ['hs_object_source_detail_3', 'text', null, 'r'],
  ['hs_object_source_user_id', 'number', null, 'r'], ['hs_unique_creation_key', 'text', null, 'r'], ['hs_was_imported', 'bool', null, 'r'],
  ['hs_read_only', 'bool', null, 'r'], ['hs_merged_object_ids', 'text', null, 'r'], ['hs_createdate', 'datetime', null, 'r'],
  ['hs_pinned_engagement_id', 'number'],
];

// A data table: several entries a line, as HubSpot lists them.
// prettier-ignore
export const ANALYTICS: Entry[] = [
  ['hs_analytics_source', 'select', SOURCES, 'c'], ['hs_analytics_source_data_1', 'text', null, 'c'], ['hs_analytics_source_data_2', 'text', null, 'c'],
  ['hs_analytics_latest_source', 'select', SOURCES, 'c'], ['hs_analytics_latest_source_data_1', 'text', null, 'c'], ['hs_analytics_latest_source_data_2', 'text', null, 'c'],
  ['hs_analytics_latest_source_timestamp', 'datetime', null, 'c'], ['hs_analytics_first_timestamp', 'datetime', null, 'c'], ['hs_analytics_last_timestamp', 'datetime', null, 'c'],
  ['hs_analytics_first_visit_timestamp', 'datetime', null, 'c'], ['hs_analytics_num_page_views', 'number', null, 'c'], ['hs_analytics_num_visits', 'number', null, 'c'],
  ['hs_analytics_first_touch_converting_campaign', 'text', null, 'c'], ['hs_analytics_last_touch_converting_campaign', 'text', null, 'c'],
];

// A data table: several entries a line, as HubSpot lists them.
// prettier-ignore
export const ENGAGEMENT_COMMON: Entry[] = [
  ['hs_activity_type', 'text'], ['hs_at_mentioned_owner_ids', 'text'], ['hs_attachment_ids', 'text'], ['hs_body_preview', 'text', null, 'c'],
  ['hs_body_preview_html', 'html', null, 'c'], ['hs_body_preview_is_truncated', 'bool', null, 'c'], ['hs_engagement_source', 'text', null, 'r'],
  ['hs_engagement_source_id', 'text', null, 'r'], ['hs_follow_up_action', 'text'], ['hs_gdpr_deleted', 'bool', null, 'r'], ['hs_modified_by', 'number', null, 'c'],
  ['hs_product_name', 'text'], ['hs_queue_membership_ids', 'text'], ['hs_unique_id', 'text', null, 'r'], ['hs_created_by', 'number', null, 'c'],
  ['hs_associated_company_labels', 'text', null, 'c'], ['hs_associated_contact_labels', 'text', null, 'c'], ['hs_associated_deal_labels', 'text', null, 'c'],
  ['hs_associated_ticket_labels', 'text', null, 'c'], ['hs_num_associated_companies', 'number', null, 'c'], ['hs_num_associated_contacts', 'number', null, 'c'],
  ['hs_num_associated_deals', 'number', null, 'c'], ['hs_num_associated_tickets', 'number', null, 'c'], ['hs_num_associated_queue_objects', 'number', null, 'c'],
  ['hs_engagements_last_contacted', 'datetime', null, 'c'], ['hs_body_search_text', 'textarea', null, 'c'],
];

/** HubSpot's default properties of the engagement types, by group. */
// A data table: several entries a line, as HubSpot lists them.
// prettier-ignore
export const ENGAGEMENT_DEFAULTS: Record<string, Group[]> = {
  tasks: [
    {
      group: 'task',
      entries: [
        ['hs_task_completion_count', 'number', null, 'c'], ['hs_task_contact_timezone', 'text', null, 'c'], ['hs_task_family', 'select', ['SALES', 'MARKETING', 'SERVICE']],
        ['hs_task_for_object_type', 'select', ['CONTACT', 'COMPANY', 'DEAL', 'TICKET']], ['hs_task_is_all_day', 'bool'], ['hs_task_is_completed', 'number', null, 'c'],
        ['hs_task_is_completed_call', 'number', null, 'c'], ['hs_task_is_completed_email', 'number', null, 'c'], ['hs_task_is_completed_linked_in', 'number', null, 'c'],
        ['hs_task_is_completed_sequence', 'number', null, 'c'], ['hs_task_is_past_due_date', 'bool', null, 'c'], ['hs_task_last_contact_outreach', 'datetime', null, 'c'],
        ['hs_task_last_sales_activity_timestamp', 'datetime', null, 'c'], ['hs_task_missed_due_date', 'bool', null, 'c'], ['hs_task_missed_due_date_count', 'number', null, 'c'],
        ['hs_task_probability_to_complete', 'number', null, 'c'], ['hs_task_relative_reminders', 'text'], ['hs_task_repeat_interval', 'text'], ['hs_task_send_default_reminder', 'bool'],
        ['hs_task_sequence_enrollment_active', 'bool', null, 'c'], ['hs_task_sequence_step_enrollment_id', 'text', null, 'r'], ['hs_task_sequence_step_order', 'number', null, 'r'],
        ['hs_task_template_id', 'number'], ['hs_task_ms_teams_payload', 'text', null, 'r'], ['hs_calendar_event_id', 'text'], ['hs_msteams_message_id', 'text', null, 'r'],
        ['hs_task_is_overdue_count', 'number', null, 'c'], ['hs_task_completion_count_by_owner', 'number', null, 'c'], ['hs_task_repeat_frequency', 'select', ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY']],
      ],
    },
    { group: 'engagement', entries: [...ENGAGEMENT_COMMON, ...OWNERSHIP] },
  ],
  notes: [
    {
      group: 'note',
      entries: [
        ['hs_note_ms_teams_payload', 'text', null, 'r'], ['hs_note_body_preview', 'text', null, 'c'], ['hs_note_is_pinned', 'bool', null, 'c'],
        ['hs_note_source', 'select', ['CRM_UI', 'MOBILE', 'INTEGRATION', 'EMAIL']], ['hs_note_type', 'select', ['GENERAL', 'HANDOFF', 'ESCALATION']],
      ],
    },
    { group: 'engagement', entries: [...ENGAGEMENT_COMMON, ...OWNERSHIP] },
  ],
  calls: [
    {
      group: 'call',
      entries: [
        ['hs_call_recording_url', 'text'], ['hs_call_from_number', 'text'], ['hs_call_to_number', 'text'], ['hs_call_callee_object_id', 'number'],
        ['hs_call_callee_object_type', 'select', ['CONTACT', 'COMPANY']], ['hs_call_has_transcript', 'bool', null, 'c'], ['hs_call_source', 'select', ['CALLING_WIDGET', 'INTEGRATIONS_PLATFORM', 'MOBILE']],
        ['hs_call_app_id', 'number', null, 'r'], ['hs_call_external_id', 'text', null, 'r'], ['hs_call_zoom_meeting_uuid', 'text', null, 'r'],
        ['hs_call_video_recording_url', 'text'], ['hs_call_has_voicemail', 'bool'], ['hs_call_authed_url_provider', 'text', null, 'r'],
        ['hs_call_transcription_id', 'number', null, 'r'], ['hs_call_summary', 'textarea', null, 'c'], ['hs_call_primary_deal', 'number'], ['hs_call_external_account_id', 'text', null, 'r'],
      ],
    },
    { group: 'engagement', entries: [...ENGAGEMENT_COMMON, ...OWNERSHIP] },
  ],
  emails: [
    {
      group: 'email',
      entries: [
        ['hs_email_from_email', 'text'], ['hs_email_from_firstname', 'text'], ['hs_email_from_lastname', 'text'], ['hs_email_to_email', 'text'],
        ['hs_email_to_firstname', 'text'], ['hs_email_to_lastname', 'text'], ['hs_email_cc_email', 'text'], ['hs_email_bcc_email', 'text'], ['hs_email_sender_email', 'text'],
        ['hs_email_thread_id', 'text', null, 'r'], ['hs_email_message_id', 'text', null, 'r'], ['hs_email_attached_video_id', 'text'], ['hs_email_open_count', 'number', null, 'c'],
        ['hs_email_click_count', 'number', null, 'c'], ['hs_email_reply_count', 'number', null, 'c'], ['hs_email_logged_from', 'select', ['CRM', 'EXTENSION', 'BCC', 'INBOX']],
        ['hs_email_tracker_key', 'text', null, 'r'], ['hs_email_sent_via', 'select', ['GMAIL', 'OUTLOOK', 'SMTP', 'HUBSPOT']], ['hs_email_post_send_status', 'text', null, 'c'],
        ['hs_email_error_message', 'text', null, 'c'], ['hs_email_ms_teams_payload', 'text', null, 'r'], ['hs_email_validation_skipped', 'text', null, 'r'],
        ['hs_email_media_processing_status', 'select', ['PROCESSING', 'DONE', 'FAILED'], 'c'], ['hs_email_member_of_forwarded_subthread', 'bool', null, 'c'],
        ['hs_email_recipient_drop_reasons', 'text', null, 'c'], ['hs_email_send_event_id', 'text', null, 'r'],
      ],
    },
    { group: 'engagement', entries: [...ENGAGEMENT_COMMON, ...OWNERSHIP] },
  ],
  meetings: [
    {
      group: 'meeting',
      entries: [
        ['hs_meeting_change_id', 'text', null, 'r'], ['hs_meeting_created_from_link_id', 'text', null, 'r'], ['hs_meeting_is_recurring', 'bool'],
        ['hs_meeting_source', 'select', ['CRM_UI', 'MEETINGS_PUBLIC', 'INTEGRATION', 'BIDIRECTIONAL_API']], ['hs_meeting_source_id', 'text', null, 'r'],
        ['hs_meeting_web_conference_meeting_id', 'text', null, 'r'], ['hs_meeting_payments_session_id', 'text', null, 'r'], ['hs_meeting_calendar_event_hash', 'text', null, 'r'],
        ['hs_meeting_ms_teams_payload', 'text', null, 'r'], ['hs_meeting_pre_meeting_prospect_reminders', 'text'], ['hs_include_description_in_reminder', 'bool'],
        ['hs_i_cal_uid', 'text', null, 'r'], ['hs_scheduled_tasks', 'text', null, 'r'], ['hs_guest_emails', 'text'], ['hs_contact_first_outreach_date', 'datetime', null, 'c'],
        ['hs_time_to_book_meeting_from_first_contact', 'number', null, 'c'], ['hs_roster_object_coordinates', 'text', null, 'r'], ['hs_meeting_location_type', 'select', ['ADDRESS', 'CUSTOM', 'PHONE', 'VIDEO']],
      ],
    },
    { group: 'engagement', entries: [...ENGAGEMENT_COMMON, ...OWNERSHIP] },
  ],
};
