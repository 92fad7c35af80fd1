import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { Store } from '../store/store';
import type { CrmRecord } from '../store/types';
import { type Gen } from './context';
import { MARKUP, JS_URL, UNICODE, DELETED_OWNER_ID, HOSTILE_NAMES, ALL_MARKUP, longText } from './hostile-values';

/**
 * The hostile dataset's building blocks (hostile.ts): records written straight into the
 * store, with their associations, and the default user's agenda on the hostile accounts.
 */

const ENGAGEMENT_TO_COMPANY: Record<string, number> = { tasks: 192, notes: 190, meetings: 188, calls: 182, emails: 186 };
const ENGAGEMENT_TO_CONTACT: Record<string, number> = { tasks: 204, notes: 202, meetings: 200, calls: 194, emails: 198 };

export function hostileCompany(c: CrmRecord, props: Record<string, string>): void {
  Object.assign(c.props, props);
}

export function addRecord(g: Gen, type: string, props: Record<string, string>): CrmRecord {
  const createdAt = g.around(-60, -10);
  return g.store.insertGenerated(type, props, createdAt, g.around(-9, -1));
}

export function addContact(g: Gen, company: CrmRecord, props: Record<string, string>): CrmRecord {
  const me = findUser(DEFAULT_USER_ID)?.ownerId ?? '';
  const contact = addRecord(g, 'contacts', {
    lifecyclestage: 'customer',
    company: company.props.name ?? '',
    associatedcompanyid: company.id,
    hubspot_owner_id: me,
    ...props,
  });
  g.store.assoc.add('contacts', contact.id, 'companies', company.id, [1]);
  company.props.num_associated_contacts = String(Number(company.props.num_associated_contacts ?? '0') + 1);
  return contact;
}

export function associate(store: Store, type: string, r: CrmRecord, company: CrmRecord, typeIds: number[], contacts: CrmRecord[]): void {
  store.assoc.add(type, r.id, 'companies', company.id, typeIds);
  for (const c of contacts) store.assoc.add(type, r.id, 'contacts', c.id, []);
}

export function engagement(
  g: Gen,
  type: string,
  props: Record<string, string>,
  company: CrmRecord,
  contact?: CrmRecord,
  extra?: { deal?: CrmRecord; ticket?: CrmRecord },
): CrmRecord {
  const r = addRecord(g, type, props);
  g.store.assoc.add(type, r.id, 'companies', company.id, [ENGAGEMENT_TO_COMPANY[type] ?? 0]);
  if (contact) g.store.assoc.add(type, r.id, 'contacts', contact.id, [ENGAGEMENT_TO_CONTACT[type] ?? 0]);
  if (extra?.deal) g.store.assoc.add(type, r.id, 'deals', extra.deal.id, []);
  if (extra?.ticket) g.store.assoc.add(type, r.id, 'tickets', extra.ticket.id, []);
  return r;
}

