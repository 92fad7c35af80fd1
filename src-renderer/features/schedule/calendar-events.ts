import { toMillis } from '../../../shared/sync';
import type { CalendarEvent } from '../../components/vendor/calendar-types';
import type { MergedRecord } from '../../stores/schedule';

export type ScheduleKind = 'meetings' | 'tasks';

/** The Key's colours, as design tokens (theme.css) so they follow the theme; the toolbar's swatches use the same ones. */
export const KIND_COLORS: Record<ScheduleKind, string> = { meetings: 'var(--event-meeting)', tasks: 'var(--event-task)' };

/** Tasks have a due instant but no length; they are drawn as a short block at that time. */
export const TASK_BLOCK_MS = 30 * 60_000;

/** Event ids carry their kind so a click or drop knows which record it is about. */
export function eventId(kind: ScheduleKind, recordId: string): string {
  return `${kind}:${recordId}`;
}

export function parseEventId(id: string): { kind: ScheduleKind; recordId: string } | null {
  const at = id.indexOf(':');
  const kind = id.slice(0, at);
  if (at < 0 || (kind !== 'meetings' && kind !== 'tasks')) return null;
  return { kind, recordId: id.slice(at + 1) };
}

export const isCompleted = (task: MergedRecord) => task.properties.hs_task_status === 'COMPLETED';

export interface EventLabels {
  meeting: (title: string) => string;
  task: (title: string) => string;
  untitled: string;
}

export function meetingEvent(m: MergedRecord, labels: EventLabels): CalendarEvent | null {
  const start = toMillis(m.properties.hs_meeting_start_time) ?? toMillis(m.properties.hs_timestamp);
  if (start === undefined) return null;
  const end = toMillis(m.properties.hs_meeting_end_time);
  const title = m.properties.hs_meeting_title || labels.untitled;
  return {
    id: eventId('meetings', m.id),
    title,
    start,
    ...(end !== undefined && end > start ? { end } : {}),
    editable: false,
    classNames: ['ev-meeting'],
    color: KIND_COLORS.meetings,
    label: labels.meeting(title),
  };
}

export function taskEvent(t: MergedRecord, labels: EventLabels): CalendarEvent | null {
  const start = toMillis(t.properties.hs_timestamp);
  if (start === undefined) return null;
  const title = t.properties.hs_task_subject || labels.untitled;
  const done = isCompleted(t);
  return {
    id: eventId('tasks', t.id),
    title,
    start,
    end: start + TASK_BLOCK_MS,
    // A completed task stays where it was done; open ones can be dragged to a new due time.
    editable: !done,
    classNames: ['ev-task', ...(done ? ['ev-done'] : []), ...(t.pending ? ['ev-pending'] : [])],
    // A completed one is drawn light (ScheduleView's .ev-done), with text that stays readable.
    ...(done ? {} : { color: KIND_COLORS.tasks }),
    label: labels.task(title),
  };
}

export function scheduleEvents(
  records: { meetings: readonly MergedRecord[]; tasks: readonly MergedRecord[] },
  show: { meetings: boolean; tasks: boolean },
  labels: EventLabels,
): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  if (show.meetings) for (const m of records.meetings) out.push(...nonNull(meetingEvent(m, labels)));
  if (show.tasks) for (const t of records.tasks) out.push(...nonNull(taskEvent(t, labels)));
  return out;
}

const nonNull = <T>(v: T | null): T[] => (v === null ? [] : [v]);
