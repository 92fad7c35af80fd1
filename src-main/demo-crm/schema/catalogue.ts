import { PIPELINES } from './pipelines';
import type { PropertyDef, PropertyType } from './properties';

/**
 * The rest of a real portal's property catalogue: HubSpot's own default properties (their
 * real names, types and groups) and a portal's custom ones, so that the app meets hundreds
 * of definitions per type like it does on HubSpot. None of these is needed by the app or by
 * the dataset's story; `--size` datasets fill a share of them (`dataset/fill.ts`).
 * Static: the same catalogue for every seed.
 */

/** How a property is entered: maps to HubSpot's `type` + `fieldType`. */
type Kind = 'text' | 'textarea' | 'html' | 'number' | 'date' | 'datetime' | 'bool' | 'select' | 'radio' | 'checkbox' | 'phone';
const KIND: Record<Kind, [PropertyType, string]> = {
  text: ['string', 'text'],
  textarea: ['string', 'textarea'],
  html: ['string', 'html'],
  number: ['number', 'number'],
  date: ['date', 'date'],
  datetime: ['datetime', 'date'],
  bool: ['bool', 'booleancheckbox'],
  select: ['enumeration', 'select'],
  radio: ['enumeration', 'radio'],
  checkbox: ['enumeration', 'checkbox'],
  phone: ['phone_number', 'phonenumber'],
};

/** `[name, kind, options?, flags?]`; flags: `c` calculated (read-only), `r` read-only. */
type Entry = [name: string, kind: Kind, options?: readonly string[] | null, flags?: 'c' | 'r'];
interface Group {
  group: string;
  entries: Entry[];
}

/** Labels HubSpot gives these; the rest are derived from the name (`hs_v2_…` say "(v2)"). */
const LABELS: Record<string, string> = { hs_createdate: 'Object create date/time' };
const label = (name: string): string =>
  LABELS[name] ??
  name.replace(/^hs_(v2_)?/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) + (name.startsWith('hs_v2_') ? ' (v2)' : '');
const optionLabel = (v: string): string => (/[a-z]/.test(v) ? v : v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' '));

function toDef(e: Entry, group: string, hubspotDefined: boolean): PropertyDef {
  const [name, kind, options, flags] = e;
  const [type, fieldType] = KIND[kind];
  const def: PropertyDef = { name, label: label(name), type, fieldType, hubspotDefined, groupName: group };
  def.description = hubspotDefined ? `HubSpot default property: ${label(name).toLowerCase()}.` : `Custom property of this portal: ${label(name).toLowerCase()}.`;
  if (kind === 'bool') def.options = [{ label: 'Yes', value: 'true' }, { label: 'No', value: 'false' }];
  else if (options) def.options = options.map((v) => ({ label: optionLabel(v), value: v }));
  if (flags) def.readOnly = true;
  if (flags === 'c') def.calculated = true;
  return def;
}

const LIFECYCLE = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];
const LEAD_STATUS = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const SOURCES = ['ORGANIC_SEARCH', 'PAID_SEARCH', 'EMAIL_MARKETING', 'SOCIAL_MEDIA', 'REFERRALS', 'OTHER_CAMPAIGNS', 'DIRECT_TRAFFIC', 'OFFLINE', 'PAID_SOCIAL', 'AI_REFERRALS'];
const TIMEZONES = ['europe_slash_warsaw', 'europe_slash_berlin', 'europe_slash_london', 'america_slash_chicago', 'america_slash_toronto', 'europe_slash_lisbon'];
const LANGUAGES = ['en', 'de', 'pl', 'fr', 'es', 'pt', 'it', 'nl'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'PLN', 'CAD'];
const EMPLOYEE_RANGES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'];
const REVENUE_RANGES = ['0-1M', '1M-10M', '10M-50M', '50M-100M', '100M-1B', '1B+'];
const TYPE_COMPANY = ['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER'];
const PERSONAS = ['persona_1', 'persona_2', 'persona_3', 'persona_4'];
const BUYING_ROLES = ['BLOCKER', 'BUDGET_HOLDER', 'CHAMPION', 'DECISION_MAKER', 'END_USER', 'EXECUTIVE_SPONSOR', 'INFLUENCER', 'LEGAL_AND_COMPLIANCE', 'OTHER'];
const FORECAST = ['OMIT', 'PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED'];
const PRIORITY = ['low', 'medium', 'high'];
const CHANNELS = ['EMAIL', 'CHAT', 'PHONE', 'FORM', 'WEB', 'SLACK'];

