import { describe, expect, it } from 'vitest';
import type { MergedRecord } from '../../../src-renderer/db';
import { eventId, parseEventId, scheduleEvents, TASK_BLOCK_MS } from '../../../src-renderer/features/schedule/calendar-events';

const labels = { meeting: (t: string) => `Meeting: ${t}`, task: (t: string) => `Task: ${t}`, untitled: '(untitled)' };
const rec = (objectType: string, id: string, properties: Record<string, string>, pending = false): MergedRecord => ({
  id,
  objectType,
  properties,
  createdAt: '',
  updatedAt: '',
  archived: false,
  pending,
  pendingProperties: [],
  isNew: false,
});

const START = Date.UTC(2026, 10, 27, 9);
const meetings = [
  rec('meetings', '1', {
    hs_meeting_title: 'QBR',
    hs_meeting_start_time: new Date(START).toISOString(),
    hs_meeting_end_time: new Date(START + 45 * 60_000).toISOString(),
  }),
  rec('meetings', '2', { hs_meeting_title: '', hs_timestamp: String(START) }),
  rec('meetings', '3', { hs_meeting_title: 'No time' }),
];
const tasks = [
  rec('tasks', '10', { hs_task_subject: 'Call Ada', hs_timestamp: String(START), hs_task_status: 'NOT_STARTED' }, true),
  rec('tasks', '11', { hs_task_subject: 'Done', hs_timestamp: String(START), hs_task_status: 'COMPLETED' }),
];

describe('calendar events from meetings and tasks', () => {
  it('round-trips event ids and rejects foreign ones', () => {
    expect(parseEventId(eventId('tasks', 'a:b'))).toEqual({ kind: 'tasks', recordId: 'a:b' });
    expect(parseEventId('deals:1')).toBeNull();
    expect(parseEventId('nothing')).toBeNull();
  });

  it('draws meetings with their length, never draggable; untitled ones get a name; timeless ones are skipped', () => {
    const events = scheduleEvents({ meetings, tasks: [] }, { meetings: true, tasks: true }, labels);
    expect(events.map((e) => [e.id, e.title, e.start, e.end, e.editable, e.label])).toEqual([
      ['meetings:1', 'QBR', START, START + 45 * 60_000, false, 'Meeting: QBR'],
      ['meetings:2', '(untitled)', START, undefined, false, 'Meeting: (untitled)'],
    ]);
  });

  it('lets open tasks be dragged, not completed ones, and marks pending ones', () => {
    const [open, done] = scheduleEvents({ meetings: [], tasks }, { meetings: true, tasks: true }, labels);
    expect(open).toMatchObject({ id: 'tasks:10', start: START, end: START + TASK_BLOCK_MS, editable: true, label: 'Task: Call Ada' });
    expect(open?.classNames).toContain('ev-pending');
    expect(done).toMatchObject({ id: 'tasks:11', editable: false });
    expect(done?.classNames).toContain('ev-done');
    // A completed task is drawn light by its class (readable text), not in the open tasks' colour.
    expect(open?.color).toBe('var(--event-task)');
    expect(done?.color).toBeUndefined();
  });

  it('follows the Key', () => {
    const both = { meetings, tasks };
    expect(scheduleEvents(both, { meetings: false, tasks: true }, labels).map((e) => e.id)).toEqual(['tasks:10', 'tasks:11']);
    expect(scheduleEvents(both, { meetings: true, tasks: false }, labels).map((e) => e.id)).toEqual(['meetings:1', 'meetings:2']);
    expect(scheduleEvents(both, { meetings: false, tasks: false }, labels)).toEqual([]);
  });
});
