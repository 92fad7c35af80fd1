import { PIPELINES } from '../schema/pipelines';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { Store } from '../store/store';
import type { CrmRecord } from '../store/types';
import { createGen, type Gen } from './context';
import { PWNED, MARKUP, JS_URL, UNICODE, LONG_LENGTH, DELETED_OWNER_ID, UNKNOWN_DEAL_STAGE, UNKNOWN_DEAL_PIPELINE, UNKNOWN_TICKET_STAGE, HOSTILE_NAMES, ALL_MARKUP, longText, sprinkle } from './hostile-values';

/**
 * The hostile dataset: the ordinary generated book with values mixed in that a real portal can
 * hold and a client must survive — markup and script in text, `javascript:` links, Vue
 * template syntax, values at HubSpot's length limit, dates and numbers that do not parse,
 * stages and owners that no longer exist, association loops, bidirectional and invisible
 * characters. HubSpot keeps any string in a text property, and a property whose type was
 * changed later (text → date or number) keeps the values it had, so dates and numbers that do
 * not parse are what a client can meet too. Nothing here goes through the API's validation:
 * like the generator, it writes into the store directly.
 *
 * Drawn from its own PRNG after the ordinary dataset is complete, so the ordinary records'
 * ids and the draws of the rest of the dataset are what they were.
 */


const ENGAGEMENT_TO_COMPANY: Record<string, number> = { tasks: 192, notes: 190, meetings: 188, calls: 182, emails: 186 };
const ENGAGEMENT_TO_CONTACT: Record<string, number> = { tasks: 204, notes: 202, meetings: 200, calls: 194, emails: 198 };

/**
 * Turns the generated book in `store` into the hostile one. Three of the default user's
 * accounts become wholly hostile (markup, length, unicode) with their own contacts, deals,
 * tickets and agenda; a seeded share of the other records gets one hostile value each.
 */
