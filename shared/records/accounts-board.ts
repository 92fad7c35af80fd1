import { parseDateDay } from '../views/wire';
import { createZone } from '../views/zone';

/**
 * Portfolio's accounts board: accounts grouped into columns by health status, renewal window
 * or an enumeration property. Pure (no Vue, Dexie or DOM) so Node tests run it on a fixed clock.
 */

export interface BoardAccount {
  id: string;
  properties: Record<string, string | null | undefined>;
}

export type HealthGroup = 'healthy' | 'neutral' | 'atRisk';
export const HEALTH_GROUPS: readonly HealthGroup[] = ['healthy', 'neutral', 'atRisk'];

export type RenewalWindow = 'overdue' | 'within30' | 'within90' | 'within180' | 'later';
export const RENEWAL_WINDOWS: readonly RenewalWindow[] = ['overdue', 'within30', 'within90', 'within180', 'later'];

/** The key of the column of accounts without a value (no status yet, no renewal date, empty property). */
export const NO_VALUE = '';

/** What the board groups by: the two computed groupings, or an account property (`property:<name>`). */
export type BoardGrouping = { kind: 'health' } | { kind: 'renewal'; property: string } | { kind: 'property'; property: string };

export interface BoardColumnDef {
  /** The value a card in this column has (`NO_VALUE` for none); the drop target's value. */
  key: string;
  /** The CRM option's label (data), or undefined where the screen names it (computed groups, no value). */
  label?: string;
  /** A value the property's options do not list (removed in the CRM, or imported): shown, never a drop target. */
  unknown: boolean;
  /** Whether a card may be dropped here: only option columns and "no value" of an editable property. */
  droppable: boolean;
}

export interface BoardColumn<R extends BoardAccount> extends BoardColumnDef {
  records: R[];
}

/**
 * The renewal window of a renewal date, in whole days from today in `timeZone`: overdue
 * (before today), within 30 days (today … +30), 31–90, 91–180, later; undefined when there
 * is no date or it does not parse.
 */
export function renewalWindow(value: string | null | undefined, now: number, timeZone: string): RenewalWindow | undefined {
  return windowOf(value, createZone(timeZone).dayOf(now));
}

/** The window of a renewal date given today's day number (one zone lookup per board, not per account). */
function windowOf(value: string | null | undefined, today: number): RenewalWindow | undefined {
  const day = parseDateDay(value);
  if (day === undefined) return undefined;
  const days = day - today;
  if (days < 0) return 'overdue';
  if (days <= 30) return 'within30';
  if (days <= 90) return 'within90';
  if (days <= 180) return 'within180';
  return 'later';
}

export interface GroupContext {
  now: number;
  timeZone: string;
  /** The account's computed health status; undefined while not computed or without a model. */
  healthOf: (id: string) => HealthGroup | undefined;
  /** The options of the grouping property (CRM definitions), in the CRM's order. */
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Whether the CRM lets the grouping property be edited (computed groupings never are). */
  editable: boolean;
}

/**
 * The board's columns in order, each with its accounts in the given order. Computed groupings
 * (health, renewal window) have fixed columns and no drop targets; a property has its options,
 * then one column per value the options do not know (so nothing disappears), then "no value".
 */
export function groupAccounts<R extends BoardAccount>(records: readonly R[], grouping: BoardGrouping, ctx: GroupContext): BoardColumn<R>[] {
  const fixed = (keys: readonly string[]): BoardColumn<R>[] => [...keys, NO_VALUE].map((key) => ({ key, unknown: false, droppable: false, records: [] }));
  let columns: BoardColumn<R>[];
  let keyOf: (r: R) => string;
  if (grouping.kind === 'health') {
    columns = fixed(HEALTH_GROUPS);
    keyOf = (r) => ctx.healthOf(r.id) ?? NO_VALUE;
  } else if (grouping.kind === 'renewal') {
    columns = fixed(RENEWAL_WINDOWS);
    const today = createZone(ctx.timeZone).dayOf(ctx.now);
    keyOf = (r) => windowOf(r.properties[grouping.property], today) ?? NO_VALUE;
  } else {
    const seen = new Set<string>();
    columns = [];
    for (const o of ctx.options) {
      if (o.value === NO_VALUE || seen.has(o.value)) continue;
      seen.add(o.value);
      columns.push({ key: o.value, label: o.label, unknown: false, droppable: ctx.editable, records: [] });
    }
    columns.push({ key: NO_VALUE, unknown: false, droppable: ctx.editable, records: [] });
    keyOf = (r) => r.properties[grouping.property] ?? NO_VALUE;
  }
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const unknown: BoardColumn<R>[] = [];
  for (const r of records) {
    const key = keyOf(r);
    let column = byKey.get(key);
    if (!column) {
      column = { key, label: key, unknown: true, droppable: false, records: [] };
      byKey.set(key, column);
      unknown.push(column);
    }
    column.records.push(r);
  }
  unknown.sort((a, b) => a.key.localeCompare(b.key));
  // Unknown values go before "no value", which stays last.
  const none = columns.pop() as BoardColumn<R>;
  return [...columns, ...unknown, none];
}

/** The property update a drop asks for, or null when the drop is not offered (same column, not a target). */
export function dropUpdate(
  grouping: BoardGrouping,
  target: Pick<BoardColumnDef, 'key' | 'droppable'>,
  current: string | null | undefined,
): Record<string, string | null> | null {
  if (grouping.kind !== 'property' || !target.droppable) return null;
  if ((current ?? NO_VALUE) === target.key) return null;
  return { [grouping.property]: target.key === NO_VALUE ? null : target.key };
}

/** A property definition as the grouping picker needs it. */
export interface GroupablePropertyDef {
  name: string;
  type?: string | null;
  referencedObjectType?: string | null;
  hidden?: unknown;
  modificationMetadata?: unknown;
}

/** Enumeration properties the CRM says a user may edit (not owner references, not calculated, not hidden). */
export function isEditableEnumeration(def: GroupablePropertyDef): boolean {
  if (def.type !== 'enumeration' || def.referencedObjectType === 'OWNER' || def.hidden === true) return false;
  const meta = def.modificationMetadata as { readOnlyValue?: boolean } | undefined;
  return meta?.readOnlyValue !== true;
}
