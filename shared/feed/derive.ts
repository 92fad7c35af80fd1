import { toMillis } from '../sync/values';
import type { FeedItem, FeedSources, FeedType, SourceContact, SourceEngagement } from './types';

const str = (v: string | null | undefined): string | undefined => (v === null || v === undefined || v.trim() === '' ? undefined : v);

/**
 * The contact properties HubSpot keeps for the *latest* occurrence of an activity. Each gives
 * at most one item per contact; a newer occurrence replaces the older one at the CRM, so the
 * older item is no longer derivable (README.md, "Limits").
 */
const CONTACT_SOURCES: ReadonlyArray<{ type: FeedType; key: string; at: string; subject?: string; sequence?: boolean }> = [
  { type: 'email_opened', key: 'open', at: 'hs_email_last_open_date', subject: 'hs_email_last_email_name' },
  { type: 'email_clicked', key: 'click', at: 'hs_email_last_click_date', subject: 'hs_email_last_email_name' },
  { type: 'email_replied', key: 'reply', at: 'hs_email_last_reply_date', subject: 'hs_email_last_email_name' },
  { type: 'form_submitted', key: 'form', at: 'recent_conversion_date', subject: 'recent_conversion_event_name' },
  { type: 'website_visit', key: 'visit', at: 'hs_analytics_last_visit_timestamp' },
  { type: 'sequence_enrolled', key: 'seq-enrolled', at: 'hs_latest_sequence_enrolled_date', sequence: true },
  { type: 'sequence_unenrolled', key: 'seq-unenrolled', at: 'hs_latest_sequence_unenrolled_date', sequence: true },
  { type: 'sequence_finished', key: 'seq-finished', at: 'hs_latest_sequence_finished_date', sequence: true },
];

export interface DeriveOptions {
  /** Only items at or after this instant (the "Load older" window). */
  since?: number;
  /** Item ids the user dismissed; they are left out. */
  dismissed?: ReadonlySet<string>;
}

/** Newest first; equal instants by id so the order is stable across runs. */
export function compareItems(a: FeedItem, b: FeedItem): number {
  return b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Feed items of one user from what the sync stored: a pure function, so the same sources give
 * the same items, and a source synced twice (or listed twice) gives one item — items are keyed
 * by their deterministic id and the last writer for an id wins only if it says more (a subject).
 */
export function deriveFeed(sources: FeedSources, options: DeriveOptions = {}): FeedItem[] {
  const owned = new Set(sources.accountIds);
  const contacts = new Map<string, { accountId: string; enrolled: boolean; sequence?: string }>();
  const items = new Map<string, FeedItem>();
  const add = (item: FeedItem) => {
    if (options.since !== undefined && item.at < options.since) return;
    if (options.dismissed?.has(item.id)) return;
    const known = items.get(item.id);
    if (!known || (!known.subject && item.subject)) items.set(item.id, item);
  };

  for (const c of sources.contacts) {
    const accountId = c.companyIds.find((id) => owned.has(id));
    if (accountId === undefined) continue;
    const p = c.record.properties;
    const enrolled = p.hs_sequences_is_enrolled === 'true';
    const sequence = str(p.hs_latest_sequence_enrolled);
    contacts.set(c.record.id, { accountId, enrolled, ...(enrolled && sequence ? { sequence } : {}) });
    for (const item of contactItems(c, accountId, enrolled, sequence)) add(item);
  }

  for (const e of sources.engagements) {
    for (const contactId of new Set(e.contactIds)) {
      const contact = contacts.get(contactId);
      if (!contact) continue;
      const accountId = e.companyIds.find((id) => owned.has(id)) ?? contact.accountId;
      const item = engagementItem(e, contactId, accountId, contact);
      if (item) add(item);
    }
  }
  return [...items.values()].sort(compareItems);
}

function contactItems(c: SourceContact, accountId: string, enrolled: boolean, sequence: string | undefined): FeedItem[] {
  const p = c.record.properties;
  const out: FeedItem[] = [];
  for (const s of CONTACT_SOURCES) {
    const at = toMillis(p[s.at]);
    if (at === undefined) continue;
    const subject = s.subject ? str(p[s.subject]) : undefined;
    const itemSequence = s.sequence ? sequence : enrolled ? sequence : undefined;
    out.push({
      id: `${s.key}:${c.record.id}:${at}`,
      type: s.type,
      at,
      contactId: c.record.id,
      accountId,
      enrolled,
      ...(subject ? { subject } : {}),
      ...(itemSequence ? { sequence: itemSequence } : {}),
    });
  }
  return out;
}

/**
 * When an engagement happened as a feed item, or undefined when it gives none: only what the
 * contact did (an incoming email is their reply; outgoing ones are the user's own), a meeting
 * when it was booked (created, not when it takes place) unless cancelled, a call when logged,
 * a ticket when opened. The feed's query reads only engagements with an instant in the window.
 */
export function engagementAt(type: SourceEngagement['type'], record: SourceEngagement['record']): number | undefined {
  const p = record.properties;
  switch (type) {
    case 'emails':
      return p.hs_email_direction === 'INCOMING_EMAIL' ? toMillis(p.hs_timestamp) : undefined;
    case 'meetings':
      return p.hs_meeting_outcome === 'CANCELED' ? undefined : (toMillis(p.hs_createdate) ?? toMillis(record.createdAt));
    case 'calls':
      return toMillis(p.hs_timestamp);
    case 'tickets':
      return toMillis(p.createdate) ?? toMillis(record.createdAt);
  }
}

function engagementItem(e: SourceEngagement, contactId: string, accountId: string, contact: { enrolled: boolean; sequence?: string }): FeedItem | undefined {
  const p = e.record.properties;
  const at = engagementAt(e.type, e.record);
  if (at === undefined) return undefined;
  const base = { at, contactId, accountId, enrolled: contact.enrolled, ...(contact.sequence ? { sequence: contact.sequence } : {}) };
  const withSubject = (s: string | null | undefined) => (str(s) ? { subject: str(s) as string } : {});
  switch (e.type) {
    case 'emails':
      // Its id matches the reply derived from `hs_email_last_reply_date` at the same instant, so they merge.
      return { id: `reply:${contactId}:${at}`, type: 'email_replied', ...base, ...withSubject(p.hs_email_subject) };
    case 'meetings':
      return { id: `meeting:${e.record.id}:${contactId}`, type: 'meeting_booked', ...base, ...withSubject(p.hs_meeting_title) };
    case 'calls':
      return { id: `call:${e.record.id}:${contactId}`, type: 'call_logged', ...base, ...withSubject(p.hs_call_title) };
    case 'tickets':
      return { id: `ticket:${e.record.id}:${contactId}`, type: 'ticket_opened', ...base, ...withSubject(p.subject) };
  }
}
