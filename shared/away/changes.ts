/**
 * "Since you were away", step one: what a sync page changed, as compact entries. The store
 * compares the row it holds with the one a page brings (before writing it) and keeps these;
 * which of them concern "my accounts" is decided when the digest is read, since a ticket's
 * or deal's account comes from associations that may arrive in the same page.
 */

export const CHANGE_KINDS = ['ticketCreated', 'ticketEscalated', 'dealStage', 'renewalChanged', 'contactCreated', 'taskReassigned'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change a sync brought; `from` / `to` are the property's values before and after (null = empty). */
export interface ChangeEntry {
  kind: ChangeKind;
  objectType: string;
  recordId: string;
  /** When the change was recorded locally (the writer's clock), ms. */
  at: number;
  from: string | null;
  to: string | null;
}

/** The parts of a synced record the diff reads. */
export interface RecordVersion {
  id: string;
  properties: Readonly<Record<string, string | null | undefined>>;
  createdAt: string;
  archived?: boolean;
}

export interface DiffContext {
  /** The account object (`companies` or a custom object) and its renewal date property. */
  accountObject: string;
  renewalProperty: string | null;
  /**
   * The CRM time up to which this type had already been pulled (the incremental cursor
   * before the page), or null while the type is still loading for the first time: then
   * nothing is "new", it is only being copied.
   */
  seenUpToMs: number | null;
  /** The local time to stamp the entries with. */
  at: number;
}

/** A record created this long before the cursor still counts as new: the CRM's search index lags its writes. */
export const NEW_RECORD_MARGIN_MS = 10 * 60_000;

/** HubSpot's ticket priorities, lowest first; an unknown value ranks as none. */
const PRIORITY_RANK: Readonly<Record<string, number>> = { LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 };
export const priorityRank = (p: string | null | undefined): number => (p ? (PRIORITY_RANK[p.toUpperCase()] ?? 0) : 0);

const value = (r: RecordVersion | undefined, name: string): string | null => {
  const v = r?.properties[name];
  return v === undefined || v === null || v === '' ? null : v;
};

/** Two date values that name the same day (a date `2027-01-15` and its midnight timestamp) are equal. */
function sameDate(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const day = (v: string) => {
    const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    return Number.isNaN(ms) ? v : new Date(ms).toISOString().slice(0, 10);
  };
  return day(a) === day(b);
}

/** Whether a record first seen in this page was created in the CRM since the last pull. */
function isNew(next: RecordVersion, ctx: DiffContext): boolean {
  if (ctx.seenUpToMs === null) return false;
  const created = Date.parse(next.createdAt);
  return !Number.isNaN(created) && created >= ctx.seenUpToMs - NEW_RECORD_MARGIN_MS;
}

/**
 * The changes between the row held (`old`, undefined when none) and the one a page brings.
 * Tickets: created, priority raised; deals: stage moved; accounts: renewal date changed;
 * contacts: created; tasks: owner changed (to or from whom is judged on reading).
 */
export function diffRecord(objectType: string, old: RecordVersion | undefined, next: RecordVersion, ctx: DiffContext): ChangeEntry[] {
  if (next.archived) return [];
  const entry = (kind: ChangeKind, from: string | null, to: string | null): ChangeEntry => ({ kind, objectType, recordId: next.id, at: ctx.at, from, to });
  const changed = (name: string) => value(old, name) !== value(next, name);
  const out: ChangeEntry[] = [];
  if (!old) {
    if (!isNew(next, ctx)) return [];
    if (objectType === 'tickets') out.push(entry('ticketCreated', null, value(next, 'hs_ticket_priority')));
    if (objectType === 'contacts') out.push(entry('contactCreated', null, null));
    return out;
  }
  if (objectType === 'tickets') {
    const from = value(old, 'hs_ticket_priority');
    const to = value(next, 'hs_ticket_priority');
    if (priorityRank(to) > priorityRank(from)) out.push(entry('ticketEscalated', from, to));
  }
  if (objectType === 'deals' && changed('dealstage')) out.push(entry('dealStage', value(old, 'dealstage'), value(next, 'dealstage')));
  if (objectType === ctx.accountObject && ctx.renewalProperty) {
    const from = value(old, ctx.renewalProperty);
    const to = value(next, ctx.renewalProperty);
    if (!sameDate(from, to)) out.push(entry('renewalChanged', from, to));
  }
  if (objectType === 'tasks' && changed('hubspot_owner_id')) out.push(entry('taskReassigned', value(old, 'hubspot_owner_id'), value(next, 'hubspot_owner_id')));
  return out;
}

/** How long change entries are kept: longer than any absence the digest covers in practice. */
export const CHANGE_KEEP_MS = 30 * 86_400_000;
