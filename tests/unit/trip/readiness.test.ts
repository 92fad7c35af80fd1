import { describe, expect, it } from 'vitest';
import { classifyError, readinessLevel, summarizeReadiness, type ReadinessInput } from '../../../shared/trip';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);

const base: ReadinessInput = {
  at: NOW,
  days: 7,
  needs: {
    from: NOW - 9 * 3_600_000,
    to: NOW + 7 * 86_400_000,
    meetings: [{ id: 'm1', title: 'QBR', start: NOW + 3_600_000 }],
    contacts: ['c1', 'c2'],
    accounts: ['a1', 'a2', 'a3'],
    tasksDue: ['t1'],
    tasksOverdue: ['t2', 't3'],
    renewals: ['a1'],
    atRisk: ['a2', 'a3'],
  },
  local: { accounts: 40, contacts: 120, meetings: 30, tasks: 55, activities: 400 },
  tripActivities: 12,
  refreshed: true,
  lastSyncedAt: NOW - 1000,
  sizeBytes: 2_000_000,
  allPropertiesSaved: 3,
  problems: [],
  healthScored: true,
};

describe('summarizeReadiness', () => {
  it('gives each part the trip’s count and the local count, and names what stays online-only', () => {
    const r = summarizeReadiness(base);
    expect(r.parts).toEqual([
      { part: 'accounts', trip: 3, local: 40 },
      { part: 'contacts', trip: 2, local: 120 },
      { part: 'meetings', trip: 1, local: 30 },
      { part: 'tasks', trip: 3, local: 55 },
      { part: 'renewals', trip: 1, local: 1 },
      { part: 'atRisk', trip: 2, local: 2 },
      { part: 'activities', trip: 12, local: 400 },
    ]);
    expect(r.notOffline).toEqual(['propertyHistory']);
    expect(readinessLevel(r)).toBe('ready');
  });

  it('says each problem once, and is partial with problems, stale without a refresh', () => {
    const problem = { kind: 'rateLimited' as const, subject: 'allProperties' };
    const r = summarizeReadiness({ ...base, problems: [problem, problem, { kind: 'refused', subject: 'tickets', message: 'Missing scope' }] });
    expect(r.problems).toEqual([problem, { kind: 'refused', subject: 'tickets', message: 'Missing scope' }]);
    expect(readinessLevel(r)).toBe('partial');
    expect(readinessLevel({ refreshed: false, problems: [] })).toBe('stale');
  });
});

describe('classifyError', () => {
  it('tells a rate limit, a refusal and no connection apart', () => {
    expect(classifyError('HTTP 429 Too Many Requests')).toBe('rateLimited');
    expect(classifyError('403: This app is missing the scope crm.objects.tickets.read')).toBe('refused');
    expect(classifyError('The CRM is unreachable')).toBe('offline');
    expect(classifyError('Something odd')).toBe('failed');
  });
});
