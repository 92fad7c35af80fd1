import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeEvent } from '../../support/fake-electron';
import { tmp, useTempDir } from '../../support/temp-dir';
import { MIN, T0, bootRunning, reminders, task } from './shell-harness';

/** Due-task reminders owned by the main process: once per task and due time, across a renderer crash, a restart and a simulated sleep, with their actions. */
useTempDir('cs-desktop-');

describe('reminders owned by the main process', () => {
  it('announces a due task once at its time, and drops the page-runner copy of it (one runner announces)', async () => {
    const { call, clock, shown, electron } = await bootRunning();
    expect(await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]))).toEqual({ ok: true, data: { ownedByHost: true } });
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['Call Acme']));
    expect(electron.notifications[0]?.options.body).toBe('Task due now (09:10)');
    // The page's own runner decides the same occurrence: main answers "not shown", nothing more appears.
    expect(await call('notify:show', { id: `9|due|${T0 + 10 * MIN}`, title: 'Call Acme', body: '', target: '/tasks?task=9' })).toEqual({
      ok: true,
      data: { shown: false },
    });
    // A later push of the same task (the page reloaded) and later ticks announce nothing again.
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    clock.advanceTo(T0 + 20 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toEqual(['Call Acme']);
    // Other notifications from the page still show.
    expect(await call('notify:show', { id: 'sync-error', title: 'Sync stopped', body: '' })).toEqual({ ok: true, data: { shown: true } });
  });

  it('fires while the renderer is crashed; a click makes the window again, whose page then opens the task', async () => {
    const { call, clock, shown, electron, win } = await bootRunning();
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    const crashed = win();
    crashed.webContents.destroyed = true;
    crashed.destroyed = true;
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['Call Acme']));
    electron.notifications[0]?.emit('click');
    expect(electron.windows).toHaveLength(2);
    expect(win().visible).toBe(true);
    // The new page loads from scratch and would miss an event: it takes the route when it starts, once.
    expect(win().webContents.sent.filter((m) => m.channel === 'onDidClickNotification')).toEqual([]);
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: '/tasks?task=9' } });
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: null } });
  });

  it('after sleep, what fell due meanwhile comes as one group, once; the next due time is announced as usual', async () => {
    const { call, clock, shown, electron } = await bootRunning();
    await call('reminders:set', reminders([task('1', 'Call Acme', T0 + 30 * MIN), task('2', 'Send deck', T0 + 60 * MIN), task('3', 'QBR', T0 + 5 * 60 * MIN)]));
    // Asleep from T0 to T0+2h: no timer fires.
    clock.jumpTo(T0 + 120 * MIN);
    electron.powerMonitor.emit('resume');
    await vi.waitFor(() => expect(shown()).toEqual(['2 tasks came due while you were away']));
    expect(electron.notifications[0]?.options.body).toBe('Call Acme, Send deck');
    electron.powerMonitor.emit('resume');
    clock.advanceTo(T0 + 121 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toHaveLength(1);
    clock.advanceTo(T0 + 5 * 60 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['2 tasks came due while you were away', 'QBR']));
    // A click on the group opens the overdue list.
    electron.notifications[0]?.emit('click');
    expect(electron.windows[0]?.webContents.sent).toContainEqual({
      channel: 'onDidClickNotification',
      args: [{ id: 'desktop', target: '/tasks?view=overdue' }],
    });
  });

  it('the switch off: nothing is announced', async () => {
    const { call, clock, shown } = await bootRunning();
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)], false));
    clock.advanceTo(T0 + 11 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toEqual([]);
  });

  it('keeps its record across restarts: a restart does not announce a task again', async () => {
    const dataDir = join(tmp, 'kept');
    const first = await bootRunning({ dataDir });
    await first.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    first.clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(first.shown()).toEqual(['Call Acme']));
    const second = await bootRunning({ dataDir });
    await second.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    second.clock.advanceTo(T0 + 12 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(second.shown()).toEqual([]);
    expect(existsSync(join(dataDir, 'notify', 'announced.json'))).toBe(true);
  });

  it('on macOS: snooze 10 min announces again; "Mark complete" waits in main for the page, once, and stops the reminders', async () => {
    const { call, clock, shown, electron, win } = await bootRunning({ platform: 'darwin' });
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN), task('8', 'Send deck', T0 + 20 * MIN)]));
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['Call Acme']));
    const first = electron.notifications[0];
    expect(first?.options.actions?.map((a) => a.text)).toEqual(['Snooze 10 min', 'Snooze 1 hour', 'Snooze until tomorrow', 'Mark complete']);
    first?.emit('action', fakeEvent(), 0);
    // Awake, the timers fire at least once a minute.
    for (let t = T0 + 11 * MIN; t <= T0 + 20 * MIN; t += MIN) {
      clock.advanceTo(t);
      await new Promise((r) => setTimeout(r, 20));
    }
    // On a busy machine the snooze may be scheduled after the loop's last step: the clock stays at
    // T0 + 20 min and fires what has come due meanwhile, as a running machine's timers would.
    await vi.waitFor(() => {
      clock.advanceTo(T0 + 20 * MIN);
      expect(shown().sort()).toEqual(['Call Acme', 'Reminder: Call Acme', 'Send deck']);
    });
    // "Mark complete" on Send deck while no page is there: queued, then taken once.
    win().webContents.destroyed = true;
    const deck = electron.notifications.find((n) => n.options.title === 'Send deck');
    deck?.emit('action', fakeEvent(), 3);
    win().webContents.destroyed = false;
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [{ taskId: '8', action: 'complete' }], open: null } });
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: null } });
    expect(win().webContents.sent.filter((m) => m.channel === 'onDidRequestTaskAction')).toHaveLength(0);
    // Until the page's list no longer has it open, main reminds of it no more.
    await call('reminders:set', reminders([task('8', 'Send deck', T0 + 20 * MIN, [T0 + 22 * MIN])]));
    for (let t = T0 + 21 * MIN; t <= T0 + 23 * MIN; t += MIN) {
      clock.advanceTo(t);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown().filter((t) => t?.includes('Send deck'))).toEqual(['Send deck']);
  });

  it('a "Mark complete" not yet taken survives a restart', async () => {
    const dataDir = join(tmp, 'queued');
    const first = await bootRunning({ platform: 'darwin', dataDir });
    await first.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    first.clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(first.electron.notifications).toHaveLength(1));
    first.electron.notifications[0]?.emit('action', fakeEvent(), 3);
    const second = await bootRunning({ platform: 'darwin', dataDir });
    expect(await second.call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [{ taskId: '9', action: 'complete' }], open: null } });
    const third = await bootRunning({ platform: 'darwin', dataDir });
    expect(await third.call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: null } });
  });

  it('a queued action nudges a page that is there', async () => {
    const { call, clock, electron, win } = await bootRunning({ platform: 'darwin' });
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(electron.notifications).toHaveLength(1));
    electron.notifications[0]?.emit('action', fakeEvent(), 3);
    expect(win().webContents.sent).toContainEqual({ channel: 'onDidRequestTaskAction', args: [{}] });
  });

  it('after the page hands it a new zone while away (a trip), states the time there and at home; it fires at the same instant', async () => {
    const { call, clock, shown, electron } = await bootRunning({ locale: 'pl-PL' });
    await call('reminders:set', reminders([task('9', 'Telefon', T0 + 10 * MIN)]));
    // The system zone changed while the app runs: the page re-hands the reminders with the new zone and home.
    await call('reminders:set', { ...reminders([task('9', 'Telefon', T0 + 10 * MIN)]), timeZone: 'Europe/Lisbon', homeTimeZone: 'Europe/Warsaw' });
    clock.advanceTo(T0 + 9 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toEqual([]);
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['Telefon']));
    expect(electron.notifications[0]?.options.body).toBe('Termin zadania teraz (08:10, w domu 09:10)');
  });

  it('on Linux the notices carry no buttons (the OS would not show them)', async () => {
    const { call, clock, electron } = await bootRunning({ platform: 'linux' });
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(electron.notifications).toHaveLength(1));
    expect(electron.notifications[0]?.options.actions).toBeUndefined();
  });

  it('speaks Polish on a Polish system', async () => {
    const { call, clock, shown, electron } = await bootRunning({ locale: 'pl-PL', platform: 'darwin' });
    await call('reminders:set', reminders([task('9', 'Telefon', T0 + 10 * MIN, [T0 + 5 * MIN])]));
    clock.advanceTo(T0 + 5 * MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['Przypomnienie: Telefon']));
    expect(electron.notifications[0]?.options.body).toBe('Termin o 09:10');
    expect(electron.notifications[0]?.options.actions?.map((a) => a.text)).toEqual([
      'Przypomnij za 10 min',
      'Przypomnij za godzinę',
      'Przypomnij jutro',
      'Oznacz jako wykonane',
    ]);
  });
});