export function applyHostile(store: Store, opts: { seed: number; now: number; zone: string }): void {
  const g = createGen(store, (opts.seed ^ 0x4057_11e5) >>> 0, opts.now, opts.zone);
  const rng = g.rng;
  const me = findUser(DEFAULT_USER_ID)?.ownerId ?? '';
  const mine = [...store.all('companies')].filter((c) => !c.archived && c.props.csm_owner === me);
  const [markup, long, unicode] = mine;
  if (!markup || !long || !unicode) return;

  hostileCompany(markup, {
    name: `${HOSTILE_NAMES.company} ${MARKUP[0]} & ${MARKUP[1]} ${MARKUP[5]}`,
    description: ALL_MARKUP,
    domain: JS_URL,
    website: JS_URL,
    phone: JS_URL,
    city: MARKUP[2],
    country: MARKUP[3],
    industry: `${MARKUP[1]}`,
    csm_sentiment: `Furious ${MARKUP[0]}`,
    plan: '<b>Platinum</b>',
    renewal_date: '2026-13-45',
    nps_score: 'NaN',
    arr: '1e309',
    numberofemployees: '12,5',
    annualrevenue: '-Infinity',
    notes_last_contacted: '9999999999999999',
    hubspot_owner_id: DELETED_OWNER_ID,
  });
  hostileCompany(long, {
    name: longText(`${HOSTILE_NAMES.longCompany} `),
    description: longText('Description '),
    domain: longText('long-domain-'),
    website: `https://example.com/${'a'.repeat(LONG_LENGTH - 20)}`,
    city: longText('City '),
    renewal_date: '-99999',
    notes_last_contacted: '',
    nps_score: '１２３',
    arr: '',
  });
  hostileCompany(unicode, {
    name: `${HOSTILE_NAMES.unicodeCompany} ${UNICODE.join(' ')}`,
    description: UNICODE.join('\n'),
    city: UNICODE[4],
    country: UNICODE[2],
    renewal_date: '9999999999999999',
    notes_last_contacted: '2026-02-30T25:61:00Z',
    hubspot_owner_id: DELETED_OWNER_ID,
  });

  // Contacts of the hostile accounts, one of each kind, all in the default user's book.
  const markupContact = addContact(g, markup, {
    firstname: `${HOSTILE_NAMES.contact} ${MARKUP[0]}`,
    lastname: MARKUP[1],
    email: `eve"><img src=x onerror=${PWNED}>@example.com`,
    phone: JS_URL,
    jobtitle: MARKUP[5],
    hs_email_last_open_date: '2026-13-45',
    hs_email_last_click_date: '9999999999999999',
    hs_email_last_reply_date: '-99999',
    hs_email_last_email_name: ALL_MARKUP,
    recent_conversion_date: g.iso(g.localDay(-1, 11)),
    recent_conversion_event_name: `${MARKUP[4]} ${MARKUP[6]}`,
    hs_analytics_last_visit_timestamp: g.iso(g.localDay(-1, 15)),
    hs_sequences_is_enrolled: 'true',
    hs_latest_sequence_enrolled: MARKUP[2],
    hs_latest_sequence_enrolled_date: 'yesterday',
  });
  const longContact = addContact(g, long, {
    firstname: `${HOSTILE_NAMES.contact} long`,
    lastname: longText('Lastname '),
    email: `${'l'.repeat(200)}@example.com`,
    jobtitle: longText('Title '),
    hs_email_last_open_date: g.iso(g.localDay(-2, 10)),
    hs_email_last_email_name: longText('Subject '),
  });
  const unicodeContact = addContact(g, unicode, {
    firstname: `${HOSTILE_NAMES.contact} ${UNICODE[0]}`,
    lastname: `${UNICODE[1]} ${UNICODE[2]}`,
    email: 'zero\u200Bwidth@example.com',
    jobtitle: UNICODE[4],
    hs_email_last_click_date: g.iso(g.localDay(-3, 9)),
    hs_email_last_email_name: UNICODE.join(' '),
    associatedcompanyid: '999999999',
  });
  // Association loops: a contact associated to its company twice over (primary and plain) and to
  // the other hostile accounts; the three accounts parent one another in a circle.
  store.assoc.add('contacts', unicodeContact.id, 'companies', unicode.id, [1, 279]);
  store.assoc.add('contacts', unicodeContact.id, 'companies', markup.id, []);
  store.assoc.add('contacts', markupContact.id, 'companies', long.id, []);
  store.assoc.add('companies', markup.id, 'companies', long.id, [13]);
  store.assoc.add('companies', long.id, 'companies', unicode.id, [13]);
  store.assoc.add('companies', unicode.id, 'companies', markup.id, [13]);
  store.assoc.add('companies', long.id, 'companies', markup.id, [13]);

  // Deals: unknown stage in a known pipeline, an unknown pipeline, dates and amounts that do not parse.
  const renewals = PIPELINES.deals[1]?.id ?? 'default';
  const deal = addRecord(g, 'deals', {
    dealname: `${HOSTILE_NAMES.deal} ${MARKUP[0]} ${MARKUP[5]}`,
    amount: 'NaN',
    closedate: '2026-13-45',
    pipeline: renewals,
    dealstage: UNKNOWN_DEAL_STAGE,
    dealtype: MARKUP[1],
    description: ALL_MARKUP,
    hubspot_owner_id: DELETED_OWNER_ID,
    hs_deal_stage_probability: 'NaN',
    hs_v2_date_entered_current_stage: '-99999',
  });
  associate(store, 'deals', deal, markup, [5], [markupContact]);
  store.assoc.add('deals', deal.id, 'companies', long.id, []);
  const longDeal = addRecord(g, 'deals', {
    dealname: longText(`${HOSTILE_NAMES.longDeal} `),
    amount: '1e309',
    closedate: '9999999999999999',
    pipeline: renewals,
    dealstage: PIPELINES.deals[1]?.stages[0]?.id ?? '',
    description: longText('Deal description '),
    hubspot_owner_id: me,
    hs_v2_date_entered_current_stage: '',
  });
  associate(store, 'deals', longDeal, long, [5], [longContact]);
  const lostDeal = addRecord(g, 'deals', {
    dealname: `${HOSTILE_NAMES.deal} ${UNICODE[0]} ${UNICODE[2]}`,
    amount: '-0',
    closedate: '',
    pipeline: UNKNOWN_DEAL_PIPELINE,
    dealstage: UNKNOWN_DEAL_STAGE,
    hubspot_owner_id: me,
  });
  associate(store, 'deals', lostDeal, unicode, [5], [unicodeContact]);

  // Tickets: unknown stage, unknown priority, a long body, a deleted owner.
  const support = PIPELINES.tickets[0];
  const ticket = addRecord(g, 'tickets', {
    subject: `${HOSTILE_NAMES.ticket} ${MARKUP[1]} ${MARKUP[3]}`,
    content: longText(`${MARKUP[0]} `),
    hs_pipeline: support?.id ?? '0',
    hs_pipeline_stage: UNKNOWN_TICKET_STAGE,
    hs_ticket_priority: `P0 ${MARKUP[0]}`,
    hs_ticket_category: MARKUP[5],
    hubspot_owner_id: DELETED_OWNER_ID,
    closed_date: '2026-13-45',
  });
  associate(store, 'tickets', ticket, markup, [26], [markupContact]);
  store.assoc.add('tickets', ticket.id, 'deals', deal.id, []);
  const longTicket = addRecord(g, 'tickets', {
    subject: longText(`${HOSTILE_NAMES.ticket} long `),
    content: longText('Content '),
    hs_pipeline: support?.id ?? '0',
    hs_pipeline_stage: support?.stages[0]?.id ?? '1',
    hs_ticket_priority: 'HIGH',
    hubspot_owner_id: me,
  });
  associate(store, 'tickets', longTicket, long, [26], [longContact]);

  hostileAgenda(g, me, { markup, long, unicode }, { markupContact, longContact, unicodeContact }, deal, ticket);
  const done = new Set([markup, long, unicode].map((c) => c.id));
  sprinkle(store, rng, me, done);
}

