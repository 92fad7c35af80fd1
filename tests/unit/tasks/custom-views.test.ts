import { describe, expect, it } from 'vitest';
import { evaluateView, type FilterGroup, type ViewRecord } from '../../../shared/views';
import { customTaskView, firstFilterProblem, runnableGroups, TASK_FILTER_KINDS } from '../../../shared/tasks/custom-views';

// Friday 27 Nov 2026, 09:00 in Warsaw (UTC+1).
const NOW = Date.UTC(2026, 10, 27, 8);
const ctx = { now: NOW, timeZone: 'Europe/Warsaw', propertyTypes: TASK_FILTER_KINDS, currentUserOwnerId: '1' };
const task = (id: string, p: Record<string, string>): ViewRecord => ({ id, properties: { hubspot_owner_id: '1', hs_task_status: 'NOT_STARTED', ...p } });
const tasks = [
  task('a', { hs_task_priority: 'HIGH', hs_timestamp: String(Date.UTC(2026, 10, 27, 15)), hs_task_type: 'CALL' }),
  task('b', { hs_task_priority: 'HIGH', hs_timestamp: String(Date.UTC(2026, 10, 26, 9)), hs_task_status: 'COMPLETED', hs_task_type: 'EMAIL' }),
  task('c', { hs_task_priority: 'LOW', hs_timestamp: String(Date.UTC(2026, 10, 26, 23, 30)), hs_task_type: 'CALL' }),
  task('d', { hs_task_priority: 'MEDIUM', hs_timestamp: String(Date.UTC(2026, 10, 28, 9)), hs_task_type: 'TODO' }),
];
const high: FilterGroup = { filters: [{ property: 'hs_task_priority', operator: 'is_any_of', values: ['HIGH'] }] };
const ids = (groups: FilterGroup[]) =>
  evaluateView(customTaskView({ name: 'v', sharing: 'private', filterGroups: groups }, 'view:1', 'u1'), tasks, ctx).map((t) => t.id);

describe('custom task views', () => {
  it('match by priority, type and status, earliest due first; OR between groups', () => {
    expect(ids([high])).toEqual(['b', 'a']);
    expect(ids([{ filters: [...high.filters, { property: 'hs_task_status', operator: 'is_none_of', values: ['COMPLETED'] }] }])).toEqual(['a']);
    expect(ids([high, { filters: [{ property: 'hs_task_type', operator: 'is_any_of', values: ['TODO'] }] }])).toEqual(['b', 'a', 'd']);
    expect(ids([])).toEqual(['b', 'c', 'a', 'd']);
  });

  it('"due today" is the user zone’s day: 00:30 in Warsaw on the 27th is today', () => {
    expect(ids([{ filters: [{ property: 'hs_timestamp', operator: 'in_period', value: 'today' }] }])).toEqual(['c', 'a']);
  });

  it('names the first filter that cannot run, 1-based, and accepts complete ones', () => {
    expect(firstFilterProblem([high])).toBeUndefined();
    expect(firstFilterProblem([high, { filters: [high.filters[0]!, { property: '', operator: 'is' }] }])).toMatchObject({ group: 2, filter: 2 });
    expect(firstFilterProblem([{ filters: [{ property: 'hs_task_priority', operator: 'is_any_of', values: [] }] }])?.message).toMatch(
      /needs at least one value/,
    );
    expect(firstFilterProblem([{ filters: [{ property: 'hs_timestamp', operator: 'on', value: '27/11/2026' }] }])?.message).toMatch(/YYYY-MM-DD/);
    expect(firstFilterProblem([{ filters: [{ property: 'hs_task_priority', operator: 'contains', value: 'H' }] }])?.message).toMatch(/does not apply/);
  });

  it('the live count leaves incomplete filters out; a group left empty matches every task', () => {
    expect(runnableGroups([{ filters: [...high.filters, { property: '', operator: 'is' }] }])).toEqual([high]);
    expect(runnableGroups([{ filters: [{ property: '', operator: 'is' }] }])).toEqual([{ filters: [] }]);
  });

  it('the saved view trims its name, drops empty groups and sorts by due time', () => {
    const v = customTaskView({ name: '  Hot  ', sharing: 'private', filterGroups: [high, { filters: [] }] }, 'view:1', 'u1');
    expect(v).toMatchObject({
      name: 'Hot',
      objectType: 'tasks',
      filterGroups: [high],
      sort: { property: 'hs_timestamp', direction: 'asc' },
      ownerUserId: 'u1',
    });
  });
});
