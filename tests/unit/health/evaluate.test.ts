import { describe, expect, it } from 'vitest';
import { compileScore, compileScores, setupTemplate, statusOf, windowStart } from '../../../shared/health';
import type { AccountData, Criterion } from '../../../shared/health';
import type { View, ViewRecord } from '../../../shared/views';
import { CTX, DAY, NOW, iso, oneGroup, rec } from './fixtures';

const data = (account: ViewRecord, related: Record<string, ViewRecord[]> = {}): AccountData => ({ account, related: (t) => related[t] ?? [] });

describe('health evaluation on a fixed clock (Fri 2026-11-27 09:00 Europe/Warsaw)', () => {
  it('explains the template per group and criterion', () => {
    const s = compileScore(setupTemplate('t', 'Default'), CTX);
    const r = s.evaluate(
      data(rec('1', { csm_sentiment: 'Good', nps_score: '9' }), {
        meetings: [rec('m1', { hs_meeting_start_time: iso(NOW - 2 * DAY) }), rec('m2', { hs_meeting_start_time: iso(NOW - 20 * DAY) })],
        tickets: [rec('t1', { hs_pipeline_stage: 'open1', hs_ticket_priority: 'URGENT', createdate: iso(NOW - DAY) })],
        tasks: [rec('k1', { hs_task_status: 'NOT_STARTED', hs_timestamp: iso(NOW - DAY) })],
      }),
    );
    const g = Object.fromEntries(r.groups.map((x) => [x.id, x]));
    expect(g.engagement).toMatchObject({ raw: 20, points: 20 });
    expect(g.engagement?.criteria.map((c) => [c.id, c.met, c.points])).toEqual([
      ['meetings-30', true, 15],
      ['meetings-90', true, 10],
      ['overdue-task', true, -5],
    ]);
    expect(g.calls).toMatchObject({ raw: 5, points: 5 }); // the meeting 2 days ago is an engagement within 14 days
    expect(g.tickets).toMatchObject({ raw: 0, points: 0 });
    expect(g.sentiment?.points).toBe(20);
    expect(g.nps?.points).toBe(20);
    expect(r).toMatchObject({ score: 65, status: 'neutral', scoreId: 't' });
  });

  it('clamps each group to [0, max]', () => {
    const c = (id: string, points: number, property: string): Criterion => ({
      id,
      kind: 'property',
      objectType: 'companies',
      filter: { property, operator: 'is_known' },
      points,
    });
    const s = compileScore(oneGroup([c('a', 80, 'name'), c('b', 60, 'plan'), c('n', -100, 'nps_score')]), CTX);
    expect(s.evaluate(data(rec('1', { name: 'x', plan: 'Starter' }))).groups[0]).toMatchObject({ raw: 140, points: 100 });
    expect(s.evaluate(data(rec('1', { name: 'x', nps_score: '3' }))).groups[0]).toMatchObject({ raw: -20, points: 0 });
  });

  it('maps scores to statuses at the thresholds', () => {
    const t = { healthy: 70, atRisk: 40 };
    expect([0, 39, 40, 69, 70, 100].map((n) => statusOf(n, t))).toEqual(['atRisk', 'atRisk', 'neutral', 'neutral', 'healthy', 'healthy']);
  });

  it('"the last 30 days" starts at local midnight 29 days before today', () => {
    expect(windowStart(30, CTX)).toBe(Date.parse('2026-10-28T23:00:00Z'));
    // Across the end of summer time (2026-10-25): 40 days back starts at 00:00 CEST.
    expect(windowStart(40, CTX)).toBe(Date.parse('2026-10-18T22:00:00Z'));
    const s = compileScore(oneGroup([{ id: 'm', kind: 'count', objectType: 'meetings', comparator: 'gte', count: 1, windowDays: 30, points: 100 }]), CTX);
    const at = (t: string) => s.evaluate(data(rec('1', {}), { meetings: [rec('m', { hs_meeting_start_time: t })] })).score;
    expect(at('2026-10-28T23:00:00Z')).toBe(100);
    expect(at('2026-10-28T22:59:59Z')).toBe(0);
    expect(at(iso(NOW))).toBe(100);
    expect(at(iso(NOW + 1))).toBe(0); // a future meeting has not happened yet
  });

  it('counts open high-priority tickets by the stage state, and overdue tasks by due date and status', () => {
    // The setup template's "no open HIGH or URGENT ticket", worth 50 here.
    const noUrgentTicket = setupTemplate('t', 'T')
      .groups.flatMap((g) => g.criteria)
      .find((c) => c.id === 'no-urgent-ticket');
    if (!noUrgentTicket) throw new Error('the template has no no-urgent-ticket criterion');
    const s = compileScore(
      oneGroup([
        { ...noUrgentTicket, points: 50 },
        { id: 'overdue', kind: 'count', objectType: 'tasks', state: 'overdue', comparator: 'gte', count: 1, points: -20 },
        { id: 'base', kind: 'property', objectType: 'companies', filter: { property: 'name', operator: 'is_known' }, points: 50 },
      ]),
      CTX,
    );
    const acct = rec('1', { name: 'A' });
    expect(s.evaluate(data(acct, { tickets: [rec('t', { hs_pipeline_stage: 'closed1', hs_ticket_priority: 'HIGH' })] })).score).toBe(100);
    expect(s.evaluate(data(acct, { tickets: [rec('t', { hs_pipeline_stage: 'open2', hs_ticket_priority: 'HIGH' })] })).score).toBe(50);
    expect(s.evaluate(data(acct, { tickets: [rec('t', { hs_pipeline_stage: 'open2', hs_ticket_priority: 'LOW' })] })).score).toBe(100);
    expect(s.evaluate(data(acct, { tasks: [rec('k', { hs_task_status: 'COMPLETED', hs_timestamp: iso(NOW - DAY) })] })).score).toBe(100);
    expect(s.evaluate(data(acct, { tasks: [rec('k', { hs_task_status: 'WAITING', hs_timestamp: iso(NOW + DAY) })] })).score).toBe(100);
    expect(s.evaluate(data(acct, { tasks: [rec('k', { hs_task_status: 'WAITING', hs_timestamp: iso(NOW - 1) })] })).score).toBe(80);
  });

  it('property criteria on associated records hold when any of them matches', () => {
    const s = compileScore(
      oneGroup([{ id: 'd', kind: 'property', objectType: 'deals', filter: { property: 'amount', operator: 'gte', value: '1000' }, points: 100 }]),
      CTX,
    );
    expect(s.evaluate(data(rec('1', {}), { deals: [rec('a', { amount: '10' }), rec('b', { amount: '5000' })] })).score).toBe(100);
    expect(s.evaluate(data(rec('1', {}), { deals: [rec('a', { amount: '10' })] })).score).toBe(0);
  });

  it('gives each account the first score whose segments hold it', () => {
    const enterprise: View = {
      id: 'ent',
      name: 'Enterprise',
      objectType: 'companies',
      columns: [],
      sharing: 'everyone',
      ownerUserId: 'u',
      filterGroups: [{ filters: [{ property: 'plan', operator: 'is_any_of', values: ['Enterprise'] }] }],
    };
    const a = {
      ...oneGroup([{ id: 'x', kind: 'property', objectType: 'companies', filter: { property: 'plan', operator: 'is_known' }, points: 100 }]),
      id: 'a',
      segments: ['ent'],
    };
    const b = { ...a, id: 'b', segments: [] };
    const ev = compileScores([a, b], [enterprise], CTX);
    expect(ev.evaluate(data(rec('1', { plan: 'Enterprise' })))?.scoreId).toBe('a');
    expect(ev.evaluate(data(rec('2', { plan: 'Starter' })))?.scoreId).toBe('b');
    expect(compileScores([a], [enterprise], CTX).evaluate(data(rec('2', { plan: 'Starter' })))).toBeNull();
    expect([...ev.relatedTypes]).toEqual([]);
  });
});