function hostileCompany(c: CrmRecord, props: Record<string, string>): void {
  Object.assign(c.props, props);
}

function addRecord(g: Gen, type: string, props: Record<string, string>): CrmRecord {
  const createdAt = g.around(-60, -10);
  return g.store.insertGenerated(type, props, createdAt, g.around(-9, -1));
}

function addContact(g: Gen, company: CrmRecord, props: Record<string, string>): CrmRecord {
  const me = findUser(DEFAULT_USER_ID)?.ownerId ?? '';
  const contact = addRecord(g, 'contacts', { lifecyclestage: 'customer', company: company.props.name ?? '', associatedcompanyid: company.id, hubspot_owner_id: me, ...props });
  g.store.assoc.add('contacts', contact.id, 'companies', company.id, [1]);
  company.props.num_associated_contacts = String(Number(company.props.num_associated_contacts ?? '0') + 1);
  return contact;
}

function associate(store: Store, type: string, r: CrmRecord, company: CrmRecord, typeIds: number[], contacts: CrmRecord[]): void {
  store.assoc.add(type, r.id, 'companies', company.id, typeIds);
  for (const c of contacts) store.assoc.add(type, r.id, 'contacts', c.id, []);
}

function engagement(g: Gen, type: string, props: Record<string, string>, company: CrmRecord, contact?: CrmRecord, extra?: { deal?: CrmRecord; ticket?: CrmRecord }): CrmRecord {
  const r = addRecord(g, type, props);
  g.store.assoc.add(type, r.id, 'companies', company.id, [ENGAGEMENT_TO_COMPANY[type] ?? 0]);
  if (contact) g.store.assoc.add(type, r.id, 'contacts', contact.id, [ENGAGEMENT_TO_CONTACT[type] ?? 0]);
  if (extra?.deal) g.store.assoc.add(type, r.id, 'deals', extra.deal.id, []);
  if (extra?.ticket) g.store.assoc.add(type, r.id, 'tickets', extra.ticket.id, []);
  return r;
}

