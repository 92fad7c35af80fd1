import { displayName } from '../../../shared/records/display-name';
import { decodeSnapshot, deriveFeed, engagementAt, type EngagementType, type FeedItem, type SourceContact, type SourceEngagement } from '../../../shared/feed';
import type { CsDatabase } from '../database';
import { getMeta, META } from '../meta';
import type { AssociationRowStored, RecordRow } from '../rows';

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
 * An engagement is attributed to its contact's account (the engagement → company association
 * is not read: one more indexed read per engagement, and it only differs for a contact on two
 * of the user's accounts).
 */
export async function feedSince(db: CsDatabase, ownerId: string, since: number): Promise<FeedData> {
  const companiesTable = db.records('companies');
  const contactsTable = db.records('contacts');
  const tables = [companiesTable, contactsTable, db.associations, ...ENGAGEMENTS.map((t) => db.records(t))];
  return db.transaction('r', tables, async () => {
    const companies = (await companiesTable.where('csmOwnerId').equals(ownerId).toArray()).filter(live);
    const accountIds = companies.map((c) => c.id).sort();
    const links = await linksOf(
      db,
      '[fromType+fromId+toType]',
      accountIds.map((id) => ['companies', id, 'contacts']),
    );
    const companiesOf = new Map<string, string[]>();
    for (const l of links) companiesOf.set(l.toId, [...(companiesOf.get(l.toId) ?? []), l.fromId].sort());
    const contactIds = [...companiesOf.keys()];
    const contactRows = (await contactsTable.bulkGet(contactIds)).filter(live);
    const contacts: SourceContact[] = contactRows.map((r) => ({ record: r, companyIds: companiesOf.get(r.id) ?? [] }));

    const mine = new Set(contactRows.map((r) => r.id));
    const engagements: SourceEngagement[] = [];
    for (const type of ENGAGEMENTS) {
      const rows = (await inWindow(db, type, since)).filter((r) => (engagementAt(type, r) ?? -Infinity) >= since);
      const toContacts = await linksOf(
        db,
        '[fromType+fromId+toType]',
        rows.map((r) => [type, r.id, 'contacts']),
      );
      const contactsOf = new Map<string, string[]>();
      for (const l of toContacts) if (mine.has(l.toId)) contactsOf.set(l.fromId, [...(contactsOf.get(l.fromId) ?? []), l.toId]);
      for (const r of rows) {
        const contactIds = contactsOf.get(r.id);
        if (contactIds) engagements.push({ type, record: r, contactIds, companyIds: [] });
      }
    }

    const items = deriveFeed({ accountIds, contacts, engagements }, { since });
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
async function inWindow(db: CsDatabase, type: EngagementType, since: number): Promise<RecordRow[]> {
  const table = db.records(type);
  const rows =
    type === 'emails' || type === 'calls'
      ? await table.where('dueAt').aboveOrEqual(since).toArray()
      : await table
          .where('updatedAt')
          .aboveOrEqual(new Date(since - 1000).toISOString())
          .toArray();
  return rows.filter(live);
}

/**
 * One exact-key read per key, all in flight at once, rather than `anyOf`: anyOf walks one
 * cursor that seeks key by key, which is quadratic in some IndexedDB implementations
 * (fake-indexeddb: minutes for a few thousand keys), while parallel key-range reads are not.
 */
async function linksOf(db: CsDatabase, index: string, keys: Array<[string, string] | [string, string, string]>): Promise<AssociationRowStored[]> {
  const parts = await Promise.all(keys.map((k) => db.associations.where(index).equals(k).toArray()));
  return parts.flat();
}

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
