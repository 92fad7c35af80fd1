import { createRng, pick, type Rng } from './prng';
import { PIPELINES } from './schema/pipelines';
import { findUser } from './schema/users';
import * as W from './dataset/words';
import type { Store } from './store/store';
import type { CrmRecord, WriteSource } from './store/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What a contact can do between two syncs, one kind per feed item type (shared/feed/README.md):
 * the "latest" contact properties HubSpot keeps, and the engagements and tickets it logs.
 */
const KINDS = ['open', 'click', 'reply', 'form', 'visit', 'enroll', 'unenroll', 'finish', 'call', 'meeting', 'ticket'] as const;
type Kind = (typeof KINDS)[number];

/**
 * "New activity" for the feed (POST /__demo/tick): on accounts of the signed-in user, contacts
 * open, click and reply to emails, submit forms, visit the site, enter and leave sequences, and
 * calls, meetings and tickets are logged for them — every feed item type, in turn, starting at
 * a kind chosen from the clock. Records change through the store, so their modified dates move
 * and the next sync picks them up. Deterministic for a given `now`.
 */
export function produceActivity(store: Store, userId: string, count: number, now: number): { created: Record<string, number> } {
  const ownerId = findUser(userId)?.ownerId ?? '';
  const rng = createRng(now % 2 ** 31);
  const companies = [...store.all('companies')].filter((c) => !c.archived && c.props.csm_owner === ownerId);
  const created: Record<string, number> = { contacts: 0, emails: 0, calls: 0, meetings: 0, tickets: 0 };
  const first = Math.floor(rng() * KINDS.length);
  const people = companies.flatMap((company) =>
    store.assoc.list('companies', company.id, 'contacts').flatMap(([id]) => {
      const contact = store.get('contacts', id);
      return contact && !contact.archived ? [{ company, contact }] : [];
    }),
  );
  for (let i = 0; i < count && people.length > 0; i++) {
    let kind = KINDS[(first + i) % KINDS.length] as Kind;
    // Only a contact in a sequence can leave it; with nobody enrolled, somebody enrolls.
    const leaving = kind === 'unenroll' || kind === 'finish';
    const enrolled = leaving ? people.filter((p) => p.contact.props.hs_sequences_is_enrolled === 'true') : [];
    if (leaving && enrolled.length === 0) kind = 'enroll';
    const candidates = kind === 'enroll' ? people.filter((p) => p.contact.props.hs_sequences_is_enrolled !== 'true') : leaving ? enrolled : people;
    const { company, contact } = pick(rng, candidates.length > 0 ? candidates : people);
    const type = act(store, { kind, rng, company, contact, ownerId, now });
    created[type] = (created[type] ?? 0) + 1;
  }
  return { created };
}

interface Act {
  kind: Kind;
  rng: Rng;
  company: CrmRecord;
  contact: CrmRecord;
  ownerId: string;
  now: number;
}

const EMAIL_SOURCE: WriteSource = { sourceType: 'EMAIL_INTEGRATION' };
const ANALYTICS_SOURCE: WriteSource = { sourceType: 'ANALYTICS' };
const SEQUENCE_SOURCE: WriteSource = { sourceType: 'SEQUENCES' };
const UI_SOURCE: WriteSource = { sourceType: 'CRM_UI' };