/** Today's tasks and meetings of the default user, and feed activity, on the hostile accounts. */
function hostileAgenda(
  g: Gen,
  me: string,
  acc: { markup: CrmRecord; long: CrmRecord; unicode: CrmRecord },
  people: { markupContact: CrmRecord; longContact: CrmRecord; unicodeContact: CrmRecord },
  deal: CrmRecord,
  ticket: CrmRecord,
): void {
  const task = (props: Record<string, string>): Record<string, string> => ({ hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH', hs_task_type: 'TODO', hubspot_owner_id: me, ...props });
  engagement(g, 'tasks', task({ hs_task_subject: `${HOSTILE_NAMES.task} ${MARKUP[0]} ${MARKUP[5]}`, hs_task_body: ALL_MARKUP, hs_timestamp: g.iso(g.localDay(0, 11)), hs_task_priority: `P0 ${MARKUP[1]}`, hs_task_type: MARKUP[2] }), acc.markup, people.markupContact, { deal, ticket });
  engagement(g, 'tasks', task({ hs_task_subject: longText(`${HOSTILE_NAMES.task} long `), hs_task_body: longText('Body '), hs_timestamp: g.iso(g.localDay(0, 12)) }), acc.long, people.longContact);
  engagement(g, 'tasks', task({ hs_task_subject: `${HOSTILE_NAMES.task} bad date`, hs_timestamp: '2026-13-45', hs_task_reminders: 'NaN' }), acc.unicode, people.unicodeContact);
  engagement(g, 'tasks', task({ hs_task_subject: `${HOSTILE_NAMES.task} far date ${UNICODE[0]}`, hs_timestamp: '9999999999999999', hs_task_reminders: '-99999' }), acc.unicode);
  engagement(g, 'tasks', task({ hs_task_subject: `${HOSTILE_NAMES.task} no date ${UNICODE[2]}`, hs_timestamp: '' }), acc.unicode);

  const meeting = (props: Record<string, string>): Record<string, string> => ({ hs_meeting_outcome: 'SCHEDULED', hubspot_owner_id: me, ...props });
  const at = (h: number, m = 0) => g.iso(g.localDay(0, h, m));
  engagement(g, 'meetings', meeting({
    hs_meeting_title: `${HOSTILE_NAMES.meeting} ${MARKUP[0]} ${MARKUP[5]}`,
    hs_meeting_body: ALL_MARKUP,
    hs_internal_meeting_notes: ALL_MARKUP,
    hs_meeting_external_url: JS_URL,
    hs_meeting_location: MARKUP[3],
    hs_activity_type: MARKUP[1],
    hs_timestamp: at(11, 30),
    hs_meeting_start_time: at(11, 30),
    hs_meeting_end_time: '2026-13-45',
    hs_meeting_outcome: MARKUP[2],
  }), acc.markup, people.markupContact, { deal });
  engagement(g, 'meetings', meeting({
    hs_meeting_title: longText(`${HOSTILE_NAMES.meeting} long `),
    hs_meeting_body: longText('Agenda '),
    hs_meeting_external_url: `https://meet.example.com/${'x'.repeat(2000)}`,
    hs_meeting_location: longText('Room '),
    hs_timestamp: at(14, 30),
    hs_meeting_start_time: at(14, 30),
    hs_meeting_end_time: at(14, 0),
  }), acc.long, people.longContact);
  engagement(g, 'meetings', meeting({
    hs_meeting_title: `${HOSTILE_NAMES.meeting} bad dates ${UNICODE[0]}`,
    hs_timestamp: '9999999999999999',
    hs_meeting_start_time: '9999999999999999',
    hs_meeting_end_time: '-99999',
  }), acc.unicode, people.unicodeContact);

  engagement(g, 'notes', { hs_note_body: `<p>${ALL_MARKUP}</p><style>body{display:none}</style>`, hs_timestamp: g.iso(g.localDay(-1, 10)), hubspot_owner_id: DELETED_OWNER_ID }, acc.markup, people.markupContact);
  engagement(g, 'notes', { hs_note_body: longText('<p>Long note '), hs_timestamp: g.iso(g.localDay(-2, 10)), hubspot_owner_id: me }, acc.long, people.longContact);
  engagement(g, 'notes', { hs_note_body: 'Note with a bad date', hs_timestamp: '2026-13-45', hubspot_owner_id: me }, acc.unicode);
  engagement(g, 'calls', { hs_call_title: `Call ${MARKUP[0]}`, hs_call_body: ALL_MARKUP, hs_call_direction: 'INBOUND', hs_call_duration: 'NaN', hs_call_status: MARKUP[1], hs_timestamp: g.iso(g.localDay(-1, 12)), hubspot_owner_id: me }, acc.markup, people.markupContact);
  engagement(g, 'calls', { hs_call_title: longText('Call long '), hs_call_body: longText('Call body '), hs_call_direction: 'INBOUND', hs_call_duration: '1e309', hs_timestamp: g.iso(g.localDay(-2, 12)), hubspot_owner_id: me }, acc.long, people.longContact);
  const email = (props: Record<string, string>): Record<string, string> => ({ hs_email_direction: 'INCOMING_EMAIL', hs_email_status: 'SENT', hubspot_owner_id: me, ...props });
  engagement(g, 'emails', email({ hs_email_subject: `${HOSTILE_NAMES.email} ${MARKUP[0]} ${MARKUP[5]}`, hs_email_text: ALL_MARKUP, hs_email_html: ALL_MARKUP, hs_email_headers: '{not json', hs_timestamp: g.iso(g.localDay(-1, 9)) }), acc.markup, people.markupContact);
  engagement(g, 'emails', email({ hs_email_subject: longText(`${HOSTILE_NAMES.email} long `), hs_email_text: longText('Text '), hs_timestamp: g.iso(g.localDay(-2, 9)) }), acc.long, people.longContact);
  engagement(g, 'emails', email({ hs_email_subject: `${HOSTILE_NAMES.email} bad date`, hs_timestamp: '2026-13-45' }), acc.unicode, people.unicodeContact);
  engagement(g, 'emails', email({ hs_email_subject: `${HOSTILE_NAMES.email} ${UNICODE.join(' ')}`, hs_email_direction: MARKUP[1], hs_timestamp: g.iso(g.localDay(-1, 16)) }), acc.unicode, people.unicodeContact);
}