/** Per lifecycle stage or pipeline stage: HubSpot's entered/exited/time-in family (legacy and v2). */
const stageFamily = (ids: readonly string[]): Entry[] =>
  ids.flatMap((id): Entry[] => [
    [`hs_date_entered_${id}`, 'datetime', null, 'c'],
    [`hs_date_exited_${id}`, 'datetime', null, 'c'],
    [`hs_time_in_${id}`, 'number', null, 'c'],
    [`hs_v2_date_entered_${id}`, 'datetime', null, 'c'],
    [`hs_v2_date_exited_${id}`, 'datetime', null, 'c'],
    [`hs_v2_cumulative_time_in_${id}`, 'number', null, 'c'],
    [`hs_v2_latest_time_in_${id}`, 'number', null, 'c'],
  ]);

const OWNERSHIP: Entry[] = [
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

const ANALYTICS: Entry[] = [
  ['hs_analytics_source', 'select', SOURCES, 'c'], ['hs_analytics_source_data_1', 'text', null, 'c'], ['hs_analytics_source_data_2', 'text', null, 'c'],
  ['hs_analytics_latest_source', 'select', SOURCES, 'c'], ['hs_analytics_latest_source_data_1', 'text', null, 'c'], ['hs_analytics_latest_source_data_2', 'text', null, 'c'],
  ['hs_analytics_latest_source_timestamp', 'datetime', null, 'c'], ['hs_analytics_first_timestamp', 'datetime', null, 'c'], ['hs_analytics_last_timestamp', 'datetime', null, 'c'],
  ['hs_analytics_first_visit_timestamp', 'datetime', null, 'c'], ['hs_analytics_num_page_views', 'number', null, 'c'], ['hs_analytics_num_visits', 'number', null, 'c'],
  ['hs_analytics_first_touch_converting_campaign', 'text', null, 'c'], ['hs_analytics_last_touch_converting_campaign', 'text', null, 'c'],
];

const ENGAGEMENT_COMMON: Entry[] = [
  ['hs_activity_type', 'text'], ['hs_at_mentioned_owner_ids', 'text'], ['hs_attachment_ids', 'text'], ['hs_body_preview', 'text', null, 'c'],
  ['hs_body_preview_html', 'html', null, 'c'], ['hs_body_preview_is_truncated', 'bool', null, 'c'], ['hs_engagement_source', 'text', null, 'r'],
  ['hs_engagement_source_id', 'text', null, 'r'], ['hs_follow_up_action', 'text'], ['hs_gdpr_deleted', 'bool', null, 'r'], ['hs_modified_by', 'number', null, 'c'],
  ['hs_product_name', 'text'], ['hs_queue_membership_ids', 'text'], ['hs_unique_id', 'text', null, 'r'], ['hs_created_by', 'number', null, 'c'],
  ['hs_associated_company_labels', 'text', null, 'c'], ['hs_associated_contact_labels', 'text', null, 'c'], ['hs_associated_deal_labels', 'text', null, 'c'],
  ['hs_associated_ticket_labels', 'text', null, 'c'], ['hs_num_associated_companies', 'number', null, 'c'], ['hs_num_associated_contacts', 'number', null, 'c'],
  ['hs_num_associated_deals', 'number', null, 'c'], ['hs_num_associated_tickets', 'number', null, 'c'], ['hs_num_associated_queue_objects', 'number', null, 'c'],
  ['hs_engagements_last_contacted', 'datetime', null, 'c'], ['hs_body_search_text', 'textarea', null, 'c'],
];

const DEFAULTS: Record<string, Group[]> = {
  companies: [
    {
      group: 'companyinformation',
      entries: [
        ['about_us', 'textarea'], ['address', 'text'], ['address2', 'text'], ['state', 'text'], ['zip', 'text'], ['timezone', 'select', TIMEZONES],
        ['founded_year', 'text'], ['is_public', 'bool'], ['type', 'select', TYPE_COMPANY], ['web_technologies', 'checkbox', ['google_analytics', 'hubspot', 'salesforce', 'wordpress', 'shopify', 'zendesk', 'intercom', 'segment']],
        ['total_money_raised', 'text'], ['total_revenue', 'number', null, 'c'], ['hs_lead_status', 'select', LEAD_STATUS], ['hs_additional_domains', 'text'],
        ['hs_annual_revenue_currency_code', 'select', CURRENCIES], ['hs_country_code', 'text'], ['hs_state_code', 'text'], ['hs_employee_range', 'select', EMPLOYEE_RANGES],
        ['hs_revenue_range', 'select', REVENUE_RANGES], ['hs_industry_group', 'text'], ['hs_keywords', 'text'], ['hs_logo_url', 'text'], ['hs_avatar_filemanager_key', 'text', null, 'r'],
        ['hs_parent_company_id', 'number', null, 'c'], ['hs_num_child_companies', 'number', null, 'c'], ['hs_ideal_customer_profile', 'select', ['tier_1', 'tier_2', 'tier_3']],
        ['hs_is_target_account', 'bool'], ['hs_target_account', 'select', ['tier_1', 'tier_2', 'tier_3']], ['hs_target_account_probability', 'number', null, 'c'],
        ['hs_target_account_recommendation_state', 'select', ['ACCEPTED', 'REJECTED', 'SNOOZED'], 'r'], ['hs_target_account_recommendation_snooze_time', 'datetime', null, 'r'],
        ['hs_task_label', 'text', null, 'c'], ['hs_quick_context', 'text', null, 'c'],
        ['hs_predictivecontactscore_v2', 'number', null, 'c'], ['hs_research_agent_summary', 'textarea', null, 'c'],
      ],
    },
    {
      group: 'social_media_information',
      entries: [
        ['linkedin_company_page', 'text'], ['linkedinbio', 'textarea'], ['hs_linkedin_handle', 'text'], ['facebook_company_page', 'text'], ['facebookfans', 'number'],
        ['twitterhandle', 'text'], ['twitterbio', 'textarea'], ['twitterfollowers', 'number'], ['googleplus_page', 'text'],
      ],
    },
    { group: 'analyticsinformation', entries: [...ANALYTICS, ['hs_analytics_last_visit_timestamp', 'datetime', null, 'c']] },
    {
      group: 'company_activity',
      entries: [
        ['notes_next_activity_date', 'datetime', null, 'c'], ['num_contacted_notes', 'number', null, 'c'], ['num_notes', 'number', null, 'c'],
        ['hs_last_booked_meeting_date', 'datetime', null, 'c'], ['hs_last_logged_call_date', 'datetime', null, 'c'], ['hs_last_open_task_date', 'datetime', null, 'c'],
        ['hs_last_sales_activity_date', 'datetime', null, 'c'], ['hs_last_sales_activity_type', 'select', ['EMAIL_REPLY', 'MEETING_BOOKED', 'FORM_SUBMITTED', 'EMAIL_OPEN', 'EMAIL_CLICK'], 'c'],
        ['hs_last_logged_outgoing_email_date', 'datetime', null, 'c'], ['hs_next_activity_type', 'text', null, 'c'], ['hs_latest_meeting_activity', 'datetime', null, 'c'],
        ['engagements_last_meeting_booked', 'datetime', null, 'c'], ['engagements_last_meeting_booked_campaign', 'text', null, 'c'],
        ['engagements_last_meeting_booked_medium', 'text', null, 'c'], ['engagements_last_meeting_booked_source', 'text', null, 'c'],
        ['hs_num_blockers', 'number', null, 'c'], ['hs_num_contacts_with_buying_roles', 'number', null, 'c'], ['hs_num_decision_makers', 'number', null, 'c'],
      ],
    },
    {
      group: 'conversioninformation',
      entries: [
        ['first_contact_createdate', 'datetime', null, 'c'], ['first_conversion_date', 'datetime', null, 'c'], ['first_conversion_event_name', 'text', null, 'c'],
        ['recent_conversion_date', 'datetime', null, 'c'], ['recent_conversion_event_name', 'text', null, 'c'], ['num_conversion_events', 'number', null, 'c'],
      ],
    },
    {
      group: 'deal_information',
      entries: [
        ['closedate', 'datetime'], ['days_to_close', 'number', null, 'c'], ['first_deal_created_date', 'datetime', null, 'c'], ['num_associated_deals', 'number', null, 'c'],
        ['hs_num_open_deals', 'number', null, 'c'], ['recent_deal_amount', 'number', null, 'c'], ['recent_deal_close_date', 'datetime', null, 'c'],
        ['hs_total_deal_value', 'number', null, 'c'], ['hs_annual_revenue_currency_code_deals', 'text', null, 'c'],
      ],
    },
    { group: 'companyinformation', entries: [...OWNERSHIP, ...stageFamily(LIFECYCLE)] },
  ],
  contacts: [
    {
      group: 'contactinformation',
      entries: [
        ['mobilephone', 'phone'], ['fax', 'text'], ['address', 'text'], ['city', 'text'], ['state', 'text'], ['zip', 'text'], ['country', 'text'],
        ['website', 'text'], ['industry', 'text'], ['annualrevenue', 'text'], ['numemployees', 'select', EMPLOYEE_RANGES], ['salutation', 'text'],
        ['job_function', 'select', ['Accounting', 'Engineering', 'Finance', 'Marketing', 'Operations', 'Product', 'Sales', 'Support']], ['seniority', 'select', ['employee', 'manager', 'director', 'vp', 'executive', 'owner']],
        ['date_of_birth', 'text'], ['degree', 'text'], ['field_of_study', 'text'], ['school', 'text'], ['graduation_date', 'text'], ['gender', 'text'],
        ['marital_status', 'text'], ['military_status', 'text'], ['relationship_status', 'text'], ['work_email', 'text'], ['start_date', 'text'],
        ['hs_persona', 'select', PERSONAS], ['hs_language', 'select', LANGUAGES], ['hs_lead_status', 'select', LEAD_STATUS], ['hs_buying_role', 'checkbox', BUYING_ROLES],
        ['hs_timezone', 'select', TIMEZONES], ['hs_content_membership_status', 'select', ['active', 'inactive'], 'r'], ['hs_country_region_code', 'text'],
        ['hs_state_code', 'text'], ['hs_additional_emails', 'text', null, 'r'], ['hs_email_domain', 'text', null, 'c'], ['hs_calculated_mobile_number', 'text', null, 'c'],
        ['hs_calculated_phone_number', 'text', null, 'c'], ['hs_calculated_phone_number_country_code', 'text', null, 'c'], ['hs_searchable_calculated_phone_number', 'text', null, 'c'],
        ['hs_whatsapp_phone_number', 'text'], ['hs_legal_basis', 'checkbox', ['Legitimate interest – prospect/lead', 'Legitimate interest - existing customer', 'Performance of a contract', 'Freely given consent from contact']],
        ['hs_avatar_filemanager_key', 'text', null, 'r'], ['hs_predictivecontactscore_v2', 'number', null, 'c'], ['hs_predictivescoringtier', 'select', ['tier_1', 'tier_2', 'tier_3', 'tier_4', 'closed_won'], 'c'],
        ['hubspotscore', 'number', null, 'c'], ['hs_lifecyclestage_lead_date', 'datetime', null, 'c'], ['owneremail', 'text'], ['ownername', 'text'],
        ['hs_is_contact', 'bool', null, 'c'], ['hs_is_unworked', 'bool', null, 'c'], ['hs_full_name_or_email', 'text', null, 'c'], ['hs_inferred_language_codes', 'text', null, 'c'],
        ['hs_ip_timezone', 'text', null, 'c'], ['ip_city', 'text', null, 'c'], ['ip_country', 'text', null, 'c'], ['ip_country_code', 'text', null, 'c'],
        ['ip_state', 'text', null, 'c'], ['ip_state_code', 'text', null, 'c'], ['hs_facebookid', 'text'], ['hs_googleplusid', 'text'], ['hs_linkedinid', 'text'],
        ['hs_twitterid', 'text'], ['twitterhandle', 'text'], ['twitterprofilephoto', 'text'], ['linkedinbio', 'textarea'], ['linkedinconnections', 'number'],
        ['hs_linkedin_url', 'text'], ['message', 'textarea'], ['hs_employment_change_detected_date', 'date', null, 'c'], ['hs_registered_member', 'number', null, 'c'],
      ],
    },
    {
      group: 'emailinformation',
      entries: [
        ['hs_email_bounce', 'number', null, 'c'], ['hs_email_click', 'number', null, 'c'], ['hs_email_delivered', 'number', null, 'c'], ['hs_email_open', 'number', null, 'c'],
        ['hs_email_first_click_date', 'datetime', null, 'c'], ['hs_email_first_open_date', 'datetime', null, 'c'], ['hs_email_first_send_date', 'datetime', null, 'c'],
        ['hs_email_first_reply_date', 'datetime', null, 'c'], ['hs_email_last_send_date', 'datetime', null, 'c'], ['hs_email_optout', 'bool', null, 'r'],
        ['hs_email_hard_bounce_reason_enum', 'select', ['MAILBOX_FULL', 'UNKNOWN_USER', 'SPAM', 'POLICY', 'OTHER'], 'c'], ['hs_email_quarantined', 'bool', null, 'c'],
        ['hs_email_quarantined_reason', 'select', ['SUSPENSION_REMEDIATION', 'UNDELIVERABLE_ADDRESS'], 'c'], ['hs_email_recipient_fatigue_recovery_time', 'datetime', null, 'c'],
        ['hs_email_sends_since_last_engagement', 'number', null, 'c'], ['hs_emailconfirmationstatus', 'select', ['Confirmed', 'Unconfirmed', 'Pending'], 'c'],
        ['hs_email_is_ineligible', 'bool', null, 'c'], ['hs_email_customer_quarantined_reason', 'select', ['SUSPENSION_REMEDIATION'], 'c'],
        ['hs_sales_email_last_clicked', 'datetime', null, 'c'], ['hs_sales_email_last_opened', 'datetime', null, 'c'], ['hs_sales_email_last_replied', 'datetime', null, 'c'],
        ['hs_document_last_revisited', 'datetime', null, 'c'], ['hs_sequences_enrolled_count', 'number', null, 'c'], ['hs_sequences_actively_enrolled_count', 'number', null, 'c'],
        ['hs_last_sms_send_date', 'datetime', null, 'c'], ['hs_last_sms_send_name', 'text', null, 'c'], ['hs_sms_opt_out', 'bool'],
      ],
    },
    { group: 'analyticsinformation', entries: [
      ...ANALYTICS, ['hs_analytics_average_page_views', 'number', null, 'c'], ['hs_analytics_first_referrer', 'text', null, 'c'], ['hs_analytics_last_referrer', 'text', null, 'c'],
      ['hs_analytics_first_url', 'text', null, 'c'], ['hs_analytics_last_url', 'text', null, 'c'], ['hs_analytics_num_event_completions', 'number', null, 'c'],
      ['hs_analytics_revenue', 'number', null, 'c'], ['hs_social_last_engagement', 'datetime', null, 'c'], ['hs_social_num_broadcast_clicks', 'number', null, 'c'],
      ['hs_social_facebook_clicks', 'number', null, 'c'], ['hs_social_linkedin_clicks', 'number', null, 'c'], ['hs_social_twitter_clicks', 'number', null, 'c'],
    ] },
    {
      group: 'sales_properties',
      entries: [
        ['hs_last_sales_activity_date', 'datetime', null, 'c'], ['hs_last_sales_activity_timestamp', 'datetime', null, 'c'], ['hs_last_sales_activity_type', 'select', ['EMAIL_REPLY', 'MEETING_BOOKED', 'FORM_SUBMITTED'], 'c'],
        ['hs_latest_meeting_activity', 'datetime', null, 'c'], ['hs_latest_open_lead_date', 'datetime', null, 'c'], ['hs_first_outreach_date', 'datetime', null, 'c'],
        ['hs_first_engagement_object_id', 'number', null, 'c'], ['hs_time_to_first_engagement', 'number', null, 'c'], ['hs_time_to_move_from_lead_to_customer', 'number', null, 'c'],
        ['hs_time_to_move_from_marketingqualifiedlead_to_customer', 'number', null, 'c'], ['hs_time_to_move_from_opportunity_to_customer', 'number', null, 'c'],
        ['hs_time_to_move_from_salesqualifiedlead_to_customer', 'number', null, 'c'], ['hs_time_to_move_from_subscriber_to_customer', 'number', null, 'c'],
        ['hs_lifecyclestage_customer_date', 'datetime', null, 'c'], ['hs_lifecyclestage_opportunity_date', 'datetime', null, 'c'],
        ['hs_prospecting_agent_actively_enrolled_count', 'number', null, 'c'], ['hs_manual_campaign_ids', 'number'], ['hs_marketable_status', 'select', ['true', 'false'], 'c'],
        ['hs_marketable_reason_id', 'text', null, 'c'], ['hs_marketable_reason_type', 'select', ['FORM_SUBMISSION', 'IMPORT', 'INTEGRATION'], 'c'],
        ['hs_marketable_until_renewal', 'select', ['true', 'false'], 'c'], ['notes_last_updated', 'datetime', null, 'c'], ['notes_next_activity_date', 'datetime', null, 'c'],
        ['num_contacted_notes', 'number', null, 'c'], ['num_notes', 'number', null, 'c'], ['hs_next_activity_type', 'text', null, 'c'],
        ['engagements_last_meeting_booked', 'datetime', null, 'c'], ['engagements_last_meeting_booked_campaign', 'text', null, 'c'],
        ['engagements_last_meeting_booked_medium', 'text', null, 'c'], ['engagements_last_meeting_booked_source', 'text', null, 'c'],
      ],
    },
    {
      group: 'conversioninformation',
      entries: [
        ['first_conversion_date', 'datetime', null, 'c'], ['first_conversion_event_name', 'text', null, 'c'], ['num_conversion_events', 'number', null, 'c'],
        ['num_unique_conversion_events', 'number', null, 'c'], ['hs_calculated_form_submissions', 'text', null, 'c'], ['first_deal_created_date', 'datetime', null, 'c'],
        ['num_associated_deals', 'number', null, 'c'], ['recent_deal_amount', 'number', null, 'c'], ['recent_deal_close_date', 'datetime', null, 'c'],
        ['total_revenue', 'number', null, 'c'], ['closedate', 'datetime'], ['days_to_close', 'number', null, 'c'],
      ],
    },
    { group: 'contactinformation', entries: [...OWNERSHIP, ...stageFamily(LIFECYCLE)] },
  ],
  deals: [
    {
      group: 'dealinformation',
      entries: [
        ['hs_priority', 'select', PRIORITY], ['hs_forecast_category', 'select', FORECAST], ['hs_manual_forecast_category', 'select', FORECAST],
        ['hs_forecast_amount', 'number', null, 'c'], ['hs_forecast_probability', 'number'], ['hs_next_step', 'textarea'], ['hs_deal_score', 'number', null, 'c'],
        ['hs_acv', 'number', null, 'c'], ['hs_arr', 'number', null, 'c'], ['hs_mrr', 'number', null, 'c'], ['hs_tcv', 'number', null, 'c'],
        ['amount_in_home_currency', 'number', null, 'c'], ['deal_currency_code', 'select', CURRENCIES], ['hs_closed_amount', 'number', null, 'c'],
        ['hs_closed_amount_in_home_currency', 'number', null, 'c'], ['hs_projected_amount', 'number', null, 'c'], ['hs_projected_amount_in_home_currency', 'number', null, 'c'],
        ['hs_is_closed', 'bool', null, 'c'], ['hs_is_closed_won', 'bool', null, 'c'], ['hs_is_closed_lost', 'bool', null, 'c'], ['hs_is_deal_split', 'bool', null, 'c'],
        ['hs_is_open_count', 'number', null, 'c'], ['hs_is_stalled', 'bool', null, 'c'], ['hs_closed_won_count', 'number', null, 'c'], ['hs_closed_won_date', 'datetime', null, 'c'],
        ['closed_won_reason', 'textarea'], ['hs_days_to_close_raw', 'number', null, 'c'], ['days_to_close', 'number', null, 'c'], ['hs_deal_stage_probability_shadow', 'number', null, 'c'],
        ['hs_line_item_global_term_hs_discount_percentage', 'text'], ['hs_line_item_global_term_recurringbillingfrequency', 'text'], ['hs_tag_ids', 'checkbox', ['renewal', 'upsell', 'at_risk', 'strategic']],
        ['hs_primary_associated_company', 'number', null, 'c'], ['hs_num_associated_deal_splits', 'number', null, 'c'], ['hs_num_of_associated_line_items', 'number', null, 'c'],
        ['hs_num_target_accounts', 'number', null, 'c'], ['num_associated_contacts', 'number', null, 'c'], ['hs_campaign', 'text'], ['hs_deal_registration_mrr', 'number'],
        ['hs_exchange_rate', 'number', null, 'c'], ['hs_likelihood_to_close', 'number', null, 'c'], ['hs_predicted_amount', 'number', null, 'c'],
        ['hs_date_entered_current_stage', 'datetime', null, 'c'], ['hs_time_in_current_stage', 'number', null, 'c'], ['hs_v2_time_in_current_stage', 'datetime', null, 'c'],
        ['hs_deal_amount_calculation_preference', 'select', ['LINE_ITEMS', 'MANUAL']], ['hs_has_empty_conditional_stage_properties', 'bool', null, 'c'],
      ],
    },
    {
      group: 'deal_activity',
      entries: [
        ['notes_last_contacted', 'datetime', null, 'c'], ['notes_next_activity_date', 'datetime', null, 'c'], ['num_contacted_notes', 'number', null, 'c'],
        ['num_notes', 'number', null, 'c'], ['hs_latest_meeting_activity', 'datetime', null, 'c'], ['hs_sales_email_last_replied', 'datetime', null, 'c'],
        ['engagements_last_meeting_booked', 'datetime', null, 'c'], ['engagements_last_meeting_booked_campaign', 'text', null, 'c'],
        ['engagements_last_meeting_booked_medium', 'text', null, 'c'], ['engagements_last_meeting_booked_source', 'text', null, 'c'],
        ['hs_last_sales_activity_date', 'datetime', null, 'c'], ['hs_next_meeting_id', 'number', null, 'c'], ['hs_next_meeting_start_time', 'datetime', null, 'c'],
        ['hs_notes_next_activity_type', 'text', null, 'c'], ['hs_latest_approval_status', 'select', ['APPROVED', 'REJECTED', 'PENDING'], 'c'],
      ],
    },
    { group: 'analyticsinformation', entries: ANALYTICS },
    { group: 'dealinformation', entries: [...OWNERSHIP, ...stageFamily(PIPELINES.deals.flatMap((p) => p.stages.map((s) => s.id)))] },
  ],
  tickets: [
    {
      group: 'ticketinformation',
      entries: [
        ['source_type', 'select', CHANNELS], ['hs_ticket_id', 'number', null, 'c'], ['hs_ticket_language', 'select', LANGUAGES], ['hs_tag_ids', 'checkbox', ['bug', 'billing', 'onboarding', 'vip']],
        ['hs_custom_inbox', 'number', null, 'r'], ['hs_inbox_id', 'number', null, 'r'], ['hs_conversations_originating_message_id', 'text', null, 'r'],
        ['hs_originating_channel_instance_id', 'number', null, 'r'], ['hs_originating_email_engagement_id', 'number', null, 'r'], ['hs_originating_generic_channel_id', 'text', null, 'r'],
        ['hs_thread_ids_to_restore', 'text', null, 'r'], ['hs_in_helpdesk', 'bool', null, 'c'], ['hs_is_closed', 'bool', null, 'c'], ['hs_is_visible_in_help_desk', 'bool', null, 'c'],
        ['hs_most_recent_customer_agent_message_sent_timestamp', 'datetime', null, 'c'], ['hs_nextactivitydate', 'datetime', null, 'c'], ['hs_num_times_contacted', 'number', null, 'c'],
        ['hs_primary_company', 'text', null, 'c'], ['hs_primary_company_id', 'number', null, 'c'], ['hs_primary_company_name', 'text', null, 'c'],
        ['hs_primary_contact_id', 'number', null, 'c'], ['hs_primary_contact_name', 'text', null, 'c'], ['hs_feedback_last_ces_rating', 'select', ['1', '2', '3', '4', '5', '6', '7'], 'c'],
        ['hs_feedback_last_ces_follow_up', 'textarea', null, 'c'], ['hs_feedback_last_survey_date', 'datetime', null, 'c'], ['hs_sales_email_last_replied', 'datetime', null, 'c'],
        ['hs_ticket_reopened_at', 'datetime', null, 'c'], ['hs_resolution_due_date', 'datetime', null, 'c'], ['hs_seller_object_tag', 'text', null, 'c'],
        ['hs_unique_creation_key', 'text', null, 'r'], ['tags', 'checkbox', ['bug', 'billing', 'onboarding', 'vip', 'escalated']], ['hs_thread_ids', 'text', null, 'c'],
        ['hs_helpdesk_sort_timestamp', 'datetime', null, 'c'], ['hs_assigned_team_ids', 'text'], ['hs_auto_generated_from_thread_id', 'number', null, 'r'],
        ['hs_external_object_ids', 'text'], ['hs_object_reopen_count', 'number', null, 'c'], ['hs_sla_operating_hours_id', 'text'],
      ],
    },
    {
      group: 'ticket_activity',
      entries: [
        ['first_agent_reply_date', 'datetime', null, 'c'], ['last_engagement_date', 'datetime', null, 'c'], ['last_reply_date', 'datetime', null, 'c'],
        ['notes_last_contacted', 'datetime', null, 'c'], ['notes_last_updated', 'datetime', null, 'c'], ['notes_next_activity_date', 'datetime', null, 'c'],
        ['num_contacted_notes', 'number', null, 'c'], ['num_notes', 'number', null, 'c'], ['nps_follow_up_answer', 'textarea', null, 'c'],
        ['nps_follow_up_question_version', 'text', null, 'c'], ['time_to_close', 'number', null, 'c'],
        ['time_to_first_agent_reply', 'number', null, 'c'], ['hs_time_to_first_response_sla_status', 'select', ['ON_TIME', 'LATE', 'DUE_SOON', 'OVERDUE'], 'c'],
        ['hs_time_to_close_sla_status', 'select', ['ON_TIME', 'LATE', 'DUE_SOON', 'OVERDUE'], 'c'], ['hs_time_to_first_response_sla_at', 'datetime', null, 'c'],
        ['hs_time_to_close_sla_at', 'datetime', null, 'c'], ['hs_time_to_first_rep_assignment', 'number', null, 'c'], ['hs_last_message_received_at', 'datetime', null, 'c'],
        ['hs_last_message_sent_at', 'datetime', null, 'c'], ['hs_last_message_from_visitor', 'bool', null, 'c'], ['hs_last_email_activity', 'select', ['REPLY_FROM_CUSTOMER', 'REPLY_FROM_AGENT'], 'c'],
        ['hs_last_email_date', 'datetime', null, 'c'], ['hs_num_associated_companies', 'number', null, 'c'], ['hs_num_associated_conversations', 'number', null, 'c'],
        ['hs_date_entered_current_stage', 'datetime', null, 'c'], ['hs_time_in_current_stage', 'number', null, 'c'],
      ],
    },
    { group: 'ticketinformation', entries: [...OWNERSHIP, ...stageFamily(PIPELINES.tickets.flatMap((p) => p.stages.map((s) => s.id)))] },
  ],
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

/** A portal's own properties: `{area}_{field}` combinations in the CS team's own group. */
const CUSTOM_AREAS: Record<string, string[]> = {
  companies: ['onboarding', 'adoption', 'renewal', 'support', 'billing', 'training', 'integration', 'security', 'executive', 'expansion', 'advocacy', 'data_migration', 'success_plan'],
  contacts: ['onboarding', 'training', 'advocacy', 'community', 'survey', 'champion', 'certification', 'event', 'beta_program', 'newsletter', 'webinar', 'product_feedback', 'user_group', 'persona', 'journey'],
  deals: ['renewal', 'expansion', 'procurement', 'legal', 'pricing', 'discount', 'competitor', 'security_review', 'implementation'],
  tickets: ['escalation', 'sla', 'bug', 'root_cause', 'workaround', 'customer_impact', 'feedback'],
  tasks: ['playbook', 'follow_up'], notes: ['meeting_recap', 'call_recap'], calls: ['discovery', 'qbr'], emails: ['campaign', 'nurture'], meetings: ['qbr', 'workshop'],
};
const CUSTOM_FIELDS: [suffix: string, kind: Kind, options?: readonly string[]][] = [
  ['status', 'select', ['not_started', 'in_progress', 'blocked', 'done']],
  ['owner_notes', 'textarea'],
  ['date', 'date'],
  ['score', 'number'],
  ['completed', 'bool'],
  ['risk_level', 'radio', ['low', 'medium', 'high']],
  ['contact_name', 'text'],
  ['channels', 'checkbox', ['email', 'phone', 'video', 'onsite', 'slack']],
  ['last_review', 'datetime'],
  ['link', 'text'],
];
/** Named custom properties every CS portal has; the rest of the custom catalogue is generated. */
const CUSTOM_NAMED: Record<string, Entry[]> = {
  companies: [
    ['cs_segment', 'select', ['smb', 'mid_market', 'enterprise', 'strategic']], ['contract_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']],
    ['contract_start_date', 'date'], ['contract_end_date', 'date'], ['licensed_seats', 'number'], ['active_users_30d', 'number'], ['health_notes', 'textarea'],
    ['churn_risk_reason', 'checkbox', ['budget', 'champion_left', 'low_adoption', 'product_gaps', 'competitor', 'merger']], ['executive_sponsor', 'text'],
    ['support_plan', 'select', ['standard', 'premium', 'premium_plus']], ['customer_since', 'date'], ['reference_customer', 'bool'], ['crm_region', 'select', ['EMEA', 'NA', 'LATAM', 'APAC']],
  ],
  contacts: [
    ['cs_role', 'select', ['admin', 'power_user', 'end_user', 'executive', 'billing']], ['nps_last_score', 'number'], ['nps_last_response', 'textarea'],
    ['is_champion', 'bool'], ['preferred_channel', 'radio', ['email', 'phone', 'chat']], ['last_training_date', 'date'], ['product_interests', 'checkbox', ['Core', 'Analytics', 'Automation', 'Support Plus']],
  ],
  deals: [
    ['contract_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']], ['contract_term_months', 'number'], ['auto_renew', 'bool'], ['renewal_risk', 'select', ['low', 'medium', 'high']],
    ['products_included', 'checkbox', ['Core', 'Analytics', 'Automation', 'Support Plus']], ['decision_date', 'date'], ['deal_notes', 'textarea'],
  ],
  tickets: [['affected_module', 'select', ['reports', 'api', 'sso', 'billing', 'imports', 'mobile']], ['customer_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']], ['jira_issue_key', 'text'], ['reproducible', 'bool']],
  tasks: [['cs_playbook', 'select', ['onboarding', 'renewal', 'risk', 'expansion']]],
  notes: [['note_category', 'select', ['handoff', 'risk', 'win', 'general']]],
  calls: [['call_purpose', 'select', ['check_in', 'escalation', 'renewal', 'training']]],
  emails: [['email_category', 'select', ['outreach', 'follow_up', 'renewal', 'support']]],
  meetings: [['meeting_purpose', 'select', ['qbr', 'onboarding', 'training', 'executive']]],
};

