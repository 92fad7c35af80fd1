import type { Props } from '../sync/values';

/** What happened, one value per kind of feed item (see README.md for each source). */
export const FEED_TYPES = [
  'email_opened',
  'email_clicked',
  'email_replied',
  'form_submitted',
  'meeting_booked',
  'sequence_enrolled',
  'sequence_unenrolled',
  'sequence_finished',
  'website_visit',
  'call_logged',
  'ticket_opened',
] as const;

export type FeedType = (typeof FEED_TYPES)[number];

export interface FeedItem {
  /** Deterministic from the source (`<kind>:<contactId>:<ms>` or `<kind>:<recordId>:<contactId>`), so a resync yields the same id. */
  id: string;
  type: FeedType;
  /** When it happened, epoch ms. */
  at: number;
  contactId: string;
  accountId: string;
  /** Email name / subject, form name, meeting or call title, ticket subject. */
  subject?: string;
  /** For sequence items: the sequence; for others: the contact's current sequence while enrolled. */
  sequence?: string;
  /** The contact is enrolled in a sequence now (the sequence filter reads this). */
  enrolled: boolean;
}

/** A synced record as the derivation needs it (the CRM envelope, wire-string properties). */
export interface SourceRecord {
  id: string;
  properties: Props;
  createdAt: string;
}

export interface SourceContact {
  record: SourceRecord;
  /** Companies the contact is associated with (either direction of the association). */
  companyIds: readonly string[];
}

export type EngagementType = 'emails' | 'meetings' | 'calls' | 'tickets';

export interface SourceEngagement {
  type: EngagementType;
  record: SourceRecord;
  contactIds: readonly string[];
  companyIds: readonly string[];
}

/** Everything the feed of one user is derived from: their accounts' contacts and those contacts' activity. */
export interface FeedSources {
  /** The accounts the user owns (CSM owner). */
  accountIds: readonly string[];
  contacts: readonly SourceContact[];
  engagements: readonly SourceEngagement[];
}
