import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallInput } from '../../../shared/contract';
import { startShell, type StartDemoCrm } from '../../../src-main/electron/lifecycle';
import type { Clock } from '../../../src-main/electron/desktop';
import { createFakeElectron, fakeEvent, invokeEvent } from '../../support/fake-electron';
import type { Rect } from '../../../src-main/desktop/window-state';

/**
 * Issue 20 at the shell's boundary: the tray's status, reminders owned by main (across a
 * renderer crash and a simulated sleep), their actions, the quit warning, the hide-to-tray
 * notice, the window's place, launch at login and the single instance — with the typed fake.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const APP_PAGE = 'app://cs-workspace/index.html';
const ZONE = 'Europe/Warsaw';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cs-desktop-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Time that moves only when the test says, and the timers it would have fired. */
function manualClock(start: number) {
  let now = start;
  let timers: Array<{ id: number; at: number; fn: () => void }> = [];
  let nextId = 1;
  const clock: Clock & { advanceTo(t: number): void; jumpTo(t: number): void } = {
    now: () => now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.push({ id, at: now + ms, fn });
      return id;
    },
    clearTimer(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    /** The clock runs to `t`, firing the timers due on the way. */
    advanceTo(t) {
      now = t;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
    /** The machine slept: the clock jumps and no timer fired meanwhile. */
    jumpTo(t) {
      now = t;
    },
  };
  return clock;
}

const fakeCrm: StartDemoCrm = async () => ({ url: 'http://127.0.0.1:41234', token: 't', close: async () => {} });

async function boot(opts: { platform?: NodeJS.Platform; locale?: string; displays?: Rect[]; dataDir?: string } = {}) {
  const electron = createFakeElectron({ locale: opts.locale, displays: opts.displays, userData: join(tmp, 'user-data') });
  const clock = manualClock(T0);
  const dataDir = opts.dataDir ?? join(tmp, 'data');
  const shell = await startShell(electron, {
    argv: ['/usr/bin/cs-workspace', '--data-dir', dataDir],
    devServerUrl: undefined,
    baseDir: '/opt/cs-workspace/out/main',
    startDemoCrm: fakeCrm,
    log: () => {},
    platform: opts.platform ?? 'linux',
    clock,
  });
  if (!shell) throw new Error('the shell did not start');
  const win = () => {
    const w = electron.windows[electron.windows.length - 1];
    if (!w) throw new Error('no window');
    return w;
  };
  const call = (name: Parameters<typeof electron.ipcMain.invoke>[0], input: unknown) =>
    electron.ipcMain.invoke(name, invokeEvent(win().webContents, APP_PAGE), input);
  const shown = () => electron.notifications.filter((n) => n.shown).map((n) => n.options.title);
  return { electron, shell, clock, win, call, shown, dataDir };
}

const task = (id: string, subject: string, dueAt: number | null, reminders: number[] = []) => ({ id, subject, dueAt, reminders });
const reminders = (tasks: CallInput<'reminders:set'>['tasks'], enabled = true) => ({ enabled, timeZone: ZONE, tasks });

describe('reminders owned by the main process', () => {
  it('announces a due task once at its time, and drops the page-runner copy of it (one runner announces)', async () => {
    const { call, clock, shown, electron } = await boot();
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
    const { call, clock, shown, electron, win } = await boot();
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
    const { call, clock, shown, electron } = await boot();
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
    const { call, clock, shown } = await boot();
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)], false));
    clock.advanceTo(T0 + 11 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toEqual([]);
  });

  it('keeps its record across restarts: a restart does not announce a task again', async () => {
    const dataDir = join(tmp, 'kept');
    const first = await boot({ dataDir });
    await first.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    first.clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(first.shown()).toEqual(['Call Acme']));
    const second = await boot({ dataDir });
    await second.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    second.clock.advanceTo(T0 + 12 * MIN);
    await new Promise((r) => setTimeout(r, 50));
    expect(second.shown()).toEqual([]);
    expect(existsSync(join(dataDir, 'notify', 'announced.json'))).toBe(true);
  });

  it('on macOS: snooze 10 min announces again; "Mark complete" waits in main for the page, once, and stops the reminders', async () => {
    const { call, clock, shown, electron, win } = await boot({ platform: 'darwin' });
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
    await vi.waitFor(() => expect(shown().sort()).toEqual(['Call Acme', 'Reminder: Call Acme', 'Send deck']));
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
    const first = await boot({ platform: 'darwin', dataDir });
    await first.call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    first.clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(first.electron.notifications).toHaveLength(1));
    first.electron.notifications[0]?.emit('action', fakeEvent(), 3);
    const second = await boot({ platform: 'darwin', dataDir });
    expect(await second.call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [{ taskId: '9', action: 'complete' }], open: null } });
    const third = await boot({ platform: 'darwin', dataDir });
    expect(await third.call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: null } });
  });

  it('a queued action nudges a page that is there', async () => {
    const { call, clock, electron, win } = await boot({ platform: 'darwin' });
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(electron.notifications).toHaveLength(1));
    electron.notifications[0]?.emit('action', fakeEvent(), 3);
    expect(win().webContents.sent).toContainEqual({ channel: 'onDidRequestTaskAction', args: [{}] });
  });

  it('on Linux the notices carry no buttons (the OS would not show them)', async () => {
    const { call, clock, electron } = await boot({ platform: 'linux' });
    await call('reminders:set', reminders([task('9', 'Call Acme', T0 + 10 * MIN)]));
    clock.advanceTo(T0 + 10 * MIN);
    await vi.waitFor(() => expect(electron.notifications).toHaveLength(1));
    expect(electron.notifications[0]?.options.actions).toBeUndefined();
  });

  it('speaks Polish on a Polish system', async () => {
    const { call, clock, shown, electron } = await boot({ locale: 'pl-PL', platform: 'darwin' });
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

describe('the tray in the running shell', () => {
  it("shows the page's status and its Sync now asks the page to sync", async () => {
    const { call, electron, win } = await boot();
    await call('desktop:setStatus', { pendingEdits: 2, nextDue: { id: '9', subject: 'Call Acme', dueAt: T0 + 30 * MIN } });
    await call('reminders:set', reminders([]));
    const menu = electron.trays[0]?.menu;
    expect(menu?.labels().slice(0, 2)).toEqual(['2 edits waiting to sync', expect.stringMatching(/^Next: Call Acme \(/)]);
    menu?.item('Sync now').click();
    expect(win().webContents.sent).toContainEqual({ channel: 'onDidRequestSync', args: [{}] });
  });

  it('refuses a status that is not one (the contract checks it)', async () => {
    const { call } = await boot();
    expect(await call('desktop:setStatus', { pendingEdits: -1, nextDue: null })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('closing and quitting', () => {
  it('closing hides to the tray, and the first time only one line says so (remembered across restarts)', async () => {
    const dataDir = join(tmp, 'notice');
    const { electron, win } = await boot({ dataDir });
    win().close();
    expect(win().visible).toBe(false);
    win().show();
    win().close();
    expect(electron.notifications.map((n) => n.options.title)).toEqual(['CS Workspace is still running']);
    const again = await boot({ dataDir });
    again.win().close();
    expect(again.electron.notifications).toEqual([]);
  });

  it('quitting with pending edits warns; Cancel keeps the app, "Quit anyway" quits', async () => {
    const { call, electron, win } = await boot();
    await call('desktop:setStatus', { pendingEdits: 3, nextDue: null });
    electron.dialog.answer = 1;
    electron.trays[0]?.menu?.item('Quit').click();
    expect(electron.dialog.shown).toEqual([
      {
        message: '3 edits have not reached the CRM yet.',
        detail: 'They stay saved on this computer and are sent the next time CS Workspace runs and is online.',
        buttons: ['Quit anyway', 'Cancel'],
      },
    ]);
    expect(win().isDestroyed()).toBe(false);
    expect(electron.app.exited).toBe(false);
    electron.dialog.answer = 0;
    electron.trays[0]?.menu?.item('Quit').click();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    // Asked once per quit: the quit's own second pass (after the demo CRM closed) does not ask again.
    expect(electron.dialog.shown).toHaveLength(2);
  });

  it('quitting with nothing pending does not ask', async () => {
    const { call, electron } = await boot();
    await call('desktop:setStatus', { pendingEdits: 0, nextDue: null });
    electron.trays[0]?.menu?.item('Quit').click();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(electron.dialog.shown).toEqual([]);
  });

  it('a second launch brings the window forward and focuses it', async () => {
    const { electron, win } = await boot();
    win().close();
    electron.app.emit('second-instance', fakeEvent(), ['/usr/bin/cs-workspace'], '/home/user', {});
    expect(win().visible).toBe(true);
    expect(win().focused).toBe(true);
  });
});

describe('the window position and size', () => {
  const twoMonitors: Rect[] = [
    { x: 0, y: 0, width: 1920, height: 1080 },
    { x: 1920, y: 0, width: 2560, height: 1440 },
  ];

  it('are restored where a display still is (the second monitor), maximized if it was', async () => {
    const dataDir = join(tmp, 'win');
    const first = await boot({ dataDir, displays: twoMonitors });
    first.win().bounds = { x: 2100, y: 100, width: 1400, height: 900 };
    first.win().maximized = true;
    first.win().close();
    expect(JSON.parse(readFileSync(join(dataDir, 'desktop.json'), 'utf8'))).toMatchObject({
      window: { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true },
    });
    const second = await boot({ dataDir, displays: twoMonitors });
    expect(second.win().options).toMatchObject({ x: 2100, y: 100, width: 1400, height: 900 });
    second.win().emit('ready-to-show');
    expect(second.win().maximized).toBe(true);
  });

  it('open at the default place when the monitor they were on is gone', async () => {
    const dataDir = join(tmp, 'unplugged');
    const first = await boot({ dataDir, displays: twoMonitors });
    first.win().bounds = { x: 2100, y: 100, width: 1400, height: 900 };
    first.win().close();
    const second = await boot({ dataDir, displays: [{ x: 0, y: 0, width: 1920, height: 1080 }] });
    expect(second.win().options.x).toBeUndefined();
    expect(second.win().options).toMatchObject({ width: 1280, height: 860 });
  });
});

describe('launch at login', () => {
  it.each(['darwin', 'win32'] as const)('is opt-in on %s and set through the OS', async (platform) => {
    const { call, electron } = await boot({ platform });
    expect(await call('desktop:loginItem', {})).toEqual({ ok: true, data: { supported: true, enabled: false } });
    expect(await call('desktop:setLoginItem', { enabled: true })).toEqual({ ok: true, data: { supported: true, enabled: true } });
    expect(electron.app.openAtLogin).toBe(true);
    expect(await call('desktop:setLoginItem', { enabled: false })).toEqual({ ok: true, data: { supported: true, enabled: false } });
  });

  it('is unsupported on Linux', async () => {
    const { call, electron } = await boot({ platform: 'linux' });
    expect(await call('desktop:loginItem', {})).toEqual({ ok: true, data: { supported: false, enabled: false } });
    expect(await call('desktop:setLoginItem', { enabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(electron.app.openAtLogin).toBe(false);
  });
});

describe('copy diagnostics', () => {
  it('puts a report on the clipboard: versions, OS, sync state, outbox size, the log tail — no content', async () => {
    const { call, electron } = await boot();
    const r = await call('app:copyDiagnostics', {
      sync: { phase: 'idle', running: false, lastSyncedAt: null, lastError: 'refused for ola@example.com' },
      outbox: { pending: 2, attention: 0, conflicts: 1 },
    });
    expect(r).toMatchObject({ ok: true, data: { copied: true } });
    const text = electron.clipboard.text;
    expect(text).toMatch(/^CS Workspace 0\.1\.0 \(electron host\)\n/);
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toContain('Outbox: 2 pending, 0 need attention, 1 conflicts');
    expect(text).toContain('Sync error: refused for [email]');
    expect(text).not.toContain('ola@example.com');
  });
});