/** One activity; returns the type of the record it created or changed. */
function act(store: Store, a: Act): string {
  const { rng, contact, now } = a;
  const iso = new Date(now).toISOString();
  switch (a.kind) {
    case 'open':
      store.update(contact, { hs_email_last_open_date: iso, hs_email_last_email_name: pick(rng, W.EMAIL_SUBJECTS) }, EMAIL_SOURCE, now);
      return 'contacts';
    case 'click':
      store.update(contact, { hs_email_last_click_date: iso, hs_email_last_email_name: pick(rng, W.EMAIL_SUBJECTS) }, EMAIL_SOURCE, now);
      return 'contacts';
    case 'reply': {
      store.update(contact, { hs_email_last_reply_date: iso }, EMAIL_SOURCE, now);
      engagement(
        store,
        a,
        'emails',
        {
          hs_email_subject: 'Re: following up',
          hs_email_text: 'Thanks, let us talk next week.',
          hs_email_direction: 'INCOMING_EMAIL',
          hs_email_status: 'SENT',
        },
        EMAIL_SOURCE,
      );
      return 'emails';
    }
    case 'form':
      store.update(contact, { recent_conversion_date: iso, recent_conversion_event_name: pick(rng, W.CONVERSIONS) }, ANALYTICS_SOURCE, now);
      return 'contacts';
    case 'visit':
      store.update(contact, { hs_analytics_last_visit_timestamp: iso }, ANALYTICS_SOURCE, now);
      return 'contacts';
    case 'enroll':
      store.update(
        contact,
        { hs_sequences_is_enrolled: 'true', hs_latest_sequence_enrolled: pick(rng, W.SEQUENCES), hs_latest_sequence_enrolled_date: iso },
        SEQUENCE_SOURCE,
        now,
      );
      return 'contacts';
    case 'unenroll':
    case 'finish': {
      const ended = a.kind === 'finish' ? 'hs_latest_sequence_finished_date' : 'hs_latest_sequence_unenrolled_date';
      store.update(contact, { hs_sequences_is_enrolled: 'false', [ended]: iso, hs_latest_sequence_ended_date: iso }, SEQUENCE_SOURCE, now);
      return 'contacts';
    }
    case 'call':
      engagement(
        store,
        a,
        'calls',
        {
          hs_call_title: `Call from ${contact.props.firstname ?? ''} ${contact.props.lastname ?? ''}`.trim(),
          hs_call_body: 'The customer called with a question about the renewal.',
          hs_call_direction: 'INBOUND',
          hs_call_duration: String(Math.round(60_000 + rng() * 600_000)),
          hs_call_status: 'COMPLETED',
        },
        UI_SOURCE,
      );
      return 'calls';
    case 'meeting': {
      // Booked now through the meetings link, for a day later this week or next.
      const start = Math.floor((now + (1 + Math.floor(rng() * 7)) * DAY) / HOUR) * HOUR;
      engagement(
        store,
        a,
        'meetings',
        {
          hs_meeting_title: pick(rng, W.MEETING_TITLES),
          hs_meeting_body: 'Booked through the meetings link.',
          hs_meeting_start_time: new Date(start).toISOString(),
          hs_meeting_end_time: new Date(start + 30 * 60_000).toISOString(),
          hs_meeting_outcome: 'SCHEDULED',
          hs_meeting_location: 'Video call',
        },
        UI_SOURCE,
        start,
      );
      return 'meetings';
    }
    case 'ticket': {
      const pipeline = PIPELINES.tickets[0];
      const ticket = store.create(
        'tickets',
        {
          subject: pick(rng, W.TICKET_SUBJECTS),
          content: 'Customer reported the issue through the support portal.',
          hs_pipeline: pipeline?.id ?? '0',
          hs_pipeline_stage: pipeline?.stages[0]?.id ?? '1',
          hs_ticket_priority: pick(rng, ['LOW', 'MEDIUM', 'HIGH']),
          hs_ticket_category: 'PRODUCT_ISSUE',
          hubspot_owner_id: a.ownerId,
        },
        UI_SOURCE,
        now,
      );
      store.assoc.add('tickets', ticket.id, 'companies', a.company.id, [339]);
      store.assoc.add('tickets', ticket.id, 'contacts', contact.id, [16]);
      return 'tickets';
    }
  }
}

const TO_COMPANY: Record<string, number> = { emails: 186, calls: 182, meetings: 188 };
const TO_CONTACT: Record<string, number> = { emails: 198, calls: 194, meetings: 200 };

function engagement(store: Store, a: Act, type: 'emails' | 'calls' | 'meetings', props: Record<string, string>, source: WriteSource, at = a.now): CrmRecord {
  const record = store.create(type, { ...props, hs_timestamp: new Date(at).toISOString(), hubspot_owner_id: a.ownerId }, source, a.now);
  store.assoc.add(type, record.id, 'companies', a.company.id, [TO_COMPANY[type] ?? 0]);
  store.assoc.add(type, record.id, 'contacts', a.contact.id, [TO_CONTACT[type] ?? 0]);
  return record;
}
