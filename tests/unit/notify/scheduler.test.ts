import { describe, expect, it } from 'vitest';
import {
  emptyRecord,
  englishFormatter,
  occurrencesOf,
  parseRecord,
  planTick,
  taskToNotify,
  type AnnouncedRecord,
  type NotifyTask,
} from '../../../shared/notify';
import { notifyTask } from '../../support/notify-tasks';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0); // 09:00 in Warsaw
const task = notifyTask;
const on = { enabled: true } as const;

/** Ticks through [from, to] every `step` ms like a timer would, collecting notices. */
function simulate(tasks: NotifyTask[], record: AnnouncedRecord, from: number, to: number, step = MIN) {
  const notices = [];
  let r = record;
  for (let now = from; now <= to; now += step) {
    const plan = planTick(tasks, r, now, on);
    notices.push(...plan.notices);
    r = plan.record;
  }
  return { notices, record: r };
}

describe('the notification scheduler', () => {
  it('announces nothing of the past on its very first run, and wakes at the next due time', () => {
    const plan = planTick([task('a', T0 - 10 * MIN), task('b', T0 + 30 * MIN)], emptyRecord(), T0, { ...on, maxWaitMs: 3_600_000 });
    expect(plan.notices).toEqual([]);
    expect(plan.record.lastCheckedAt).toBe(T0);
    expect(plan.wakeAt).toBe(T0 + 30 * MIN);
  });

  it('never sleeps longer than maxWaitMs, so a jump of the wall clock is seen soon', () => {
    expect(planTick([task('a', T0 + 5 * 3_600_000)], emptyRecord(), T0, on).wakeAt).toBe(T0 + MIN);
  });

  it('announces a task once when it comes due, with its subject and a click target', () => {
    const tasks = [task('a', T0 + 5 * MIN)];
    const { notices } = simulate(tasks, planTick(tasks, emptyRecord(), T0, on).record, T0 + MIN, T0 + 30 * MIN);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'single', target: '/tasks?task=a' });
    expect(englishFormatter('Europe/Warsaw')(notices[0]!)).toEqual({ title: 'Task a', body: 'Task due now (09:05)' });
  });

  it('announces each reminder time and the due time, each once', () => {
    const tasks = [task('a', T0 + 60 * MIN, { reminders: [T0 + 30 * MIN, T0 + 45 * MIN] })];
    const { notices } = simulate(tasks, planTick(tasks, emptyRecord(), T0, on).record, T0 + MIN, T0 + 120 * MIN);
    expect(notices.map((n) => [n.occurrences[0]!.kind, n.occurrences[0]!.at])).toEqual([
      ['reminder', T0 + 30 * MIN],
      ['reminder', T0 + 45 * MIN],
      ['due', T0 + 60 * MIN],
    ]);
    expect(englishFormatter('Europe/Warsaw')(notices[0]!).title).toBe('Reminder: Task a');
  });

  it('wakes at the earliest of due and reminder times', () => {
    const plan = planTick([task('a', T0 + 40 * MIN, { reminders: [T0 + 20 * MIN] }), task('b', T0 + 30 * MIN)], emptyRecord(), T0, {
      ...on,
      maxWaitMs: 3_600_000,
    });
    expect(plan.wakeAt).toBe(T0 + 20 * MIN);
  });

  it('follows changes while scheduled: a rescheduled task fires at its new time only', () => {
    let r = planTick([task('a', T0 + 10 * MIN)], emptyRecord(), T0, on).record;
    const moved = [task('a', T0 + 50 * MIN)];
    const plan = planTick(moved, r, T0 + 2 * MIN, { ...on, maxWaitMs: 3_600_000 });
    expect(plan.wakeAt).toBe(T0 + 50 * MIN);
    r = plan.record;
    const { notices } = simulate(moved, r, T0 + 3 * MIN, T0 + 90 * MIN);
    expect(notices.map((n) => n.occurrences[0]!.at)).toEqual([T0 + 50 * MIN]);
  });

  it('a task rescheduled after it was announced is announced again at its new due time', () => {
    const first = [task('a', T0 + 5 * MIN)];
    const a = simulate(first, planTick(first, emptyRecord(), T0, on).record, T0 + MIN, T0 + 10 * MIN);
    expect(a.notices).toHaveLength(1);
    const second = [task('a', T0 + 20 * MIN)];
    const b = simulate(second, a.record, T0 + 11 * MIN, T0 + 30 * MIN);
    expect(b.notices).toHaveLength(1);
    expect(b.notices[0]!.occurrences[0]!.at).toBe(T0 + 20 * MIN);
  });

  it('completion cancels: no notice and no wake-up for a completed task', () => {
    const r = planTick([task('a', T0 + 10 * MIN)], emptyRecord(), T0, on).record;
    const done = [task('a', T0 + 10 * MIN, { completed: true })];
    const plan = planTick(done, r, T0 + MIN, { ...on, maxWaitMs: 3_600_000 });
    expect(plan.wakeAt).toBe(T0 + MIN + 3_600_000);
    expect(simulate(done, plan.record, T0 + 2 * MIN, T0 + 30 * MIN).notices).toEqual([]);
    expect(occurrencesOf(done[0]!)).toEqual([]);
  });

  it('the switch off announces nothing and lets nothing pile up for later', () => {
    const tasks = [task('a', T0 + 5 * MIN)];
    let r = planTick(tasks, emptyRecord(), T0, on).record;
    for (let now = T0 + MIN; now <= T0 + 10 * MIN; now += MIN) {
      const plan = planTick(tasks, r, now, { enabled: false });
      expect(plan.notices).toEqual([]);
      r = plan.record;
    }
    expect(planTick(tasks, r, T0 + 11 * MIN, on).notices).toEqual([]);
  });

  it('after sleep, everything that came due meanwhile is ONE grouped notice, announced once', () => {
    const tasks = [task('a', T0 + 10 * MIN), task('b', T0 + 20 * MIN, { reminders: [T0 + 15 * MIN] }), task('c', T0 + 40 * MIN), task('d', T0 + 90 * MIN)];
    const r = planTick(tasks, emptyRecord(), T0, on).record;
    // Asleep from T0 to T0+60min: the first timer after waking runs late.
    const woke = planTick(tasks, r, T0 + 60 * MIN, on);
    expect(woke.notices).toHaveLength(1);
    expect(woke.notices[0]).toMatchObject({ kind: 'group', target: '/tasks?view=overdue' });
    expect(englishFormatter('Europe/Warsaw')(woke.notices[0]!)).toEqual({ title: '3 tasks came due while you were away', body: 'Task a, Task b, Task c' });
    // The resume event arriving just after must not announce them again; d still comes on time.
    const again = planTick(tasks, woke.record, T0 + 60 * MIN + 500, { ...on, resumed: true });
    expect(again.notices).toEqual([]);
    const later = simulate(tasks, again.record, T0 + 61 * MIN, T0 + 120 * MIN);
    expect(later.notices.map((n) => n.occurrences.map((o) => o.taskId))).toEqual([['d']]);
  });

  it('after sleep with a single task due meanwhile, that task gets its own notice', () => {
    const tasks = [task('a', T0 + 10 * MIN, { reminders: [T0 + 5 * MIN] })];
    const r = planTick(tasks, emptyRecord(), T0, on).record;
    const woke = planTick(tasks, r, T0 + 60 * MIN, { ...on, resumed: true });
    expect(woke.notices).toHaveLength(1);
    expect(woke.notices[0]).toMatchObject({ kind: 'single', target: '/tasks?task=a' });
    expect(englishFormatter('Europe/Warsaw')(woke.notices[0]!).title).toBe('Task a');
  });

  it('a restart does not repeat: the persisted record survives JSON and the app being closed', () => {
    const tasks = [task('a', T0 + 5 * MIN), task('b', T0 + 30 * MIN)];
    const run1 = simulate(tasks, planTick(tasks, emptyRecord(), T0, on).record, T0 + MIN, T0 + 10 * MIN);
    expect(run1.notices).toHaveLength(1);
    // Closed at T0+10, restarted at T0+11: a is not repeated…
    const stored = parseRecord(JSON.parse(JSON.stringify({ ...run1.record, outbox: [] })));
    const restart = planTick(tasks, stored, T0 + 11 * MIN, on);
    expect(restart.notices).toEqual([]);
    // …and b, due while closed for longer, is announced once after the next restart.
    const later = planTick(tasks, restart.record, T0 + 45 * MIN, on);
    expect(later.notices.map((n) => n.occurrences[0]!.taskId)).toEqual(['b']);
    expect(planTick(tasks, later.record, T0 + 46 * MIN, on).notices).toEqual([]);
  });

  it('a wall clock set back does not announce again what was announced', () => {
    const tasks = [task('a', T0 + 5 * MIN)];
    const r = simulate(tasks, planTick(tasks, emptyRecord(), T0, on).record, T0 + MIN, T0 + 10 * MIN).record;
    const back = planTick(tasks, r, T0, on).record;
    expect(simulate(tasks, back, T0 + MIN, T0 + 20 * MIN).notices).toEqual([]);
  });

  it('an unreadable record starts afresh instead of announcing the whole past', () => {
    expect(parseRecord('garbage')).toEqual(emptyRecord());
    expect(planTick([task('a', T0 - MIN)], parseRecord({ version: 99 }), T0, on).notices).toEqual([]);
  });

  describe('time zones and DST (instants are absolute; words are in the user zone)', () => {
    // Europe/Warsaw: 29 Mar 2026 02:00 → 03:00 (spring forward); 25 Oct 2026 03:00 → 02:00 (fall back).
    it('a task due just after the spring-forward gap fires at that instant, once', () => {
      const due = Date.UTC(2026, 2, 29, 1, 0, 0); // 03:00 CEST = 01:00 UTC
      const start = due - 90 * MIN; // 01:30 CET
      const tasks = [task('a', due)];
      const { notices } = simulate(tasks, planTick(tasks, emptyRecord(), start, on).record, start + MIN, due + 30 * MIN);
      expect(notices).toHaveLength(1);
      expect(englishFormatter('Europe/Warsaw')(notices[0]!).body).toBe('Task due now (03:00)');
    });

    it('the repeated hour of the fall-back night: 02:30 CEST and 02:30 CET are two instants, each announced once', () => {
      const first = Date.UTC(2026, 9, 25, 0, 30, 0); // 02:30 CEST
      const second = Date.UTC(2026, 9, 25, 1, 30, 0); // 02:30 CET
      const start = first - 30 * MIN;
      const tasks = [task('a', first), task('b', second)];
      const { notices } = simulate(tasks, planTick(tasks, emptyRecord(), start, on).record, start + MIN, second + 30 * MIN);
      expect(notices.map((n) => n.occurrences[0]!.taskId)).toEqual(['a', 'b']);
      const fmt = englishFormatter('Europe/Warsaw');
      expect(notices.map((n) => fmt(n).body)).toEqual(['Task due now (02:30)', 'Task due now (02:30)']);
    });

    it('the same instant reads in the chosen zone', () => {
      const tasks = [task('a', T0 + 5 * MIN)];
      const { notices } = simulate(tasks, planTick(tasks, emptyRecord(), T0, on).record, T0 + MIN, T0 + 10 * MIN);
      expect(englishFormatter('America/New_York')(notices[0]!).body).toBe('Task due now (03:05)');
      expect(englishFormatter('Asia/Kolkata')(notices[0]!).body).toBe('Task due now (13:35)');
    });
  });

  it('reads CRM tasks: ISO or ms due times, ;-separated reminders, COMPLETED status', () => {
    expect(
      taskToNotify('7', {
        hs_task_subject: 'Call',
        hs_timestamp: '2026-11-27T12:00:00.000Z',
        hs_task_reminders: `${T0};${T0 + MIN}`,
        hs_task_status: 'NOT_STARTED',
      }),
    ).toEqual({
      id: '7',
      subject: 'Call',
      dueAt: Date.UTC(2026, 10, 27, 12),
      reminders: [T0, T0 + MIN],
      completed: false,
    });
    expect(taskToNotify('8', { hs_timestamp: String(T0), hs_task_status: 'COMPLETED' })).toMatchObject({ dueAt: T0, completed: true, reminders: [] });
  });
});
