import type { ChangeKind } from './changes';

/**
 * "Since you were away", step three: the digest's items, ranked by risk × revenue.
 *
 *   score = severity weight of the change × revenue at stake
 *
 * Severity weights (SEVERITY): a health drop to At risk 5, to Neutral 3; an escalated ticket 4;
 * a new ticket 3 (4 when High or Urgent); a renewal date changed 3; a deal moved 2; a task of
 * mine reassigned 2; a new contact 1. Revenue at stake is the account's ARR (`arr`); a deal
 * counts its own amount when that is larger; a value that is missing or not a number counts
 * as 1, so such items still rank among themselves by severity. Ties: the newer change first,
 * then by record id.
 */
export type DigestKind = ChangeKind | 'healthDrop';

export interface DigestItem {
  kind: DigestKind;
  objectType: string;
  recordId: string;
  /** The account the item is about (the record itself for account changes). */
  accountId: string;
  at: number;
  from: string | null;
  to: string | null;
  /** Account ARR, deal amount: numbers as the CRM stores them (text). */
  accountArr: string | null;
  dealAmount?: string | null;
}

export interface RankedItem extends DigestItem {
  score: number;
}

export function severityOf(item: Pick<DigestItem, 'kind' | 'to'>): number {
  switch (item.kind) {
    case 'healthDrop':
      return item.to === 'atRisk' ? 5 : 3;
    case 'ticketEscalated':
      return 4;
    case 'ticketCreated':
      return item.to === 'HIGH' || item.to === 'URGENT' ? 4 : 3;
    case 'renewalChanged':
      return 3;
    case 'dealStage':
    case 'taskReassigned':
      return 2;
    case 'contactCreated':
      return 1;
  }
}

const amount = (v: string | null | undefined): number => {
  const n = v === null || v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

export function revenueOf(item: Pick<DigestItem, 'accountArr' | 'dealAmount'>): number {
  return Math.max(1, amount(item.accountArr), amount(item.dealAmount));
}

/** Items by score, highest first; ties newer first, then by record id. */
export function rankDigest(items: readonly DigestItem[]): RankedItem[] {
  return items
    .map((i) => ({ ...i, score: severityOf(i) * revenueOf(i) }))
    .sort((a, b) => b.score - a.score || b.at - a.at || a.recordId.localeCompare(b.recordId));
}

/**
 * One item per record and kind: a deal moved twice while away is one item from its first
 * stage to its last (entries in the order they were recorded).
 */
export function collapseEntries<T extends { kind: string; objectType: string; recordId: string; from: string | null; to: string | null; at: number }>(
  entries: readonly T[],
): T[] {
  const byKey = new Map<string, T>();
  for (const e of entries) {
    const key = `${e.kind}:${e.objectType}:${e.recordId}`;
    const prev = byKey.get(key);
    byKey.set(key, prev ? { ...e, from: prev.from } : e);
  }
  // A value moved and back again is no change.
  return [...byKey.values()].filter((e) => e.kind === 'ticketCreated' || e.kind === 'contactCreated' || e.from !== e.to);
}
