import type { ViewRecord } from '../views/context';
import { activityTime } from './activity';
import type { AccountData } from './context';
import type { HealthEvaluator, HealthResult, HealthSummary } from './evaluate';

/** A change the store saw: a record written or removed, or an association made or removed. */
export type BookChange =
  | { kind: 'record'; objectType: string; id: string; record: ViewRecord | null }
  | { kind: 'link'; accountId: string; objectType: string; id: string; linked: boolean };

const EMPTY: readonly ViewRecord[] = [];
const EMPTY_TIMES: ReadonlyArray<number | undefined> = [];

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
  /** accountId → type → the associated records. */
  private readonly links = new Map<string, Map<string, Linked>>();
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
    // A record the book did not hold is in no account's arrays yet.
    const held = table.has(id);
    if (record) table.set(id, record);
    else table.delete(id);
    const accounts = this.backLinks.get(`${type}:${id}`);
    if (!accounts) return;
    for (const a of accounts) {
      const linked = this.links.get(a)?.get(type);
      if (linked) place(linked, id, record, held);
    }
    if (this.evaluator.relatedTypes.has(type)) for (const a of accounts) affected.add(a);
  }

  private applyLink(c: Extract<BookChange, { kind: 'link' }>, affected: Set<string>): void {
    let byType = this.links.get(c.accountId);
    if (!byType) this.links.set(c.accountId, (byType = new Map()));
    let linked = byType.get(c.objectType);
    if (!linked) byType.set(c.objectType, (linked = { ids: new Set(), present: [], records: [], times: [], unparsed: false }));
    const key = `${c.objectType}:${c.id}`;
    let back = this.backLinks.get(key);
    if (!back) this.backLinks.set(key, (back = new Set()));
    const had = linked.ids.has(c.id);
    if (c.linked) {
      linked.ids.add(c.id);
      back.add(c.accountId);
    } else {
      linked.ids.delete(c.id);
      back.delete(c.accountId);
    }
    if (had === c.linked) return;
    // Newly associated: not in the arrays yet.
    place(linked, c.id, c.linked ? (this.records.get(c.objectType)?.get(c.id) ?? null) : null, !c.linked);
    if (this.evaluator.relatedTypes.has(c.objectType)) affected.add(c.accountId);
  }

  private dataOf(account: ViewRecord): AccountData {
    const byType = this.links.get(account.id);
    return {
      account,
      related: (type) => byType?.get(type)?.records ?? EMPTY,
      activityTimes: (type) => {
        const linked = byType?.get(type);
        if (!linked) return EMPTY_TIMES;
        if (linked.unparsed) parseTimes(linked, type);
        return linked.times;
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

/**
 * One account's associated records of one type: the associated ids, and of those the records
 * the book holds, as the arrays evaluation reads (`present`, `records` and `times` aligned),
 * kept current by every change so that evaluating an account builds nothing. A record's
 * activity time is parsed when first read (`UNPARSED` until then), once per version of it.
 */
interface Linked {
  ids: Set<string>;
  present: string[];
  records: ViewRecord[];
  times: Array<number | undefined>;
  /** Some entry of `times` is `UNPARSED`. */
  unparsed: boolean;
}

/** Not a time `activityTime` gives (it gives a number or undefined, never NaN). */
const UNPARSED = Number.NaN;

function parseTimes(linked: Linked, type: string): void {
  const { records, times } = linked;
  for (let i = 0; i < times.length; i++) if (Number.isNaN(times[i])) times[i] = activityTime(type, records[i] as ViewRecord);
  linked.unparsed = false;
}

/**
 * Puts this version of the record into the arrays (replacing an older one), or takes it out
 * (null). Only a record that `mayBeThere` is looked for: a first load (an account with
 * thousands of e-mails) then appends without scanning the arrays for every record.
 */
function place(linked: Linked, id: string, record: ViewRecord | null, mayBeThere: boolean): void {
  const at = mayBeThere ? linked.present.indexOf(id) : -1;
  if (record && at >= 0) {
    linked.records[at] = record;
    linked.times[at] = UNPARSED;
    linked.unparsed = true;
  } else if (record) {
    linked.present.push(id);
    linked.records.push(record);
    linked.times.push(UNPARSED);
    linked.unparsed = true;
  } else if (at >= 0) {
    // Order carries no meaning: the last entry takes the removed one's place.
    const last = linked.present.length - 1;
    linked.present[at] = linked.present[last] as string;
    linked.records[at] = linked.records[last] as ViewRecord;
    linked.times[at] = linked.times[last];
    linked.present.pop();
    linked.records.pop();
    linked.times.pop();
  }
}
