import { z } from 'zod';
import { createZone, propertyKindOf, type PropertyKind } from '../views';

/**
 * Single-object reports on Summary (docs/product.md §2): group one object's records by a
 * property and count them or sum a number property. A report is data, saved per user;
 * computing it is this pure function over the local store's rows.
 */

export const MAX_REPORTS = 5;
export const REPORT_OBJECTS = ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'meetings'] as const;
export const CHART_TYPES = ['bar', 'line', 'pie', 'donut'] as const;

export const ReportSchema = z.object({
  id: z.string().min(1),
  objectType: z.enum(REPORT_OBJECTS),
  groupBy: z.string().min(1),
  measure: z.discriminatedUnion('kind', [z.object({ kind: z.literal('count') }), z.object({ kind: z.literal('sum'), property: z.string().min(1) })]),
  /** Optional: keep only records whose `property` equals `value` (an option value or exact text). */
  filter: z.object({ property: z.string().min(1), value: z.string() }).nullable(),
  chart: z.enum(CHART_TYPES),
});
export type Report = z.infer<typeof ReportSchema>;
export type ReportObject = Report['objectType'];
export type ChartType = Report['chart'];

/** The parts of a HubSpot property definition a report reads. */
export interface ReportProperty {
  name: string;
  label?: string;
  type?: string;
  referencedObjectType?: string | null;
  options?: Array<{ label: string; value: string }>;
}

export interface ReportRow {
  properties: Record<string, string | null | undefined>;
}

export interface ReportContext {
  properties: readonly ReportProperty[];
  timeZone: string;
  /** Display name of a value the definition's options cannot name (owners, pipeline stages). */
  labelOf?: (property: string, value: string) => string | undefined;
}

export interface ReportResult {
  /** One entry per group, in display order; `key` '' is "no value". */
  groups: Array<{ key: string; label: string; value: number }>;
  total: number;
}

export const NO_VALUE = '';

const isBlank = (v: string | null | undefined): v is null | undefined | '' => v === null || v === undefined || v === '';

/** Properties a report may group by: choices, owners, dates (by month), bools and text. */
export function groupableProperties(props: readonly ReportProperty[]): ReportProperty[] {
  return props.filter((p) => p.type !== 'number' && p.name !== 'hs_object_id');
}

/**
 * Health status as a group-by: a virtual property of the account object, filled from the
 * locally computed health scores (shared/health) before `computeReport` runs. Values are the
 * statuses; an account no score applies to has no value.
 */
export const HEALTH_STATUS_PROPERTY = 'cs_health_status';
export const HEALTH_STATUSES = ['healthy', 'neutral', 'atRisk'] as const;

export function healthStatusProperty(labels: { property: string; healthy: string; neutral: string; atRisk: string }): ReportProperty {
  return {
    name: HEALTH_STATUS_PROPERTY,
    label: labels.property,
    type: 'enumeration',
    referencedObjectType: null,
    options: HEALTH_STATUSES.map((value) => ({ value, label: labels[value] })),
  };
}

/** Rows with the virtual health-status property set from `statusOf` (the rows are not changed). */
export function withHealthStatus<R extends ReportRow & { id: string }>(rows: readonly R[], statusOf: (id: string) => string | null | undefined): ReportRow[] {
  return rows.map((r) => ({ properties: { ...r.properties, [HEALTH_STATUS_PROPERTY]: statusOf(r.id) ?? null } }));
}

/** Properties a report may sum. */
export function numericProperties(props: readonly ReportProperty[]): ReportProperty[] {
  return props.filter((p) => p.type === 'number' && p.name !== 'hs_object_id');
}

function kindOf(def: ReportProperty | undefined): PropertyKind {
  return def ? propertyKindOf(def) : 'string';
}

/** A date groups by its calendar month (dates are midnight UTC); a datetime by the month in the user's zone. */
function groupKey(kind: PropertyKind, value: string, monthOf: (ms: number) => string): string {
  if (kind === 'date') return /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : NO_VALUE;
  if (kind === 'datetime') {
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    return Number.isFinite(ms) ? monthOf(ms) : NO_VALUE;
  }
  if (kind === 'string' || kind === 'phone_number') return value.trim();
  return value;
}

export function computeReport(report: Report, rows: readonly ReportRow[], ctx: ReportContext): ReportResult {
  const defs = new Map(ctx.properties.map((p) => [p.name, p]));
  const groupDef = defs.get(report.groupBy);
  const kind = kindOf(groupDef);
  const zone = createZone(ctx.timeZone);
  const monthOf = (ms: number) => {
    const d = new Date(zone.dayOf(ms) * 86_400_000);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const filter = report.filter;
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (filter && (row.properties[filter.property] ?? '') !== filter.value) continue;
    const raw = row.properties[report.groupBy];
    const key = isBlank(raw) ? NO_VALUE : groupKey(kind, raw, monthOf);
    let add = 1;
    if (report.measure.kind === 'sum') {
      const n = Number(row.properties[report.measure.property]);
      add = isBlank(row.properties[report.measure.property]) || !Number.isFinite(n) ? 0 : n;
    }
    sums.set(key, (sums.get(key) ?? 0) + add);
  }
  const options = new Map((groupDef?.options ?? []).map((o) => [o.value, o.label]));
  const label = (key: string) => (key === NO_VALUE ? key : (options.get(key) ?? ctx.labelOf?.(report.groupBy, key) ?? key));
  const groups = [...sums].map(([key, value]) => ({ key, label: label(key), value }));
  const chronological = kind === 'date' || kind === 'datetime';
  // Months read left to right; other groups biggest first; "no value" always last.
  groups.sort((a, b) => {
    if (a.key === NO_VALUE || b.key === NO_VALUE) return a.key === NO_VALUE ? 1 : b.key === NO_VALUE ? -1 : 0;
    if (chronological) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return b.value - a.value || a.label.localeCompare(b.label);
  });
  return { groups, total: groups.reduce((s, g) => s + g.value, 0) };
}

/** Parses saved reports, dropping any that no longer fit the schema (never more than the limit). */
export function parseSavedReports(value: unknown): Report[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((r) => {
      const parsed = ReportSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    })
    .slice(0, MAX_REPORTS);
}

/** Moves the report at `index` by `delta` places; out-of-range moves leave the order alone. */
export function moveReport(reports: readonly Report[], index: number, delta: -1 | 1): Report[] {
  const to = index + delta;
  if (index < 0 || index >= reports.length || to < 0 || to >= reports.length) return [...reports];
  const next = [...reports];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

export type AddReportResult = { ok: true; reports: Report[] } | { ok: false; reason: 'limit' };

/** Appends a report unless the user already has the maximum. */
export function addReport(reports: readonly Report[], report: Report): AddReportResult {
  if (reports.length >= MAX_REPORTS) return { ok: false, reason: 'limit' };
  return { ok: true, reports: [...reports, report] };
}
