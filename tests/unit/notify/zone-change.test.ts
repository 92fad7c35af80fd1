import { describe, expect, it } from 'vitest';
import { englishFormatter } from '../../../shared/notify';
import { notifyTask, runnerHarness } from '../../support/notify-tasks';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Friday 27 Nov 2026, 09:00 in Warsaw (08:00 UTC). */
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

/**
 * A reminder is an instant (`hs_timestamp`, `hs_task_reminders`): a change of the system zone
 * while the app runs moves the words of the notice, never the moment it fires.
 */
function harness() {
  // What the app shows now: the system zone, and home while away (stores/time-zones.ts).
  const zones = { current: 'Europe/Warsaw', home: null as string | null };
  // Read at each notice, as the page's and main's formatters read the zone they were last handed.
  const h = runnerHarness(T0, (n) => englishFormatter(zones.current, zones.home)(n));
  return { ...h, runner: h.make(), zones };
}

describe('reminders across a change of the system zone', () => {
  it('fire at the task’s instant and state the time in the new zone, with home time beside it', async () => {
    const h = harness();
    await h.runner.start();
    // Due at 12:00 in Warsaw (11:00 UTC), with a reminder an hour before.
    await h.runner.setTasks([notifyTask('7', T0 + 3 * HOUR, { reminders: [T0 + 2 * HOUR] })]);
    await h.advance(HOUR);
    expect(h.shown).toEqual([]);

    // The plane lands in Lisbon: the system zone changes while the app runs; home stays Warsaw.
    h.zones.current = 'Europe/Lisbon';
    h.zones.home = 'Europe/Warsaw';
    await h.runner.tick();
    expect(h.shown).toEqual([]);

    await h.advance(HOUR);
    expect(h.shown.map((s, i) => ({ at: h.shownAt[i], title: s.title, body: s.body }))).toEqual([
      { at: T0 + 2 * HOUR, title: 'Reminder: Task 7', body: 'Due at 11:00, home 12:00' },
    ]);
    await h.advance(HOUR);
    expect(h.shown[1]).toMatchObject({ title: 'Task 7', body: 'Task due now (11:00, home 12:00)' });
    expect(h.shownAt[1]).toBe(T0 + 3 * HOUR);
    // Once each, whatever the zone.
    await h.advance(5 * HOUR);
    expect(h.shown).toHaveLength(2);
  });

  it('a zone change does not announce again what was announced before it', async () => {
    const h = harness();
    await h.runner.start();
    await h.runner.setTasks([notifyTask('8', T0 + 30 * MIN)]);
    await h.advance(31 * MIN);
    expect(h.shown.map((s) => s.body)).toEqual(['Task due now (09:30)']);
    // Landing in New York: the wall clock reads six hours earlier, the instants are unchanged.
    h.zones.current = 'America/New_York';
    h.zones.home = 'Europe/Warsaw';
    await h.runner.tick();
    await h.advance(8 * HOUR);
    expect(h.shown).toHaveLength(1);
  });
});
