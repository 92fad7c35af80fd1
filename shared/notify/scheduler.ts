import { homeTimeText } from '../time/zones';

/**
 * The due-task notification scheduler, as pure functions over plain data: no timers, no
 * clock, no storage. `planTick` says what to announce at an instant and when to wake up
 * next; `runner.ts` drives it with injected timers and storage (the renderer store in the
 * app, fake ones in the tests).
 *
 * Exactly once (docs/sync-guarantees.md G18): every announcement is an *occurrence* — (task,
 * due time) or (task, reminder time) — keyed by `taskId|kind|at`. An occurrence is announced
 * when it falls in the window (lastCheckedAt, now] and its key is not in the record. The record
 * (keys + lastCheckedAt) is persisted, so a restart neither repeats nor, for the gap it was
 * away, forgets. Rescheduling makes a new key (a new due time is a new occurrence); completing
 * a task removes its occurrences.
 */

export type OccurrenceKind = 'due' | 'reminder';

/** What the scheduler needs to know of a task. Times are epoch ms. */
export interface NotifyTask {
  id: string;
  subject: string;
  dueAt: number | null;
  reminders: readonly number[];
  completed: boolean;
}

export interface Occurrence {
  key: string;
  taskId: string;
  subject: string;
  kind: OccurrenceKind;
  /** When it is announced (the due time, or the reminder time). */
  at: number;
  dueAt: number | null;
}

/** One notification to show: one occurrence, or a group of what came due while away. */
export interface Notice {
  /** Stable for the same content, so a re-delivery after a crash replaces instead of adding. */
  id: string;
  kind: 'single' | 'group';
  occurrences: Occurrence[];
  /** The workspace route a click opens. */
  target: string;
}

/** Persisted between runs (Dexie `meta`, key `notify:announced`). */
export interface AnnouncedRecord {
  version: 1;
  /** The end of the last window checked (epoch ms); null before the first run. */
  lastCheckedAt: number | null;
  /** Announced occurrence keys → their `at`, kept `retainMs` so a clock set back does not repeat them. */
  keys: Record<string, number>;
  /** Notices decided but not yet confirmed delivered; delivered first on the next run. */
  outbox: Notice[];
}

export interface SchedulerOptions {
  /** The switch: when off, windows still advance (nothing piles up) but nothing is announced. */
  enabled: boolean;
  /**
   * A window longer than this means the app was asleep, closed or frozen: everything in it
   * is announced as one grouped notice ("N tasks came due while you were away"). Timers of
   * a hidden window may be throttled to once a minute, so the default leaves room for that.
   */
  catchUpAfterMs?: number;
  /** How long announced keys are kept after their time. */
  retainMs?: number;
  /** The longest sleep between ticks, so a jump of the wall clock is noticed soon. */
  maxWaitMs?: number;
  /** Force grouping (a resume-from-sleep event says so even when the gap looks short). */
  resumed?: boolean;
}

export const DEFAULT_CATCH_UP_AFTER_MS = 3 * 60_000;
export const DEFAULT_RETAIN_MS = 14 * 86_400_000;
export const DEFAULT_MAX_WAIT_MS = 60_000;

export function emptyRecord(): AnnouncedRecord {
  return { version: 1, lastCheckedAt: null, keys: {}, outbox: [] };
}

/** A stored value back to a record; anything unreadable starts afresh (nothing is announced for the past). */
export function parseRecord(value: unknown): AnnouncedRecord {
  if (!value || typeof value !== 'object') return emptyRecord();
  const v = value as Partial<AnnouncedRecord>;
  if (v.version !== 1) return emptyRecord();
  const keys: Record<string, number> = {};
  if (v.keys && typeof v.keys === 'object') for (const [k, at] of Object.entries(v.keys)) if (typeof at === 'number') keys[k] = at;
  return {
    version: 1,
    lastCheckedAt: typeof v.lastCheckedAt === 'number' ? v.lastCheckedAt : null,
    keys,
    outbox: Array.isArray(v.outbox) ? v.outbox.filter((n): n is Notice => !!n && typeof n === 'object' && typeof n.id === 'string') : [],
  };
}

export function occurrenceKey(taskId: string, kind: OccurrenceKind, at: number): string {
  return `${taskId}|${kind}|${at}`;
}

/** Every announcement a task can make; none for completed tasks or tasks without a time. */
export function occurrencesOf(task: NotifyTask): Occurrence[] {
  if (task.completed) return [];
  const out: Occurrence[] = [];
  const add = (kind: OccurrenceKind, at: number) => {
    if (!Number.isFinite(at)) return;
    out.push({ key: occurrenceKey(task.id, kind, at), taskId: task.id, subject: task.subject, kind, at, dueAt: task.dueAt });
  };
  if (task.dueAt !== null) add('due', task.dueAt);
  // A reminder at the due time itself would announce the same thing twice.
  for (const r of new Set(task.reminders)) if (r !== task.dueAt) add('reminder', r);
  return out;
}

export function taskTarget(taskId: string): string {
  return `/tasks?task=${encodeURIComponent(taskId)}`;
}

export const GROUP_TARGET = '/tasks?view=overdue';

