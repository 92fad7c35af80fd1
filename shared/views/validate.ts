import type { ViewContext } from './context';
import { quickPropertiesOf } from './context';
import { RELATIVE_PERIODS, operatorFits, operatorsFor } from './kinds';
import type { PropertyKind } from './kinds';
import { FilterSchema, ViewSchema } from './schema';
import type { Filter, View } from './schema';
import { parseInstant, parseIsoDay, parseNumber } from './wire';
import { IssuesError, type Issue } from '../domain/issues';

/** A problem of a view; its path points into the view, e.g. `filterGroups.0.filters.1`. */
export type ViewIssue = Issue;

export class ViewError extends IssuesError {
  override readonly name = 'ViewError';
}

type TypeInfo = Pick<ViewContext, 'propertyTypes' | 'quickProperties'>;

/** A filter day: `YYYY-MM-DD`, or an instant (epoch ms / ISO) whose day is taken in the user's zone. */
export function isFilterDay(v: string | undefined): boolean {
  if (v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return parseIsoDay(v) !== undefined;
  return parseInstant(v) !== undefined;
}

/** The kind a filter is evaluated as: `setAt` filters read a timestamp, whatever the property. */
export function filterKind(filter: Filter, propertyTypes: TypeInfo['propertyTypes']): PropertyKind | undefined {
  return filter.target === 'setAt' ? 'datetime' : propertyTypes[filter.property];
}

/** Why this filter cannot run against a property of this kind, or undefined when it can. */
export function checkFilter(filter: Filter, kind: PropertyKind | undefined): string | undefined {
  const { property: p, operator: op, value, highValue } = filter;
  if (kind === undefined) return `Filter on unknown property "${p}"`;
  if (!operatorFits(kind, op)) {
    return `Operator "${op}" does not apply to property "${p}" of type ${kind}; use one of: ${operatorsFor(kind).join(', ')}`;
  }
  if (kind === 'number' && ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'].includes(op)) {
    const lo = parseNumber(value);
    if (lo === undefined) return `Filter on "${p}" with "${op}" needs a number, got "${value ?? ''}"`;
    if (op === 'between') {
      const hi = parseNumber(highValue);
      if (hi === undefined) return `Filter on "${p}" with "between" needs a number as high value, got "${highValue ?? ''}"`;
      if (hi < lo) return `Filter on "${p}" with "between" has a high value below its low value`;
    }
  }
  if ((kind === 'date' || kind === 'datetime') && ['on', 'before', 'after', 'between'].includes(op)) {
    if (!isFilterDay(value)) return `Filter on "${p}" with "${op}" needs a date YYYY-MM-DD, got "${value ?? ''}"`;
    if (op === 'between' && !isFilterDay(highValue)) {
      return `Filter on "${p}" with "between" needs a date YYYY-MM-DD as high value, got "${highValue ?? ''}"`;
    }
  }
  if (op === 'in_period' && !(RELATIVE_PERIODS as readonly string[]).includes(value ?? '')) {
    return `Filter on "${p}" with "in_period" needs one of ${RELATIVE_PERIODS.join(', ')}, got "${value ?? ''}"`;
  }
  return undefined;
}

/**
 * Why a filter cannot run yet (not a complete filter, or not for a property of this kind), or
 * undefined when it can: screens skip such filters while the user is still writing them.
 */
export function filterProblem(filter: Filter, kind: PropertyKind | undefined): string | undefined {
  const parsed = FilterSchema.safeParse(filter);
  return parsed.success ? checkFilter(filter, kind) : parsed.error.issues.map((i) => i.message).join('; ');
}

/** Whether a filter can run against a property of this kind (see `filterProblem`). */
export const isRunnableFilter = (filter: Filter, kind: PropertyKind | undefined): boolean => filterProblem(filter, kind) === undefined;

/**
 * Validates untrusted view data (a saved row, an Everyone view from the CRM, a form) against
 * the schema and the property definitions. Errors are values; `compileView` throws them.
 */
export function checkView(input: unknown, types: TypeInfo): { ok: true; view: View } | { ok: false; issues: ViewIssue[] } {
  const parsed = ViewSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const view = parsed.data;
  const issues: ViewIssue[] = [];
  view.filterGroups.forEach((g, gi) =>
    g.filters.forEach((f, fi) => {
      const message = checkFilter(f, filterKind(f, types.propertyTypes));
      if (message) issues.push({ path: `filterGroups.${gi}.filters.${fi}`, message });
    }),
  );
  const quick = quickPropertiesOf(types);
  for (const key of ['createDate', 'lastActivity'] as const) {
    const kind = types.propertyTypes[quick[key]] ?? 'datetime';
    if (view.quick?.[key] && kind !== 'date' && kind !== 'datetime') {
      issues.push({ path: `quick.${key}`, message: `Quick filter ${key} needs a date property, but "${quick[key]}" is ${kind}` });
    }
  }
  if (view.sort && types.propertyTypes[view.sort.property] === undefined) {
    issues.push({ path: 'sort.property', message: `Sort by unknown property "${view.sort.property}"` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, view };
}
