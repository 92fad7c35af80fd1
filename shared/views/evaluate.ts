import type { ViewContext, ViewRecord } from './context';
import { quickPropertiesOf } from './context';
import { compileFilter } from './filters';
import type { CompiledFilter, FilterEnv } from './filters';
import type { DateRange, Filter, View } from './schema';
import { createSorter, reverseSorted } from './sort';
import { ViewError, checkView, filterKind } from './validate';
import { createZone } from './zone';

export interface CompiledView {
  matches(record: ViewRecord): boolean;
  compare(a: ViewRecord, b: ViewRecord): number;
}

function quickFilter(property: string, range: DateRange): Filter {
  return range.period === 'custom'
    ? { property, operator: 'between', value: range.from, highValue: range.to }
    : { property, operator: 'in_period', value: range.period };
}

/**
 * The view's filters as OR-of-AND groups with the quick filters folded into every group
 * (they apply whatever the groups say). No groups means every record matches.
 */
export function effectiveGroups(view: View, ctx: ViewContext): Filter[][] {
  const props = quickPropertiesOf(ctx);
  const quick: Filter[] = [];
  if (view.quick?.createDate) quick.push(quickFilter(props.createDate, view.quick.createDate));
  if (view.quick?.lastActivity) quick.push(quickFilter(props.lastActivity, view.quick.lastActivity));
  if (view.filterGroups.length === 0) return [quick];
  return view.filterGroups.map((g) => [...quick, ...g.filters]);
}

export function filterEnv(ctx: ViewContext): FilterEnv {
  const zone = createZone(ctx.timeZone);
  return { ctx, zone, today: zone.dayOf(ctx.now) };
}

/** Quick-filter properties default to datetime when the definitions do not name them. */
function kindFor(filter: Filter, ctx: ViewContext): NonNullable<ReturnType<typeof filterKind>> {
  return filterKind(filter, ctx.propertyTypes) ?? 'datetime';
}

export function compileFilterOf(filter: Filter, env: FilterEnv): CompiledFilter {
  return compileFilter(filter, kindFor(filter, env.ctx), env);
}

export function compileGroups(groups: readonly Filter[][], env: FilterEnv): (record: ViewRecord) => boolean {
  const compiled = groups.map((g) => g.map((f) => compileFilterOf(f, env)));
  return (r) => compiled.some((g) => g.every((f) => f.test(r)));
}

/** Throws ViewError when the view does not fit the property definitions. */
export function assertValidView(view: View, ctx: ViewContext): void {
  const checked = checkView(view, ctx);
  if (!checked.ok) throw new ViewError(checked.issues);
}

/**
 * Compiles a view once (zone boundaries, periods and `@me` are resolved against `ctx.now`)
 * into a predicate and a comparator. Recompile when the clock crosses midnight.
 */
export function compileView(view: View, ctx: ViewContext): CompiledView {
  assertValidView(view, ctx);
  const matches = compileGroups(effectiveGroups(view, ctx), filterEnv(ctx));
  const sorter = createSorter(view.sort, ctx);
  return { matches, compare: (a, b) => sorter.compareKeys(a, sorter.key(a), b, sorter.key(b)) };
}

/** The view's records in order; sort keys are read once per record, not per comparison. */
export function evaluateView<R extends ViewRecord>(view: View, records: readonly R[], ctx: ViewContext): R[] {
  assertValidView(view, ctx);
  const matches = compileGroups(effectiveGroups(view, ctx), filterEnv(ctx));
  return sortRecords(records.filter(matches), view, ctx);
}

export function sortRecords<R extends ViewRecord>(records: readonly R[], view: View, ctx: ViewContext): R[] {
  const sorter = createSorter(view.sort, ctx);
  return records
    .map((record) => ({ record, key: sorter.key(record) }))
    .sort((a, b) => sorter.compareKeys(a.record, a.key, b.record, b.key))
    .map((d) => d.record);
}

/**
 * `records`, already in the order of `view`'s sort, in the order of the opposite direction
 * (what `sortRecords` would give with it), without sorting again.
 */
export function reverseView<R extends ViewRecord>(records: readonly R[], view: View, ctx: ViewContext): R[] {
  return reverseSorted(records, createSorter(view.sort, ctx));
}
