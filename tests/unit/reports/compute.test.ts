import { describe, expect, it } from 'vitest';
import {
  addReport,
  computeReport,
  HEALTH_STATUS_PROPERTY,
  healthStatusProperty,
  withHealthStatus,
  MAX_REPORTS,
  moveReport,
  parseSavedReports,
  type Report,
  type ReportProperty,
} from '../../../shared/domain/reports';

const PROPS: ReportProperty[] = [
  {
    name: 'plan',
    type: 'enumeration',
    options: [
      { label: 'Starter plan', value: 'Starter' },
      { label: 'Enterprise plan', value: 'Enterprise' },
    ],
  },
  { name: 'arr', type: 'number' },
  { name: 'renewal_date', type: 'date' },
  { name: 'hs_timestamp', type: 'datetime' },
  { name: 'csm_owner', type: 'enumeration', referencedObjectType: 'OWNER' },
];
const ctx = { properties: PROPS, timeZone: 'Europe/Warsaw', labelOf: (p: string, v: string) => (p === 'csm_owner' && v === '7' ? 'Alex Morgan' : undefined) };
const rows = [
  { properties: { plan: 'Starter', arr: '100', renewal_date: '2026-12-01', hs_timestamp: '2026-11-30T23:30:00Z', csm_owner: '7' } },
  { properties: { plan: 'Enterprise', arr: '900', renewal_date: '2026-11-15', hs_timestamp: '2026-11-10T10:00:00Z', csm_owner: '7' } },
  { properties: { plan: 'Starter', arr: 'x', renewal_date: '', hs_timestamp: null, csm_owner: '8' } },
  { properties: { plan: '', arr: '50' } },
];
const report = (r: Partial<Report>): Report => ({
  id: 'r',
  objectType: 'companies',
  groupBy: 'plan',
  measure: { kind: 'count' },
  filter: null,
  chart: 'bar',
  ...r,
});

describe('computeReport', () => {
  it('counts by option, biggest first, labelled by the definition, "no value" last', () => {
    expect(computeReport(report({}), rows, ctx).groups).toEqual([
      { key: 'Starter', label: 'Starter plan', value: 2 },
      { key: 'Enterprise', label: 'Enterprise plan', value: 1 },
      { key: '', label: '', value: 1 },
    ]);
  });
  it('sums a number property, treating unparseable values as nothing', () => {
    const r = computeReport(report({ measure: { kind: 'sum', property: 'arr' } }), rows, ctx);
    expect(r.groups.map((g) => [g.key, g.value])).toEqual([
      ['Enterprise', 900],
      ['Starter', 100],
      ['', 50],
    ]);
    expect(r.total).toBe(1050);
  });
  it('groups dates by calendar month and datetimes by the month in the user’s zone, in order', () => {
    expect(computeReport(report({ groupBy: 'renewal_date' }), rows, ctx).groups.map((g) => g.key)).toEqual(['2026-11', '2026-12', '']);
    // 23:30 UTC on 30 Nov is already December in Warsaw.
    expect(computeReport(report({ groupBy: 'hs_timestamp' }), rows, ctx).groups.map((g) => [g.key, g.value])).toEqual([
      ['2026-11', 1],
      ['2026-12', 1],
      ['', 2],
    ]);
  });
  it('names owners through the context and applies the filter', () => {
    const r = computeReport(report({ groupBy: 'csm_owner', filter: { property: 'plan', value: 'Starter' } }), rows, ctx);
    // Ties go by label.
    expect(r.groups).toEqual([
      { key: '8', label: '8', value: 1 },
      { key: '7', label: 'Alex Morgan', value: 1 },
    ]);
  });
});

describe('the report list', () => {
  it('refuses a sixth report', () => {
    let list: Report[] = [];
    for (let i = 0; i < MAX_REPORTS; i++) {
      const res = addReport(list, report({ id: `r${i}` }));
      expect(res.ok).toBe(true);
      if (res.ok) list = res.reports;
    }
    expect(addReport(list, report({ id: 'r6' }))).toEqual({ ok: false, reason: 'limit' });
  });
  it('moves reports up and down within bounds', () => {
    const list = ['a', 'b', 'c'].map((id) => report({ id }));
    expect(moveReport(list, 2, -1).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(moveReport(list, 0, -1).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(moveReport(list, 2, 1).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('drops saved reports that no longer parse', () => {
    expect(parseSavedReports([report({ id: 'ok' }), { id: 'bad' }, 'x'])).toEqual([report({ id: 'ok' })]);
    expect(parseSavedReports(null)).toEqual([]);
  });
});

describe('health status as a group-by', () => {
  it('groups accounts by their computed status, labelled in the user’s language; unscored accounts have no value', () => {
    const accounts = [
      { id: 'a', properties: { plan: 'Starter' } },
      { id: 'b', properties: { plan: 'Enterprise' } },
      { id: 'c', properties: { plan: 'Starter' } },
      { id: 'd', properties: { plan: 'Starter' } },
    ];
    const status: Record<string, string> = { a: 'atRisk', b: 'healthy', c: 'atRisk' };
    const prop = healthStatusProperty({ property: 'Status kondycji', healthy: 'W dobrej kondycji', neutral: 'Neutralny', atRisk: 'Zagrożony' });
    const rowsWithHealth = withHealthStatus(accounts, (id) => status[id]);
    const r = computeReport(report({ groupBy: HEALTH_STATUS_PROPERTY }), rowsWithHealth, { ...ctx, properties: [...PROPS, prop] });
    expect(r.groups).toEqual([
      { key: 'atRisk', label: 'Zagrożony', value: 2 },
      { key: 'healthy', label: 'W dobrej kondycji', value: 1 },
      { key: '', label: '', value: 1 },
    ]);
    // The source rows are not changed.
    expect(accounts[0]!.properties).toEqual({ plan: 'Starter' });
    // Filtering on the status works like any option property.
    expect(
      computeReport(report({ filter: { property: HEALTH_STATUS_PROPERTY, value: 'atRisk' } }), rowsWithHealth, { ...ctx, properties: [...PROPS, prop] }).total,
    ).toBe(2);
  });
});
