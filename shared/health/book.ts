import type { ViewRecord } from '../views/context';
import type { AccountData } from './context';
import type { HealthEvaluator, HealthResult, HealthSummary } from './evaluate';

/** A change the store saw: a record written or removed, or an association made or removed. */
export type BookChange =
  | { kind: 'record'; objectType: string; id: string; record: ViewRecord | null }
  | { kind: 'link'; accountId: string; objectType: string; id: string; linked: boolean };

const EMPTY: readonly ViewRecord[] = [];

/**
 * Every account's score, kept current by recomputing only the accounts a change reaches:
 * the account itself for an account change, the accounts associated with a related record
 * for its change, and the account of an association. Records of types no criterion reads
 * are kept (a later score may read them) but move no score. Holds plain maps, never
 * reactive state, and only each account's score and status: the breakdown of one account is
 * evaluated on demand (`explain`), so 50,000 breakdowns are never kept.
 */
export class HealthBook {
  private readonly accounts = new Map<string, ViewRecord>();
  private readonly records = new Map<string, Map<string, ViewRecord>>();
  /** accountId → type → related ids. */
  private readonly links = new Map<string, Map<string, Set<string>>>();
  /** `type:id` → account ids. */
  private readonly backLinks = new Map<string, Set<string>>();
  private readonly results = new Map<string, HealthSummary | null>();

  constructor(
    private evaluator: HealthEvaluator,
    readonly accountObject: string,
  ) {}

  /** A new model or a new day: every account must be recomputed (`computeAll`). */
  setEvaluator(evaluator: HealthEvaluator): void {
    this.evaluator = evaluator;
  }

  accountIds(): string[] {
    return [...this.accounts.keys()];
  }

  account(accountId: string): ViewRecord | undefined {
    return this.accounts.get(accountId);
  }

  result(accountId: string): HealthSummary | null | undefined {
    return this.results.get(accountId);
  }

  allResults(): ReadonlyMap<string, HealthSummary | null> {
    return this.results;
  }

  /** The full breakdown of one account (the preview's card), evaluated now from the book's data. */
  explain(accountId: string): HealthResult | null {
    const account = this.accounts.get(accountId);
    return account ? this.evaluator.evaluate(this.dataOf(account)) : null;
  }

  /** Applies changes to the data and returns the accounts whose score may have moved. */
  apply(changes: readonly BookChange[]): Set<string> {
    const affected = new Set<string>();
    for (const c of changes) {
      if (c.kind === 'link') this.applyLink(c, affected);
      else if (c.objectType === this.accountObject) this.applyAccount(c.id, c.record, affected);
      else this.applyRecord(c.objectType, c.id, c.record, affected);
    }
    return affected;
  }

  private applyAccount(id: string, record: ViewRecord | null, affected: Set<string>): void {
    if (record) this.accounts.set(id, record);
    else {
      this.accounts.delete(id);
      this.results.delete(id);
    }
    affected.add(id);
  }

  private applyRecord(type: string, id: string, record: ViewRecord | null, affected: Set<string>): void {
    let table = this.records.get(type);
    if (!table) this.records.set(type, (table = new Map()));
    if (record) table.set(id, record);
    else table.delete(id);
    if (!this.evaluator.relatedTypes.has(type)) return;
    for (const a of this.backLinks.get(`${type}:${id}`) ?? []) affected.add(a);
  }

  private applyLink(c: Extract<BookChange, { kind: 'link' }>, affected: Set<string>): void {
    let byType = this.links.get(c.accountId);
    if (!byType) this.links.set(c.accountId, (byType = new Map()));
    let ids = byType.get(c.objectType);
    if (!ids) byType.set(c.objectType, (ids = new Set()));
    const key = `${c.objectType}:${c.id}`;
    let back = this.backLinks.get(key);
    if (!back) this.backLinks.set(key, (back = new Set()));
    const had = ids.has(c.id);
    if (c.linked) {
      ids.add(c.id);
      back.add(c.accountId);
    } else {
      ids.delete(c.id);
      back.delete(c.accountId);
    }
    if (had !== c.linked && this.evaluator.relatedTypes.has(c.objectType)) affected.add(c.accountId);
  }

  private dataOf(account: ViewRecord): AccountData {
    const byType = this.links.get(account.id);
    // Several criteria read the same type (meetings for two windows and for "any activity").
    const seen = new Map<string, readonly ViewRecord[]>();
    return {
      account,
      related: (type) => {
        const hit = seen.get(type);
        if (hit) return hit;
        const ids = byType?.get(type);
        const table = this.records.get(type);
        const out: ViewRecord[] = [];
        if (ids && table) {
          for (const id of ids) {
            const r = table.get(id);
            if (r) out.push(r);
          }
        }
        const list = out.length > 0 ? out : EMPTY;
        seen.set(type, list);
        return list;
      },
    };
  }

  /** Recomputes the given accounts; ids no longer present are dropped. */
  recompute(ids: Iterable<string>): void {
    for (const id of ids) {
      const account = this.accounts.get(id);
      if (account) this.results.set(id, this.evaluator.summarize(this.dataOf(account)));
      else this.results.delete(id);
    }
  }

  computeAll(): void {
    this.results.clear();
    this.recompute(this.accounts.keys());
  }
}
