import { FEED_TYPES, type FeedItem, type FeedType } from './types';

/**
 * The last feed derived, kept so the tab shows it at once when it opens cold while the live
 * derivation (which reads every source of the window) runs; the derived feed then replaces it.
 * Stored compact: a structured clone of tens of thousands of small objects costs more than
 * the same data as a few flat arrays, so the items are columns (a Float64Array of numbers and
 * indexes into a table of the repeated strings) and each contact and account is one entry.
 */
export interface FeedSnapshot {
  v: 1;
  ownerId: string;
  /** The window the items were derived for (pages = 1 at the time of writing). */
  since: number;
  ids: string[];
  /** Repeated strings: contact and account ids, subjects, sequences. */
  strings: string[];
  /** Per item, COLUMNS numbers: type index, at, contact, account, subject (-1: none), sequence (-1), enrolled (0/1). */
  cols: Float64Array;
  /** Contacts: id, name, email ('' none), phone ('' none), four strings each. */
  contacts: string[];
  /** Accounts: id, name, two strings each. */
  accounts: string[];
}

export interface SnapshotData {
  items: FeedItem[];
  contacts: ReadonlyMap<string, { name: string; email?: string; phone?: string }>;
  accounts: ReadonlyMap<string, string>;
}

const COLUMNS = 7;

export function encodeSnapshot(ownerId: string, since: number, data: SnapshotData): FeedSnapshot {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const typeIndex = new Map<FeedType, number>(FEED_TYPES.map((t, i) => [t, i]));
  const cols = new Float64Array(data.items.length * COLUMNS);
  const contactIds = new Set<string>();
  const accountIds = new Set<string>();
  data.items.forEach((item, i) => {
    const o = i * COLUMNS;
    cols[o] = typeIndex.get(item.type) ?? -1;
    cols[o + 1] = item.at;
    cols[o + 2] = ref(item.contactId);
    cols[o + 3] = ref(item.accountId);
    cols[o + 4] = ref(item.subject);
    cols[o + 5] = ref(item.sequence);
    cols[o + 6] = item.enrolled ? 1 : 0;
    contactIds.add(item.contactId);
    accountIds.add(item.accountId);
  });
  const contacts: string[] = [];
  for (const id of contactIds) {
    const c = data.contacts.get(id);
    if (c) contacts.push(id, c.name, c.email ?? '', c.phone ?? '');
  }
  const accounts: string[] = [];
  for (const id of accountIds) {
    const name = data.accounts.get(id);
    if (name !== undefined) accounts.push(id, name);
  }
  return { v: 1, ownerId, since, ids: data.items.map((i) => i.id), strings, cols, contacts, accounts };
}

/**
 * The snapshot's items of the window starting at `since` (a later start than the one it was
 * written for drops the items that left the window), or null when it is not one this build
 * wrote for this owner: a stored value is checked here, as it is read.
 */
export function decodeSnapshot(value: unknown, ownerId: string, since: number): SnapshotData | null {
  if (!isSnapshot(value) || value.ownerId !== ownerId || value.since > since) return null;
  const { ids, strings, cols } = value;
  const str = (n: number | undefined) => (n === undefined || n < 0 ? undefined : strings[n]);
  const items: FeedItem[] = [];
  for (let i = 0; i < ids.length; i++) {
    const o = i * COLUMNS;
    const type = FEED_TYPES[cols[o] ?? -1];
    const at = cols[o + 1] ?? NaN;
    const contactId = str(cols[o + 2]);
    const accountId = str(cols[o + 3]);
    if (type === undefined || !(at >= since) || contactId === undefined || accountId === undefined) continue;
    const subject = str(cols[o + 4]);
    const sequence = str(cols[o + 5]);
    // Properties set one by one, not spread: this loop runs for every item of a cold open.
    const item: FeedItem = { id: ids[i] as string, type, at, contactId, accountId, enrolled: cols[o + 6] === 1 };
    if (subject !== undefined) item.subject = subject;
    if (sequence !== undefined) item.sequence = sequence;
    items.push(item);
  }
  const contacts = new Map<string, { name: string; email?: string; phone?: string }>();
  const c = value.contacts;
  for (let i = 0; i + 3 < c.length; i += 4) {
    const contact: { name: string; email?: string; phone?: string } = { name: c[i + 1] as string };
    if (c[i + 2]) contact.email = c[i + 2];
    if (c[i + 3]) contact.phone = c[i + 3];
    contacts.set(c[i] as string, contact);
  }
  const accounts = new Map<string, string>();
  for (let i = 0; i + 1 < value.accounts.length; i += 2) accounts.set(value.accounts[i] as string, value.accounts[i + 1] as string);
  return { items, contacts, accounts };
}

function isSnapshot(v: unknown): v is FeedSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<FeedSnapshot>;
  return (
    s.v === 1 &&
    typeof s.ownerId === 'string' &&
    typeof s.since === 'number' &&
    Array.isArray(s.ids) &&
    Array.isArray(s.strings) &&
    Array.isArray(s.contacts) &&
    Array.isArray(s.accounts) &&
    s.cols instanceof Float64Array &&
    s.cols.length === s.ids.length * COLUMNS &&
    s.ids.every((id) => typeof id === 'string') &&
    s.strings.every((x) => typeof x === 'string')
  );
}
