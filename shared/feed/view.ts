import { createZone } from '../views/zone';
import type { FeedItem, FeedType } from './types';

export type SequenceFilter = { kind: 'any' } | { kind: 'enrolled' } | { kind: 'not-enrolled' } | { kind: 'sequence'; name: string };

export interface FeedFilter {
  /** Words that must all appear in the contact's name, the account's name or the subject. */
  query: string;
  /** Empty = every type. */
  types: readonly FeedType[];
  sequence: SequenceFilter;
}

export const NO_FILTER: FeedFilter = { query: '', types: [], sequence: { kind: 'any' } };

export interface FeedNames {
  contact(id: string): string;
  account(id: string): string;
}

const NON_ASCII = /[^ -~]/;

/** Case- and accent-insensitive, so "lodz" finds "Łódź" and "zoe" finds "Zoë". */
export function fold(s: string): string {
  // Plain ASCII (most names) has no accents to strip: lowercasing is all.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}

export function matchesSequence(item: FeedItem, f: SequenceFilter): boolean {
  switch (f.kind) {
    case 'any':
      return true;
    case 'enrolled':
      return item.enrolled;
    case 'not-enrolled':
      return !item.enrolled;
    case 'sequence':
      return item.sequence === f.name;
  }
}

export function filterFeed(items: readonly FeedItem[], f: FeedFilter, names: FeedNames): FeedItem[] {
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  const types = new Set(f.types);
  const hay = words.length > 0 ? haystacks(items, names) : [];
  // Copied once: the filter may be a store's reactive state, whose every read is tracked.
  const sequence = { ...f.sequence };
  const out: FeedItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as FeedItem;
    if (types.size > 0 && !types.has(item.type)) continue;
    if (!matchesSequence(item, sequence)) continue;
    if (words.length > 0 && !includesAll(hay[i] as string, words)) continue;
    out.push(item);
  }
  return out;
}

function includesAll(hay: string, words: readonly string[]): boolean {
  for (const w of words) if (!hay.includes(w)) return false;
  return true;
}

/**
 * Search-as-you-type compares each item's folded text (contact, account, subject) with the
 * words. Folding (Unicode normalisation) is the cost, so the texts of a list are folded once,
 * into an array beside it, and reused by every keystroke over that same list: a feed's items
 * and its names are replaced together (a new derivation, a dismissal, gives a new list), so a
 * list read with the same `names` reads the same texts. Each distinct name or subject is folded
 * once (a contact has several items; folding is per character, so the parts fold apart).
 */
const foldedLists = new WeakMap<readonly FeedItem[], { names: FeedNames; hay: string[] }>();
function haystacks(items: readonly FeedItem[], names: FeedNames): string[] {
  const known = foldedLists.get(items);
  if (known && known.names === names) return known.hay;
  const foldedOnce = new Map<string, string>();
  const f = (s: string) => {
    let v = foldedOnce.get(s);
    if (v === undefined) foldedOnce.set(s, (v = fold(s)));
    return v;
  };
  // Joined, not concatenated: one flat string each, which every keystroke then only reads.
  const hay = items.map((item) => [f(names.contact(item.contactId)), f(names.account(item.accountId)), f(item.subject ?? '')].join(' '));
  foldedLists.set(items, { names, hay });
  return hay;
}

/** The sequences items mention, for the sequence filter's options. */
export function sequencesOf(items: readonly FeedItem[]): string[] {
  return [...new Set(items.map((i) => i.sequence).filter((s): s is string => s !== undefined))].sort();
}

export type FeedRow = { kind: 'day'; key: string; day: number; dayStart: number } | { kind: 'item'; key: string; item: FeedItem };

/** Items (already newest first) with a heading row before each civil day of the workspace zone. */
export function groupByDay(items: readonly FeedItem[], timeZone: string): FeedRow[] {
  const zone = createZone(timeZone);
  // The zone is asked only when an item leaves the current day's span [start, end): about twice
  // a day of items, not once per item (Intl formatting is the cost of grouping long lists).
  const rows: FeedRow[] = [];
  let current: number | undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const item of items) {
    if (!(item.at >= start && item.at < end)) {
      const day = zone.dayOf(item.at);
      if (day !== current) {
        current = day;
        start = zone.startOfDay(day);
        end = zone.startOfDay(day + 1);
        rows.push({ kind: 'day', key: `day:${day}`, day, dayStart: start });
      }
    }
    rows.push({ kind: 'item', key: item.id, item });
  }
  return rows;
}
