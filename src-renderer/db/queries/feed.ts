import { displayName } from '../../../shared/records/display-name';
import { decodeSnapshot, deriveFeed, engagementAt, type EngagementType, type FeedItem, type SourceContact, type SourceEngagement } from '../../../shared/feed';
import type { CsDatabase } from '../database';
import { getMeta, META } from '../meta';
import { rawRead, type RawReader } from '../raw-read';
import { watchTables } from '../watch-tables';
import type { RecordRow } from '../rows';

export interface FeedContactInfo {
  name: string;
  email?: string;
  phone?: string;
}

export interface FeedData {
  items: FeedItem[];
  contacts: ReadonlyMap<string, FeedContactInfo>;
  accounts: ReadonlyMap<string, string>;
  /** The window's start the items were derived for (absent: nothing derived). */
  since?: number;
}

export const EMPTY_FEED: FeedData = { items: [], contacts: new Map(), accounts: new Map() };

const ENGAGEMENTS: readonly EngagementType[] = ['emails', 'meetings', 'calls', 'tickets'];
const live = (r: RecordRow | undefined): r is RecordRow => r !== undefined && !r.archived;

/**
 * The feed is derived on the fly from the synced tables, not stored: the derivation is pure
 * and cheap next to the reads, a stored copy would have to be kept in step with every sync
 * page, and the schema may not gain a table. Reads go through indexes only: the user's
 * accounts (csmOwnerId) → their contacts (the associations table, both directions stored) →
 * the contact rows by primary key; and the engagements of the window, whoever they belong to,
 * by an index on their time (below) → each one's contacts, kept when a contact is the user's.
 * A book's history is years deep and the window two weeks, so the window's engagements are
 * few next to the user's contacts' whole history, which this once read in full.
 *
 * A big book is tens of thousands of reads (one association range per account and per
 * engagement), so they are raw reads of one transaction (raw-read.ts), association ranges as
 * primary keys only (the key is the whole link), and the query is not a Dexie live query: the
 * store re-runs it when a sync writes one of FEED_TABLES (`watchFeedSources`).
 *
 * An engagement is attributed to its contact's account (the engagement → company association
 * is not read: one more indexed read per engagement, and it only differs for a contact on two
 * of the user's accounts).
 */
export async function feedSince(db: CsDatabase, ownerId: string, since: number): Promise<FeedData> {
  return rawRead(db, FEED_TABLES, async (read, Range) => {
    const companies = (await read.getAll<RecordRow>('companies', Range.only(ownerId), 'csmOwnerId')).filter(live);
    const accountIds = companies.map((c) => c.id).sort();
    const companiesOf = new Map<string, string[]>();
    for (const [, accountId, , contactId] of await linksOf(read, Range, 'companies', accountIds, 'contacts'))
      companiesOf.set(contactId, [...(companiesOf.get(contactId) ?? []), accountId].sort());
    const contactRows = (await read.bulkGet<RecordRow>('contacts', [...companiesOf.keys()])).filter(live);
    const contacts: SourceContact[] = contactRows.map((r) => ({ record: r, companyIds: companiesOf.get(r.id) ?? [] }));

    const mine = new Set(contactRows.map((r) => r.id));
    const perType = await Promise.all(
      ENGAGEMENTS.map(async (type) => {
        const rows = (await inWindow(read, Range, type, since)).filter((r) => (engagementAt(type, r) ?? -Infinity) >= since);
        const contactsOf = new Map<string, string[]>();
        for (const [, id, , contactId] of await linksOf(
          read,
          Range,
          type,
          rows.map((r) => r.id),
          'contacts',
        ))
          if (mine.has(contactId)) contactsOf.set(id, [...(contactsOf.get(id) ?? []), contactId]);
        const out: SourceEngagement[] = [];
        for (const r of rows) {
          const contactIds = contactsOf.get(r.id);
          if (contactIds) out.push({ type, record: r, contactIds, companyIds: [] });
        }
        return out;
      }),
    );

    const items = deriveFeed({ accountIds, contacts, engagements: perType.flat() }, { since });
    const contactInfo = new Map<string, FeedContactInfo>();
    for (const r of contactRows) {
      const p = r.properties;
      contactInfo.set(r.id, {
        name: displayName('contacts', p, r.id),
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone || p.mobilephone ? { phone: (p.phone || p.mobilephone) as string } : {}),
      });
    }
    const accounts = new Map(companies.map((c) => [c.id, displayName('companies', c.properties, c.id)]));
    return { items, contacts: contactInfo, accounts, since };
  });
}

