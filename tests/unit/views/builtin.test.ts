import { describe, expect, it } from 'vitest';
import { assignedInLast30Days, checkView, evaluateView, ownedByMe, taskViews, TASK_PROPERTY_KINDS } from '../../../shared/views';
import type { ViewContext, ViewRecord } from '../../../shared/views';
import { rec } from './fixtures';

const DAY = 86_400_000;

describe('built-in Portfolio views', () => {
  const NOW = Date.parse('2026-11-27T08:00:00Z');
  const setAt: Record<string, number> = { a: NOW - 3 * DAY, b: NOW - 45 * DAY, c: NOW - 1 * DAY };
  const c: ViewContext = {
    now: NOW,
    timeZone: 'Europe/Warsaw',
    propertyTypes: { cs_manager: 'owner', name: 'string' },
    currentUserOwnerId: '7',
    propertySetAt: (r: ViewRecord, p: string) => (p === 'cs_manager' ? setAt[r.id] : undefined),
  };
  const records = [rec('a', { cs_manager: '7' }), rec('b', { cs_manager: '7' }), rec('c', { cs_manager: '8' }), rec('d', { cs_manager: '7' })];

  it('Owned by me selects the current user’s records by the CSM property', () => {
    expect(evaluateView(ownedByMe('companies', 'cs_manager'), records, c).map((r) => r.id)).toEqual(['a', 'b', 'd']);
  });

  it('Assigned in the last 30 days reads when the CSM property was set', () => {
    const v = assignedInLast30Days('companies', 'cs_manager');
    expect(evaluateView(v, records, c).map((r) => r.id)).toEqual(['a']);
    const { propertySetAt: _, ...noHistory } = c;
    expect(evaluateView(v, records, noHistory)).toEqual([]);
  });

  it('are valid Everyone views', () => {
    expect(checkView(ownedByMe('companies', 'cs_manager'), c).ok).toBe(true);
    expect(checkView(assignedInLast30Days('companies', 'cs_manager'), c).ok).toBe(true);
  });
});

describe('Tasks default views', () => {
  // 2026-03-29 is the spring-forward day in Warsaw; now is 23:30 local (21:30Z).
  const c: ViewContext = { now: Date.parse('2026-03-29T21:30:00Z'), timeZone: 'Europe/Warsaw', propertyTypes: TASK_PROPERTY_KINDS, currentUserOwnerId: '7' };
  const t = (id: string, due: string | null, status: string | null, owner = '7'): ViewRecord =>
    rec(id, { hs_timestamp: due, hs_task_status: status, hubspot_owner_id: owner });
  const tasks = [
    t('past-open', '2026-03-28T10:00:00Z', 'NOT_STARTED'),
    t('past-done', '2026-03-28T10:00:00Z', 'COMPLETED'),
    t('earlier-today', '2026-03-29T20:00:00Z', 'IN_PROGRESS'),
    t('later-today', '2026-03-29T21:45:00Z', null),
    t('tomorrow-first', '2026-03-29T22:00:00Z', 'WAITING'),
    t('tomorrow-last', String(Date.parse('2026-03-30T21:59:59Z')), 'NOT_STARTED'),
    t('day-after', '2026-03-30T22:00:00Z', 'NOT_STARTED'),
    t('no-date', null, 'NOT_STARTED'),
    t('someone-elses', '2026-03-28T10:00:00Z', 'NOT_STARTED', '8'),
    t('done-today', '2026-03-29T09:00:00Z', 'COMPLETED'),
  ];
  const ids = (v: ReturnType<typeof taskViews.overdue>): string[] => evaluateView(v, tasks, c).map((r) => r.id);

  it('overdue = due before now and not completed, mine only', () => {
    expect(ids(taskViews.overdue())).toEqual(['past-open', 'earlier-today']);
  });

  it('due today / tomorrow use the day boundaries of the user zone (a 23-hour day here)', () => {
    expect(ids(taskViews.dueToday())).toEqual(['earlier-today', 'later-today']);
    expect(ids(taskViews.dueTomorrow())).toEqual(['tomorrow-first', 'tomorrow-last']);
  });

  it('all open and all completed split on COMPLETED', () => {
    expect(ids(taskViews.allOpen())).toEqual(['past-open', 'earlier-today', 'later-today', 'tomorrow-first', 'tomorrow-last', 'day-after', 'no-date']);
    expect(ids(taskViews.allCompleted())).toEqual(['done-today', 'past-done']);
  });
});