/** Today's tasks and meetings of the default user, and feed activity, on the hostile accounts. */
export function hostileAgenda(
  g: Gen,
  me: string,
  acc: { markup: CrmRecord; long: CrmRecord; unicode: CrmRecord },
  people: { markupContact: CrmRecord; longContact: CrmRecord; unicodeContact: CrmRecord },
  deal: CrmRecord,
  ticket: CrmRecord,
): void {
  const task = (props: Record<string, string>): Record<string, string> => ({
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hs_task_type: 'TODO',
    hubspot_owner_id: me,
    ...props,
  });
  engagement(
    g,
    'tasks',
    task({
      hs_task_subject: `${HOSTILE_NAMES.task} ${MARKUP[0]} ${MARKUP[5]}`,
      hs_task_body: ALL_MARKUP,
      hs_timestamp: g.iso(g.localDay(0, 11)),
      hs_task_priority: `P0 ${MARKUP[1]}`,
      hs_task_type: MARKUP[2],
    }),
    acc.markup,
    people.markupContact,
    { deal, ticket },
  );
  engagement(
    g,
    'tasks',
    task({ hs_task_subject: longText(`${HOSTILE_NAMES.task} long `), hs_task_body: longText('Body '), hs_timestamp: g.iso(g.localDay(0, 12)) }),
    acc.long,
    people.longContact,
  );
  engagement(
    g,
    'tasks',
    task({ hs_task_subject: `${HOSTILE_NAMES.task} bad date`, hs_timestamp: '2026-13-45', hs_task_reminders: 'NaN' }),
    acc.unicode,
    people.unicodeContact,
  );
  engagement(
    g,
    'tasks',
    task({ hs_task_subject: `${HOSTILE_NAMES.task} far date ${UNICODE[0]}`, hs_timestamp: '9999999999999999', hs_task_reminders: '-99999' }),
    acc.unicode,
  );
  engagement(g, 'tasks', task({ hs_task_subject: `${HOSTILE_NAMES.task} no date ${UNICODE[2]}`, hs_timestamp: '' }), acc.unicode);

  const meeting = (props: Record<string, string>): Record<string, string> => ({ hs_meeting_outcome: 'SCHEDULED', hubspot_owner_id: me, ...props });
  const at = (h: number, m = 0) => g.iso(g.localDay(0, h, m));
  engagement(
    g,
    'meetings',
    meeting({
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
    }),
    acc.markup,
    people.markupContact,
    { deal },
  );
  engagement(
    g,
    'meetings',
    meeting({
      hs_meeting_title: longText(`${HOSTILE_NAMES.meeting} long `),
      hs_meeting_body: longText('Agenda '),
      hs_meeting_external_url: `https://meet.example.com/${'x'.repeat(2000)}`,
      hs_meeting_location: longText('Room '),
      hs_timestamp: at(14, 30),
      hs_meeting_start_time: at(14, 30),
      hs_meeting_end_time: at(14, 0),
    }),
    acc.long,
    people.longContact,
  );
  engagement(
    g,
    'meetings',
    meeting({
      hs_meeting_title: `${HOSTILE_NAMES.meeting} bad dates ${UNICODE[0]}`,
      hs_timestamp: '9999999999999999',
      hs_meeting_start_time: '9999999999999999',
      hs_meeting_end_time: '-99999',
    }),
    acc.unicode,
    people.unicodeContact,
  );

  engagement(
    g,
    'notes',
    { hs_note_body: `<p>${ALL_MARKUP}</p><style>body{display:none}</style>`, hs_timestamp: g.iso(g.localDay(-1, 10)), hubspot_owner_id: DELETED_OWNER_ID },
    acc.markup,
    people.markupContact,
  );
  engagement(
    g,
    'notes',
    { hs_note_body: longText('<p>Long note '), hs_timestamp: g.iso(g.localDay(-2, 10)), hubspot_owner_id: me },
    acc.long,
    people.longContact,
  );
  engagement(g, 'notes', { hs_note_body: 'Note with a bad date', hs_timestamp: '2026-13-45', hubspot_owner_id: me }, acc.unicode);
  engagement(
    g,
    'calls',
    {
      hs_call_title: `Call ${MARKUP[0]}`,
      hs_call_body: ALL_MARKUP,
      hs_call_direction: 'INBOUND',
      hs_call_duration: 'NaN',
      hs_call_status: MARKUP[1],
      hs_timestamp: g.iso(g.localDay(-1, 12)),
      hubspot_owner_id: me,
    },
    acc.markup,
    people.markupContact,
  );
  engagement(
    g,
    'calls',
    {
      hs_call_title: longText('Call long '),
      hs_call_body: longText('Call body '),
      hs_call_direction: 'INBOUND',
      hs_call_duration: '1e309',
      hs_timestamp: g.iso(g.localDay(-2, 12)),
      hubspot_owner_id: me,
    },
    acc.long,
    people.longContact,
  );
  const email = (props: Record<string, string>): Record<string, string> => ({
    hs_email_direction: 'INCOMING_EMAIL',
    hs_email_status: 'SENT',
    hubspot_owner_id: me,
    ...props,
  });
  engagement(
    g,
    'emails',
    email({
      hs_email_subject: `${HOSTILE_NAMES.email} ${MARKUP[0]} ${MARKUP[5]}`,
      hs_email_text: ALL_MARKUP,
      hs_email_html: ALL_MARKUP,
      hs_email_headers: '{not json',
      hs_timestamp: g.iso(g.localDay(-1, 9)),
    }),
    acc.markup,
    people.markupContact,
  );
  engagement(
    g,
    'emails',
    email({ hs_email_subject: longText(`${HOSTILE_NAMES.email} long `), hs_email_text: longText('Text '), hs_timestamp: g.iso(g.localDay(-2, 9)) }),
    acc.long,
    people.longContact,
  );
  engagement(g, 'emails', email({ hs_email_subject: `${HOSTILE_NAMES.email} bad date`, hs_timestamp: '2026-13-45' }), acc.unicode, people.unicodeContact);
  engagement(
    g,
    'emails',
    email({ hs_email_subject: `${HOSTILE_NAMES.email} ${UNICODE.join(' ')}`, hs_email_direction: MARKUP[1], hs_timestamp: g.iso(g.localDay(-1, 16)) }),
    acc.unicode,
    people.unicodeContact,
  );
}