/**
 * The engagements of a type that may have an item at or after `since`, by index: emails and
 * calls by their time (`dueAt` holds `hs_timestamp`), meetings and tickets by `updatedAt`,
 * since an item of theirs is dated by its creation and a CRM record is never last modified
 * before it was created (a second early, for the ISO strings' sub-second digits). A superset:
 * the caller keeps what `engagementAt` dates in the window.
 */
async function inWindow(read: RawReader, Range: typeof IDBKeyRange, type: EngagementType, since: number): Promise<RecordRow[]> {
  const rows =
    type === 'emails' || type === 'calls'
      ? await read.getAll<RecordRow>(type, Range.lowerBound(since), 'dueAt')
      : await read.getAll<RecordRow>(type, Range.lowerBound(new Date(since - 1000).toISOString()), 'updatedAt');
  return rows.filter(live);
}

/**
 * The links from each of `fromIds` (of `fromType`) to `toType`, as primary keys
 * [fromType, fromId, toType, toId]: one key range per id, all in flight at once. (One range
 * over all of them, filtered by a set, reads every other link of the ids between — every
 * association of every account of the CRM between the user's first and last — and a cursor
 * that seeks id by id waits for each answer in turn.)
 */
async function linksOf(read: RawReader, Range: typeof IDBKeyRange, fromType: string, fromIds: readonly string[], toType: string): Promise<Link[]> {
  const parts = await Promise.all(fromIds.map((id) => read.getAllKeys('associations', Range.bound([fromType, id, toType], [fromType, id, toType, []]))));
  return parts.flat() as Link[];
}

/** A stored association's primary key. */
type Link = [fromType: string, fromId: string, toType: string, toId: string];

/** What the feed reads: a write to any of them (a sync page, an edit) re-derives it. */
export const FEED_TABLES: readonly string[] = ['companies', 'contacts', 'associations', ...ENGAGEMENTS];

/**
 * Calls `onChange` when a committed transaction wrote one of FEED_TABLES, in this window or
 * another (Dexie forwards the sync worker's commits). Returns the unsubscribe function.
 */
export const watchFeedSources = (db: CsDatabase, onChange: () => void): (() => void) => watchTables(db, () => FEED_TABLES, onChange);

/** The ids the user dismissed (meta `feed:dismissed:<userId>`). */
export async function dismissedIds(db: CsDatabase, userId: string): Promise<Set<string>> {
  return new Set((await getMeta(db, META.feedDismissed(userId))) ?? []);
}

/** When the user last opened the feed (meta `feed:lastOpened:<userId>`), null if never. */
export async function lastOpenedAt(db: CsDatabase, userId: string): Promise<number | null> {
  return (await getMeta(db, META.feedLastOpened(userId))) ?? null;
}

/**
 * The feed last derived for the owner (meta `feed:snapshot:<ownerId>`), cut to the window from
 * `since`; null when there is none or it was derived for a later window start.
 */
export async function feedSnapshot(db: CsDatabase, ownerId: string, since: number): Promise<FeedData | null> {
  const value = await getMeta(db, META.feedSnapshot(ownerId));
  const data = value === undefined ? null : decodeSnapshot(value, ownerId, since);
  return data && { ...data, since };
}
