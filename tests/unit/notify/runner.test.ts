import { describe, expect, it } from 'vitest';
import { englishFormatter } from '../../../shared/notify';
import { notifyTask, runnerHarness } from '../../support/notify-tasks';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

const harness = (start = T0) => runnerHarness(start, englishFormatter('Europe/Warsaw'));
const task = notifyTask;

/** A runner on the fake clock at T0, started, and its harness. */
async function started() {
  const h = harness();
  const r = h.make();
  await r.start();
  return { h, r };
}

describe('the notification runner on a fake clock', () => {
  it('shows one notification when a task comes due, through the injected delivery', async () => {
    const { h, r } = await started();
    await r.setTasks([task('42', T0 + 30 * MIN)]);
    await h.advance(29 * MIN);
    expect(h.shown).toEqual([]);
    await h.advance(2 * MIN);
    expect(h.shown).toEqual([{ id: `42|due|${T0 + 30 * MIN}`, title: 'Task 42', body: 'Task due now (09:30)', target: '/tasks?task=42' }]);
    await h.advance(60 * MIN);
    expect(h.shown).toHaveLength(1);
  });

  it('announces nothing before the tasks are known (a start must not advance the window blind)', async () => {
    const { h, r } = await started();
    await h.advance(10 * MIN);
    expect(r.state.record?.lastCheckedAt).toBeNull();
  });

  it('a change while scheduled reschedules the wake-up; completion cancels it', async () => {
    const { h, r } = await started();
    await r.setTasks([task('a', T0 + 10 * MIN), task('b', T0 + 20 * MIN)]);
    await r.setTasks([task('a', T0 + 10 * MIN, { completed: true }), task('b', T0 + 15 * MIN)]);
    await h.advance(30 * MIN);
    expect(h.shown.map((s) => s.title)).toEqual(['Task b']);
  });

  it('sleep then resume: one grouped notification, and the restart after it repeats nothing', async () => {
    const { h, r } = await started();
    const tasks = [task('a', T0 + 10 * MIN), task('b', T0 + 20 * MIN), task('c', T0 + 30 * MIN)];
    await r.setTasks(tasks);
    h.sleep(2 * 60 * MIN);
    await r.resume();
    // The late timer fires too, after waking.
    await h.advance(MIN);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]).toMatchObject({ title: '3 tasks came due while you were away', target: '/tasks?view=overdue' });
    r.stop();

    const again = h.make();
    await again.start();
    await again.setTasks(tasks);
    await h.advance(10 * MIN);
    expect(h.shown).toHaveLength(1);
  });

  it('the app closed across a due time announces it once at the next start', async () => {
    const h = harness();
    const tasks = [task('a', T0 + 30 * MIN)];
    const r = h.make();
    await r.start();
    await r.setTasks(tasks);
    r.stop();
    h.sleep(60 * MIN);
    const next = h.make();
    await next.start();
    await next.setTasks(tasks);
    await h.advance(5 * MIN);
    expect(h.shown.map((s) => s.title)).toEqual(['Task a']);
  });

  it('a delivery that failed is retried (same id), not lost and not doubled', async () => {
    const { h, r } = await started();
    await r.setTasks([task('a', T0 + 5 * MIN)]);
    h.setFailing(true);
    await h.advance(6 * MIN);
    expect(h.shown).toEqual([]);
    h.setFailing(false);
    await h.advance(2 * MIN);
    expect(h.shown.map((s) => s.title)).toEqual(['Task a']);
    await h.advance(10 * MIN);
    expect(h.shown).toHaveLength(1);
  });

  it('the switch turns notifications off and back on without replaying what was missed', async () => {
    const { h, r } = await started();
    await r.setTasks([task('a', T0 + 5 * MIN), task('b', T0 + 20 * MIN)]);
    await r.setEnabled(false);
    await h.advance(10 * MIN);
    await r.setEnabled(true);
    await h.advance(15 * MIN);
    expect(h.shown.map((s) => s.title)).toEqual(['Task b']);
  });
});
