import { DateTime } from 'luxon';
import type { Filter, PropertyKind, View, ViewContext, ViewRecord } from '../../../shared/views';

/**
 * A deliberately plain reimplementation of the view semantics for the property-based test:
 * no precompiling, no index keys, luxon for the calendar, and every value re-parsed on every
 * use. It shares nothing with shared/views but the types.
 */

type Raw = string | null | undefined;

function num(raw: Raw): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (s === '' || !/^[-+.\deE]+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function instant(raw: Raw): number | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const s = raw.trim();
  if (/^-?\d+$/.test(s)) return Number(s);
  const dt = DateTime.fromISO(s, { zone: 'utc' });
  return dt.isValid ? dt.toMillis() : undefined;
}

function options(raw: Raw): string[] {
  return (raw ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function bool(raw: Raw): boolean | undefined {
  const s = (raw ?? '').trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

function known(kind: PropertyKind, raw: Raw): boolean {
  switch (kind) {
    case 'string':
    case 'phone_number':
      return typeof raw === 'string' && raw !== '';
    case 'number':
      return num(raw) !== undefined;
    case 'date':
    case 'datetime':
      return instant(raw) !== undefined;
    case 'bool':
      return bool(raw) !== undefined;
    default:
      return options(raw).length > 0;
  }
}

/** [start, end) of a period as luxon local midnights. */
function period(name: string, today: DateTime): [DateTime, DateTime] {
  const d = (n: number): DateTime => today.plus({ days: n });
  const spans: Record<string, [DateTime, DateTime]> = {
    today: [d(0), d(1)],
    yesterday: [d(-1), d(0)],
    tomorrow: [d(1), d(2)],
    last_7_days: [d(-6), d(1)],
    last_30_days: [d(-29), d(1)],
    last_90_days: [d(-89), d(1)],
    next_7_days: [d(0), d(7)],
    next_30_days: [d(0), d(30)],
    next_90_days: [d(0), d(90)],
    this_week: [today.startOf('week'), today.startOf('week').plus({ weeks: 1 })],
    this_month: [today.startOf('month'), today.startOf('month').plus({ months: 1 })],
    this_quarter: [today.startOf('quarter'), today.startOf('quarter').plus({ quarters: 1 })],
    last_quarter: [today.startOf('quarter').minus({ quarters: 1 }), today.startOf('quarter')],
  };
  const span = spans[name];
  if (!span) throw new Error(`unknown period ${name}`);
  return span;
}

function dateTest(f: Filter, kind: PropertyKind, ms: number, ctx: ViewContext): boolean {
  const zone = ctx.timeZone;
  const today = DateTime.fromMillis(ctx.now, { zone }).startOf('day');
  const day = (s: string | undefined): DateTime => DateTime.fromISO(s ?? '', { zone }).startOf('day');
  // A date property is a calendar day (its UTC date); a datetime an instant.
  const recDay = DateTime.fromMillis(ms, { zone: 'utc' }).toISODate() ?? '';
  const inSpan = (from: DateTime | undefined, to: DateTime | undefined): boolean => {
    if (kind === 'date') {
      return (!from || recDay >= (from.toISODate() ?? '')) && (!to || recDay < (to.toISODate() ?? ''));
    }
    return (!from || ms >= from.toMillis()) && (!to || ms < to.toMillis());
  };
  switch (f.operator) {
    case 'on':
      return inSpan(day(f.value), day(f.value).plus({ days: 1 }));
    case 'before':
      return inSpan(undefined, day(f.value));
    case 'after':
      return inSpan(day(f.value).plus({ days: 1 }), undefined);
    case 'between':
      return inSpan(day(f.value), day(f.highValue).plus({ days: 1 }));
    case 'in_period':
      return inSpan(...period(f.value ?? '', today));
    case 'before_now':
      return kind === 'date' ? recDay < (today.toISODate() ?? '') : ms < ctx.now;
    case 'after_now':
      return kind === 'date' ? recDay >= (today.toISODate() ?? '') : ms >= ctx.now;
    default:
      throw new Error(`not a date operator ${f.operator}`);
  }
}

export function refMatches(f: Filter, r: ViewRecord, ctx: ViewContext): boolean {
  const kind: PropertyKind = f.target === 'setAt' ? 'datetime' : (ctx.propertyTypes[f.property] ?? 'datetime');
  const raw: Raw =
    f.target === 'setAt'
      ? (() => {
          const t = ctx.propertySetAt?.(r, f.property);
          return t === undefined ? undefined : String(t);
        })()
      : r.properties[f.property];
  const lower = (raw ?? '').toLowerCase();
  switch (f.operator) {
    case 'is_known':
      return known(kind, raw);
    case 'is_unknown':
      return !known(kind, raw);
    case 'is_not':
      return !refMatches({ ...f, operator: 'is' }, r, ctx);
    case 'neq':
      return !refMatches({ ...f, operator: 'eq' }, r, ctx);
    case 'is_none_of':
      return !refMatches({ ...f, operator: 'is_any_of' }, r, ctx);
    case 'not_contains':
      return !refMatches({ ...f, operator: 'contains' }, r, ctx);
    case 'is':
      return known(kind, raw) && lower === (f.value ?? '').toLowerCase();
    case 'contains':
      return known(kind, raw) && lower.includes((f.value ?? '').toLowerCase());
    case 'is_any_of': {
      if (kind === 'string' || kind === 'phone_number') return known(kind, raw) && (f.values ?? []).some((v) => v.toLowerCase() === lower);
      const wanted = (f.values ?? []).map((v) => (kind === 'owner' && v === '@me' ? ctx.currentUserOwnerId : v));
      return options(raw).some((o) => wanted.includes(o));
    }
    case 'is_true':
      return bool(raw) === true;
    case 'is_false':
      return bool(raw) === false;
  }
  if (kind === 'number') {
    const n = num(raw);
    if (n === undefined) return false;
    const v = Number(f.value);
    switch (f.operator) {
      case 'eq':
        return n === v;
      case 'gt':
        return n > v;
      case 'gte':
        return n >= v;
      case 'lt':
        return n < v;
      case 'lte':
        return n <= v;
      case 'between':
        return n >= v && n <= Number(f.highValue);
    }
  }
  const ms = instant(raw);
  return ms !== undefined && dateTest(f, kind, ms, ctx);
}

export function refEvaluate(view: View, records: readonly ViewRecord[], ctx: ViewContext): ViewRecord[] {
  const quickProps = { createDate: 'createdate', lastActivity: 'notes_last_updated', ...ctx.quickProperties };
  const quick: Filter[] = [];
  for (const key of ['createDate', 'lastActivity'] as const) {
    const range = view.quick?.[key];
    if (!range) continue;
    quick.push(
      range.period === 'custom'
        ? { property: quickProps[key], operator: 'between', value: range.from, highValue: range.to }
        : { property: quickProps[key], operator: 'in_period', value: range.period },
    );
  }
  const out = records.filter(
    (r) =>
      quick.every((f) => refMatches(f, r, ctx)) &&
      (view.filterGroups.length === 0 || view.filterGroups.some((g) => g.filters.every((f) => refMatches(f, r, ctx)))),
  );
  const sort = view.sort;
  const byId = (a: ViewRecord, b: ViewRecord): number => (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);
  if (!sort) return out.sort(byId);
  const kind = ctx.propertyTypes[sort.property] ?? 'string';
  const key = (r: ViewRecord): number | string | undefined => {
    const raw = r.properties[sort.property];
    if (kind === 'number') return num(raw);
    if (kind === 'date' || kind === 'datetime') return instant(raw);
    if (kind === 'bool') {
      const b = bool(raw);
      return b === undefined ? undefined : Number(b);
    }
    return raw ? raw : undefined;
  };
  return out.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === undefined && y === undefined) return byId(a, b);
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { sensitivity: 'base', numeric: true });
    if (c === 0) return byId(a, b);
    return sort.direction === 'asc' ? c : -c;
  });
}