/** How many definitions each standard type carries, like a real portal (at least these). */
export const CATALOGUE_SIZE: Record<string, number> = {
  companies: 260,
  contacts: 360,
  deals: 210,
  tickets: 160,
  tasks: 65,
  notes: 65,
  calls: 65,
  emails: 65,
  meetings: 65,
};

/**
 * The catalogue properties of `type` that `existing` does not define yet: HubSpot's defaults
 * first, then the portal's custom ones until the type has `CATALOGUE_SIZE` definitions.
 */
export function catalogueFor(type: string, existing: ReadonlySet<string>): PropertyDef[] {
  const target = CATALOGUE_SIZE[type];
  if (target === undefined) return [];
  const out: PropertyDef[] = [];
  const seen = new Set(existing);
  const add = (d: PropertyDef): void => {
    if (seen.has(d.name)) return;
    seen.add(d.name);
    out.push(d);
  };
  for (const g of DEFAULTS[type] ?? []) for (const e of g.entries) add(toDef(e, g.group, true));
  const customGroup = 'customer_success';
  for (const e of CUSTOM_NAMED[type] ?? []) add(toDef(e, customGroup, false));
  for (const field of CUSTOM_FIELDS) {
    for (const area of CUSTOM_AREAS[type] ?? []) {
      if (seen.size >= target) return out;
      add(toDef([`${area}_${field[0]}`, field[1], field[2]], customGroup, false));
    }
  }
  return out;
}
