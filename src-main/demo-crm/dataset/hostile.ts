import { PIPELINES } from '../schema/pipelines';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { Store } from '../store/store';
import { createGen } from './context';
import { hostileCompany, addRecord, addContact, associate, hostileAgenda } from './hostile-agenda';
import {
  PWNED,
  MARKUP,
  JS_URL,
  UNICODE,
  LONG_LENGTH,
  DELETED_OWNER_ID,
  UNKNOWN_DEAL_STAGE,
  UNKNOWN_DEAL_PIPELINE,
  UNKNOWN_TICKET_STAGE,
  HOSTILE_NAMES,
  ALL_MARKUP,
  longText,
  sprinkle,
} from './hostile-values';

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
