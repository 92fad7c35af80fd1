import { ENGAGEMENT_DEFAULTS, type Entry, type Kind } from './catalogue-entries';
import { RECORD_DEFAULTS } from './catalogue-records';
import type { PropertyDef, PropertyType } from './properties';

/**
 * The rest of a real portal's property catalogue: HubSpot's own default properties (their
 * real names, types and groups) and a portal's custom ones, so that the app meets hundreds
 * of definitions per type like it does on HubSpot. None of these is needed by the app or by
 * the dataset's story; `--size` datasets fill a share of them (`dataset/fill.ts`).
 * Static: the same catalogue for every seed.
 */

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

/** Labels HubSpot gives these; the rest are derived from the name (`hs_v2_…` say "(v2)"). */
const LABELS: Record<string, string> = { hs_createdate: 'Object create date/time' };
const label = (name: string): string =>
  LABELS[name] ??
  name
    .replace(/^hs_(v2_)?/, '')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase()) + (name.startsWith('hs_v2_') ? ' (v2)' : '');
const optionLabel = (v: string): string => (/[a-z]/.test(v) ? v : v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' '));

function toDef(e: Entry, group: string, hubspotDefined: boolean): PropertyDef {
  const [name, kind, options, flags] = e;
  const [type, fieldType] = KIND[kind];
  const def: PropertyDef = { name, label: label(name), type, fieldType, hubspotDefined, groupName: group };
  def.description = hubspotDefined
    ? `HubSpot default property: ${label(name).toLowerCase()}.`
    : `Custom property of this portal: ${label(name).toLowerCase()}.`;
  if (kind === 'bool')
    def.options = [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ];
  else if (options) def.options = options.map((v) => ({ label: optionLabel(v), value: v }));
  if (flags) def.readOnly = true;
  if (flags === 'c') def.calculated = true;
  return def;
}

const DEFAULTS = { ...RECORD_DEFAULTS, ...ENGAGEMENT_DEFAULTS };

/** A portal's own properties: `{area}_{field}` combinations in the CS team's own group. */
const CUSTOM_AREAS: Record<string, string[]> = {
  companies: [
    'onboarding',
    'adoption',
    'renewal',
    'support',
    'billing',
    'training',
    'integration',
    'security',
    'executive',
    'expansion',
    'advocacy',
    'data_migration',
    'success_plan',
  ],
  contacts: [
    'onboarding',
    'training',
    'advocacy',
    'community',
    'survey',
    'champion',
    'certification',
    'event',
    'beta_program',
    'newsletter',
    'webinar',
    'product_feedback',
    'user_group',
    'persona',
    'journey',
  ],
  deals: ['renewal', 'expansion', 'procurement', 'legal', 'pricing', 'discount', 'competitor', 'security_review', 'implementation'],
  tickets: ['escalation', 'sla', 'bug', 'root_cause', 'workaround', 'customer_impact', 'feedback'],
  tasks: ['playbook', 'follow_up'],
  notes: ['meeting_recap', 'call_recap'],
  calls: ['discovery', 'qbr'],
  emails: ['campaign', 'nurture'],
  meetings: ['qbr', 'workshop'],
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
    ['cs_segment', 'select', ['smb', 'mid_market', 'enterprise', 'strategic']],
    ['contract_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']],
    ['contract_start_date', 'date'],
    ['contract_end_date', 'date'],
    ['licensed_seats', 'number'],
    ['active_users_30d', 'number'],
    ['health_notes', 'textarea'],
    ['churn_risk_reason', 'checkbox', ['budget', 'champion_left', 'low_adoption', 'product_gaps', 'competitor', 'merger']],
    ['executive_sponsor', 'text'],
    ['support_plan', 'select', ['standard', 'premium', 'premium_plus']],
    ['customer_since', 'date'],
    ['reference_customer', 'bool'],
    ['crm_region', 'select', ['EMEA', 'NA', 'LATAM', 'APAC']],
  ],
  contacts: [
    ['cs_role', 'select', ['admin', 'power_user', 'end_user', 'executive', 'billing']],
    ['nps_last_score', 'number'],
    ['nps_last_response', 'textarea'],
    ['is_champion', 'bool'],
    ['preferred_channel', 'radio', ['email', 'phone', 'chat']],
    ['last_training_date', 'date'],
    ['product_interests', 'checkbox', ['Core', 'Analytics', 'Automation', 'Support Plus']],
  ],
  deals: [
    ['contract_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']],
    ['contract_term_months', 'number'],
    ['auto_renew', 'bool'],
    ['renewal_risk', 'select', ['low', 'medium', 'high']],
    ['products_included', 'checkbox', ['Core', 'Analytics', 'Automation', 'Support Plus']],
    ['decision_date', 'date'],
    ['deal_notes', 'textarea'],
  ],
  tickets: [
    ['affected_module', 'select', ['reports', 'api', 'sso', 'billing', 'imports', 'mobile']],
    ['customer_tier', 'radio', ['bronze', 'silver', 'gold', 'platinum']],
    ['jira_issue_key', 'text'],
    ['reproducible', 'bool'],
  ],
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
