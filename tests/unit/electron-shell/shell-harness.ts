import { join } from 'node:path';
import { vi } from 'vitest';
import type { CallInput } from '../../../shared/contract';
import type { Clock } from '../../../src-main/electron/desktop';
import { startShell, type StartDemoCrm } from '../../../src-main/electron/lifecycle';
import type { Rect } from '../../../src-main/desktop/window-state';
import { createFakeElectron, invokeEvent } from '../../support/fake-electron';
import { createFakeUpdater } from '../../support/fake-updater';
import { tmp } from '../../support/temp-dir';

/**
 * The Electron shell started on the typed fake: a demo CRM that only counts its starts, a
 * clock the test moves, and a fake electron-updater. One `boot` for every shell test.
 */
export const baseDir = '/opt/cs-workspace/out/main';
export const APP_PAGE = 'app://cs-workspace/index.html';
export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
export const ZONE = 'Europe/Warsaw';

/** Time that moves only when the test says, and the timers it would have fired. */
export function manualClock(start: number) {
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

export function fakeDemoCrm() {
  const close = vi.fn(async () => {});
  const start = vi.fn<StartDemoCrm>(async () => ({ url: 'http://127.0.0.1:41234', token: 'demo-token', close }));
  return { start, close };
}

export interface BootOptions {
  /** Whether this instance gets the single-instance lock (default true). */
  lock?: boolean;
  /** The whole command line; else `--data-dir <dataDir>` when given, else none. */
  argv?: string[];
  dataDir?: string;
  startDemoCrm?: StartDemoCrm;
  packaged?: boolean;
  devServerUrl?: string;
  platform?: NodeJS.Platform;
  locale?: string;
  displays?: Rect[];
}

export async function boot(opts: BootOptions = {}) {
  const electron = createFakeElectron({
    lock: opts.lock,
    packaged: opts.packaged,
    locale: opts.locale,
    displays: opts.displays,
    userData: join(tmp, 'user-data'),
  });
  const crm = fakeDemoCrm();
  const clock = manualClock(T0);
  const updates = createFakeUpdater();
  const logs: string[] = [];
  const shell = await startShell(electron, {
    argv: opts.argv ?? ['/usr/bin/cs-workspace', ...(opts.dataDir ? ['--data-dir', opts.dataDir] : [])],
    devServerUrl: opts.devServerUrl,
    baseDir,
    startDemoCrm: opts.startDemoCrm ?? crm.start,
    log: (line) => logs.push(line),
    platform: opts.platform ?? 'linux',
    clock,
    loadUpdater: updates.load,
  });
  const win = () => {
    const w = electron.windows[electron.windows.length - 1];
    if (!w) throw new Error('no window');
    return w;
  };
  const call = (name: Parameters<typeof electron.ipcMain.invoke>[0], input: unknown) =>
    electron.ipcMain.invoke(name, invokeEvent(win().webContents, APP_PAGE), input);
  const shown = () => electron.notifications.filter((n) => n.shown).map((n) => n.options.title);
  /** What main sent the page on a channel (an event of the contract). */
  const sent = (channel: string) =>
    win()
      .webContents.sent.filter((m) => m.channel === channel)
      .map((m) => m.args[0]);
  return { electron, shell, crm, logs, clock, updates, win, call, shown, sent, dataDir: shell?.dataDir ?? '' };
}

/** The shell of a test that needs it running (not the one that lost the single-instance lock). */
export async function bootRunning(opts: BootOptions = {}) {
  const booted = await boot(opts);
  if (!booted.shell) throw new Error('the shell did not start');
  return { ...booted, shell: booted.shell };
}

export const task = (id: string, subject: string, dueAt: number | null, reminders: number[] = []) => ({ id, subject, dueAt, reminders });
export const reminders = (tasks: CallInput<'reminders:set'>['tasks'], enabled = true) => ({ enabled, timeZone: ZONE, tasks });
