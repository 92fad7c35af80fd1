import { describe, expect, it } from 'vitest';
import { evaluateView } from '../../../shared/views';
import type { Filter, RelativePeriod } from '../../../shared/views';
import { ctx, rec, view } from './fixtures';

const inView = (filter: Filter, value: string, now: string, timeZone: string): boolean =>
  evaluateView(view([[filter]]), [rec('x', { [filter.property]: value })], ctx({ now: Date.parse(now), timeZone })).length === 1;

/** Asserts [from, to) is exactly the set of instants the period holds: both edges, to the millisecond. */
function expectSpan(period: RelativePeriod, from: string, to: string, now: string, timeZone: string): void {
  const f: Filter = { property: 'last_contacted', operator: 'in_period', value: period };
  const at = (ms: number): boolean => inView(f, String(ms), now, timeZone);
  const [a, b] = [Date.parse(from), Date.parse(to)];
  expect([at(a - 1), at(a), at(b - 1), at(b)], `${period} in ${timeZone} at ${now}`).toEqual([false, true, true, false]);
}

describe('relative periods on a fixed clock (now 2026-11-27T08:00Z = Friday 09:00 in Warsaw)', () => {
  const now = '2026-11-27T08:00:00Z';
  it.each<[RelativePeriod, string, string]>([
    ['today', '2026-11-26T23:00Z', '2026-11-27T23:00Z'],
    ['yesterday', '2026-11-25T23:00Z', '2026-11-26T23:00Z'],
    ['tomorrow', '2026-11-27T23:00Z', '2026-11-28T23:00Z'],
    ['last_7_days', '2026-11-20T23:00Z', '2026-11-27T23:00Z'],
    // 29 October is after the autumn change: CET.
    ['last_30_days', '2026-10-28T23:00Z', '2026-11-27T23:00Z'],
    // 30 August is summer time (CEST, UTC+2).
    ['last_90_days', '2026-08-29T22:00Z', '2026-11-27T23:00Z'],
    ['next_7_days', '2026-11-26T23:00Z', '2026-12-03T23:00Z'],
    ['next_30_days', '2026-11-26T23:00Z', '2026-12-26T23:00Z'],
    ['next_90_days', '2026-11-26T23:00Z', '2027-02-24T23:00Z'],
    ['this_week', '2026-11-22T23:00Z', '2026-11-29T23:00Z'],
    ['this_month', '2026-10-31T23:00Z', '2026-11-30T23:00Z'],
    ['this_quarter', '2026-09-30T22:00Z', '2026-12-31T23:00Z'],
    ['last_quarter', '2026-06-30T22:00Z', '2026-09-30T22:00Z'],
  ])('%s in Europe/Warsaw is [%s, %s)', (period, from, to) => expectSpan(period, from, to, now, 'Europe/Warsaw'));

  it('starts the week on the configured day', () => {
    const f: Filter = { property: 'last_contacted', operator: 'in_period', value: 'this_week' };
    const c = ctx({ weekStartsOn: 0 });
    const sat = rec('sat', { last_contacted: '2026-11-28T12:00:00Z' });
    const sun = rec('sun', { last_contacted: '2026-11-22T12:00:00Z' });
    expect(evaluateView(view([[f]]), [sat, sun], c).map((r) => r.id)).toEqual(['sat', 'sun']);
    expect(evaluateView(view([[f]]), [sat, sun], ctx()).map((r) => r.id)).toEqual(['sat']);
  });

  it('puts the same instant on another day in America/New_York', () => {
    // 2026-11-27T03:00Z is 22:00 on the 26th in New York (EST, UTC−5).
    expectSpan('today', '2026-11-26T05:00Z', '2026-11-27T05:00Z', '2026-11-27T03:00:00Z', 'America/New_York');
    expectSpan('today', '2026-11-26T23:00Z', '2026-11-27T23:00Z', '2026-11-27T03:00:00Z', 'Europe/Warsaw');
  });

  it('takes a date property as its calendar day, compared with the zone’s today', () => {
    const today: Filter = { property: 'renewal', operator: 'in_period', value: 'today' };
    const now = '2026-11-27T03:00:00Z';
    expect(inView(today, '2026-11-27', now, 'Europe/Warsaw')).toBe(true);
    expect(inView(today, '2026-11-27', now, 'America/New_York')).toBe(false);
    expect(inView(today, '2026-11-26', now, 'America/New_York')).toBe(true);
    expect(inView(today, String(Date.parse('2026-11-26')), now, 'America/New_York')).toBe(true);
  });
});

describe('DST edges', () => {
  it('has a 23-hour day on 2026-03-29 in Europe/Warsaw', () => {
    const now = '2026-03-29T10:00:00Z';
    expectSpan('today', '2026-03-28T23:00Z', '2026-03-29T22:00Z', now, 'Europe/Warsaw');
    expectSpan('yesterday', '2026-03-27T23:00Z', '2026-03-28T23:00Z', now, 'Europe/Warsaw');
    expectSpan('tomorrow', '2026-03-29T22:00Z', '2026-03-30T22:00Z', now, 'Europe/Warsaw');
    expectSpan('last_7_days', '2026-03-22T23:00Z', '2026-03-29T22:00Z', now, 'Europe/Warsaw');
  });

  it('has a 25-hour day on 2026-10-25 in Europe/Warsaw', () => {
    const now = '2026-10-25T01:30:00Z'; // the second 02:30 local
    expectSpan('today', '2026-10-24T22:00Z', '2026-10-25T23:00Z', now, 'Europe/Warsaw');
    expectSpan('tomorrow', '2026-10-25T23:00Z', '2026-10-26T23:00Z', now, 'Europe/Warsaw');
    expectSpan('this_week', '2026-10-18T22:00Z', '2026-10-25T23:00Z', now, 'Europe/Warsaw');
    expectSpan('this_month', '2026-09-30T22:00Z', '2026-10-31T23:00Z', now, 'Europe/Warsaw');
  });

  it('follows America/New_York through 2026-03-08 and 2026-11-01', () => {
    expectSpan('today', '2026-03-08T05:00Z', '2026-03-09T04:00Z', '2026-03-08T12:00:00Z', 'America/New_York');
    expectSpan('today', '2026-11-01T04:00Z', '2026-11-02T05:00Z', '2026-11-01T12:00:00Z', 'America/New_York');
    expectSpan('last_quarter', '2026-07-01T04:00Z', '2026-10-01T04:00Z', '2026-11-01T12:00:00Z', 'America/New_York');
  });

  it('uses the day’s real boundaries for on/before/after across a DST change', () => {
    const on: Filter = { property: 'last_contacted', operator: 'on', value: '2026-03-29' };
    const now = '2026-11-27T08:00:00Z';
    expect(inView(on, '2026-03-29T21:59:59.999Z', now, 'Europe/Warsaw')).toBe(true);
    expect(inView(on, '2026-03-29T22:00:00Z', now, 'Europe/Warsaw')).toBe(false);
    expect(inView({ ...on, operator: 'after' }, '2026-03-29T22:00:00Z', now, 'Europe/Warsaw')).toBe(true);
    expect(inView({ ...on, operator: 'before' }, '2026-03-28T22:59:59.999Z', now, 'Europe/Warsaw')).toBe(true);
    expect(inView({ ...on, operator: 'before' }, '2026-03-28T23:00:00Z', now, 'Europe/Warsaw')).toBe(false);
  });
});
