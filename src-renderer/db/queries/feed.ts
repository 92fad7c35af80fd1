import { displayName } from '../../../shared/records/display-name';
import { deriveFeed, type EngagementType, type FeedItem, type SourceContact, type SourceEngagement } from '../../../shared/feed';
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
}

export const EMPTY_FEED: FeedData = { items: [], contacts: new Map(), accounts: new Map() };

const ENGAGEMENTS: readonly EngagementType[] = ['emails', 'meetings', 'calls', 'tickets'];
const live = (r: RecordRow | undefined): r is RecordRow => r !== undefined && !r.archived;

/**
 * The feed is derived on the fly from the synced tables, not stored: the derivation is pure
 * and cheap next to the reads, a stored copy would have to be kept in step with every sync
 * page, and the schema may not gain a table. Reads go through indexes only: the user's
 * accounts (csmOwnerId) → their contacts and those contacts' engagements (the associations
 * table, both directions stored) → the rows by primary key.
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

    const activity = await linksOf(
      db,
      '[fromType+fromId]',
      contactRows.map((r) => ['contacts', r.id]),
    );
    const engagements: SourceEngagement[] = [];
    for (const type of ENGAGEMENTS) {
      const contactsOf = new Map<string, string[]>();
      for (const l of activity) if (l.toType === type) contactsOf.set(l.toId, [...(contactsOf.get(l.toId) ?? []), l.fromId]);
      const rows = (await db.records(type).bulkGet([...contactsOf.keys()])).filter(live);
      for (const r of rows) engagements.push({ type, record: r, contactIds: contactsOf.get(r.id) ?? [], companyIds: [] });
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
    return { items, contacts: contactInfo, accounts };
  });
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