/**
 * Whether a notification id is a due-task notice this scheduler made (an occurrence key or a
 * group): the Electron host announces those from main and drops the page's copies.
 */
export function isTaskNoticeId(id: string): boolean {
  return /^group\|\d+\|\d+$/.test(id) || /\|(due|reminder)\|-?\d+$/.test(id);
}

/** The task a single notice's target opens (`taskTarget`), or null for a group's. */
export function taskIdOfTarget(target: string): string | null {
  const match = /^\/tasks\?(?:.*&)?task=([^&]*)/.exec(target);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return null;
  }
}

export interface TickPlan {
  /** Notices to deliver now (the record's outbox already contains them). */
  notices: Notice[];
  /** The record to persist *before* delivering. */
  record: AnnouncedRecord;
  /** When to call again (epoch ms). */
  wakeAt: number;
}

/**
 * What to announce at `now`. Call it on every timer, on resume, and whenever the tasks
 * change; it is idempotent for the same inputs (a second call at the same instant
 * announces nothing more).
 */
export function planTick(tasks: readonly NotifyTask[], record: AnnouncedRecord, now: number, options: SchedulerOptions): TickPlan {
  const catchUpAfterMs = options.catchUpAfterMs ?? DEFAULT_CATCH_UP_AFTER_MS;
  const retainMs = options.retainMs ?? DEFAULT_RETAIN_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  // First run ever: the past is not "came due while away" — start the window now.
  const from = record.lastCheckedAt ?? now;
  const all = tasks.flatMap(occurrencesOf);

  const due = options.enabled
    ? all.filter((o) => o.at > from && o.at <= now && !(o.key in record.keys)).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key))
    : [];

  let notices: Notice[];
  const away = options.resumed === true || now - from > catchUpAfterMs;
  const taskIds = [...new Set(due.map((o) => o.taskId))];
  if (away && taskIds.length > 1) {
    notices = [{ id: `group|${from}|${now}`, kind: 'group', occurrences: due, target: GROUP_TARGET }];
  } else if (away && taskIds.length === 1) {
    // One task (perhaps its reminder and its due time both passed): one notice for it.
    const last = due[due.length - 1] as Occurrence;
    notices = [{ id: last.key, kind: 'single', occurrences: due, target: taskTarget(last.taskId) }];
  } else {
    notices = due.map((o) => ({ id: o.key, kind: 'single', occurrences: [o], target: taskTarget(o.taskId) }));
  }

  const keys: Record<string, number> = {};
  for (const [k, at] of Object.entries(record.keys)) if (at >= now - retainMs) keys[k] = at;
  for (const o of due) keys[o.key] = o.at;

  // The next occurrence not yet announced, but never sleep longer than maxWaitMs.
  let next = now + maxWaitMs;
  for (const o of all) if (o.at > now && o.at < next && !(o.key in keys)) next = o.at;

  return {
    notices,
    record: { version: 1, lastCheckedAt: now, keys, outbox: [...record.outbox, ...notices] },
    wakeAt: next,
  };
}

/** The record once `noticeIds` were delivered (or given up on). */
export function acknowledge(record: AnnouncedRecord, noticeIds: readonly string[]): AnnouncedRecord {
  const done = new Set(noticeIds);
  return { ...record, outbox: record.outbox.filter((n) => !done.has(n.id)) };
}

/** The words of a notice; the renderer passes translated ones, tests and main use these. */
export interface NoticeText {
  title: string;
  body: string;
}

export type NoticeFormatter = (notice: Notice) => NoticeText;

/** Time of day in `timeZone`, 24-hour, e.g. "09:30". */
export function formatTime(ms: number, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/**
 * The time of day a notice states: in the current zone, and home's beside it when the user
 * is away and home's clocks read otherwise ("10:00", home "11:00"). The instant is the task's
 * own (`hs_timestamp`), so a zone change moves the words, never the moment it fires.
 */
export function noticeTimes(ms: number, timeZone: string, homeZone: string | null, locale = 'en-GB'): { local: string; home: string | null } {
  return { local: formatTime(ms, timeZone, locale), home: homeZone === null ? null : homeTimeText(ms, timeZone, homeZone, locale) };
}

/** English words, for the main process and tests; home time beside the local one when `homeZone` differs. */
export function englishFormatter(timeZone: string, homeZone: string | null = null): NoticeFormatter {
  return (n) => {
    if (n.kind === 'group') {
      const count = new Set(n.occurrences.map((o) => o.taskId)).size;
      const subjects = [...new Set(n.occurrences.map((o) => o.subject))];
      return { title: `${count} tasks came due while you were away`, body: subjects.slice(0, 5).join(', ') + (subjects.length > 5 ? ', …' : '') };
    }
    const o = n.occurrences[n.occurrences.length - 1] as Occurrence;
    const times = o.dueAt === null ? null : noticeTimes(o.dueAt, timeZone, homeZone);
    const dueText = times === null ? '' : times.home === null ? times.local : `${times.local}, home ${times.home}`;
    if (o.kind === 'reminder') return { title: `Reminder: ${o.subject}`, body: dueText ? `Due at ${dueText}` : 'Task reminder' };
    return { title: o.subject, body: dueText ? `Task due now (${dueText})` : 'Task due now' };
  };
}
