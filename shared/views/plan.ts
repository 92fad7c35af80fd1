import type { ViewContext, ViewRecord } from './context';
import { assertValidView, compileFilterOf, compileGroups, effectiveGroups, filterEnv } from './evaluate';
import type { IndexRange } from './filters';
import type { Filter, View } from './schema';

export interface QueryPlan {
  /** The indexed property to query; absent means scan every record of the type. */
  index?: string;
  /** The keys to read from that index (see `indexKey` for what the index must hold). */
  range?: IndexRange;
  /** The filter the index answers, for display and debugging. */
  filter?: Filter;
  /** What must still hold, in memory, for a record read through the plan. */
  residual: (record: ViewRecord) => boolean;
}

const identity = (f: Filter): string => JSON.stringify([f.property, f.operator, f.value ?? null, f.values ?? null, f.highValue ?? null, f.target ?? 'value']);

/** Exact keys narrow best, then closed intervals, then half-open ones. */
function score(range: IndexRange): number {
  if ('equals' in range) return 3;
  if ('anyOf' in range) return 2;
  return range.lower !== undefined && range.upper !== undefined ? 1 : 0;
}

/**
 * Picks one filter that every OR group contains (a quick filter always qualifies) and whose
 * property has an index, so that every match lies in that index range. Because a compiled
 * filter's range holds exactly when the filter does, the filter is dropped from the
 * residual: (records in range) ∩ residual = the view's matches. Sorting stays in memory.
 */
export function planQuery(view: View, ctx: ViewContext, indexes: readonly string[]): QueryPlan {
  assertValidView(view, ctx);
  const env = filterEnv(ctx);
  const groups = effectiveGroups(view, ctx);
  const [first = [], ...rest] = groups;
  const indexed = new Set(indexes);

  let best: { filter: Filter; range: IndexRange } | undefined;
  for (const filter of first) {
    if (!indexed.has(filter.property)) continue;
    const id = identity(filter);
    if (!rest.every((g) => g.some((f) => identity(f) === id))) continue;
    const { range } = compileFilterOf(filter, env);
    if (range && (!best || score(range) > score(best.range))) best = { filter, range };
  }
  if (!best) return { residual: compileGroups(groups, env) };

  const used = identity(best.filter);
  const residualGroups = groups.map((g) => g.filter((f) => identity(f) !== used));
  return { index: best.filter.property, range: best.range, filter: best.filter, residual: compileGroups(residualGroups, env) };
}
