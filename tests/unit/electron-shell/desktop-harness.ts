import { join } from 'node:path';
import type { CallInput } from '../../../shared/contract';
import { startShell, type StartDemoCrm } from '../../../src-main/electron/lifecycle';
import type { Clock } from '../../../src-main/electron/desktop';
import { tmp } from '../../support/temp-dir';
import { createFakeElectron, invokeEvent } from '../../support/fake-electron';
import type { Rect } from '../../../src-main/desktop/window-state';

/** The running shell of the desktop tests, on the typed Electron fake and a clock the test moves. */

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
export const APP_PAGE = 'app://cs-workspace/index.html';
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

export const fakeCrm: StartDemoCrm = async () => ({ url: 'http://127.0.0.1:41234', token: 't', close: async () => {} });

export async function boot(opts: { platform?: NodeJS.Platform; locale?: string; displays?: Rect[]; dataDir?: string } = {}) {
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

export const task = (id: string, subject: string, dueAt: number | null, reminders: number[] = []) => ({ id, subject, dueAt, reminders });
export const reminders = (tasks: CallInput<'reminders:set'>['tasks'], enabled = true) => ({ enabled, timeZone: ZONE, tasks });
