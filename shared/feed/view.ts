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

/** Case- and accent-insensitive, so "lodz" finds "Łódź" and "zoe" finds "Zoë". */
export function fold(s: string): string {
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
  return items.filter((item) => {
    if (types.size > 0 && !types.has(item.type)) return false;
    if (!matchesSequence(item, f.sequence)) return false;
    if (words.length === 0) return true;
    const hay = foldedText(item, names.contact(item.contactId), names.account(item.accountId));
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Folding (Unicode normalisation) is what search-as-you-type spends its time on: each item's
 * folded text is kept beside it and reused while its contact's and account's names read the
 * same (an item's subject does not change), so a keystroke over the whole feed only compares.
 */
const folded = new WeakMap<FeedItem, { contact: string; account: string; folded: string }>();
function foldedText(item: FeedItem, contact: string, account: string): string {
  const known = folded.get(item);
  if (known && known.contact === contact && known.account === account) return known.folded;
  const f = fold(`${contact} ${account} ${item.subject ?? ''}`);
  folded.set(item, { contact, account, folded: f });
  return f;
}

/** The sequences items mention, for the sequence filter's options. */
export function sequencesOf(items: readonly FeedItem[]): string[] {
  return [...new Set(items.map((i) => i.sequence).filter((s): s is string => s !== undefined))].sort();
}

export type FeedRow = { kind: 'day'; key: string; day: number; dayStart: number } | { kind: 'item'; key: string; item: FeedItem };

/** Items (already newest first) with a heading row before each civil day of the workspace zone. */
export function groupByDay(items: readonly FeedItem[], timeZone: string): FeedRow[] {
  const zone = createZone(timeZone);
  // Every zone offset is a multiple of 15 minutes, so one Intl lookup per 15-minute bucket
  // gives the day of every item in it (Intl formatting is the cost of grouping long lists).
  const days = new Map<number, number>();
  const dayOf = (ms: number) => {
    const bucket = Math.floor(ms / 900_000);
    let day = days.get(bucket);
    if (day === undefined) days.set(bucket, (day = zone.dayOf(ms)));
    return day;
  };
  const rows: FeedRow[] = [];
  let current: number | undefined;
  for (const item of items) {
    const day = dayOf(item.at);
    if (day !== current) {
      current = day;
      rows.push({ kind: 'day', key: `day:${day}`, day, dayStart: zone.startOfDay(day) });
    }
    rows.push({ kind: 'item', key: item.id, item });
  }
  return rows;
}
