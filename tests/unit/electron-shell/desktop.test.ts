import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeEvent } from '../../support/fake-electron';
import { SAVE_BOUNDS_DELAY_MS } from '../../../src-main/electron/main-window';
import type { Rect } from '../../../src-main/desktop/window-state';
import { tmp, useTempDir } from '../../support/temp-dir';
import { MIN, T0, bootRunning, reminders } from './shell-harness';

/**
 * The desktop at the shell's boundary (reminders: desktop-reminders.test.ts): the tray's status, the quit warning, the hide-to-tray
 * notice, the window's place, launch at login and the single instance — with the typed fake.
 */

useTempDir('cs-desktop-');

describe('the tray in the running shell', () => {
  it("shows the page's status and its Sync now asks the page to sync", async () => {
    const { call, electron, win } = await bootRunning();
    await call('desktop:setStatus', { pendingEdits: 2, nextDue: { id: '9', subject: 'Call Acme', dueAt: T0 + 30 * MIN } });
    await call('reminders:set', reminders([]));
    const menu = electron.trays[0]?.menu;
    expect(menu?.labels().slice(0, 2)).toEqual(['2 edits waiting to sync', expect.stringMatching(/^Next: Call Acme \(/)]);
    menu?.item('Sync now').click();
    expect(win().webContents.sent).toContainEqual({ channel: 'onDidRequestSync', args: [{}] });
  });

  it('refuses a status that is not one (the contract checks it)', async () => {
    const { call } = await bootRunning();
    expect(await call('desktop:setStatus', { pendingEdits: -1, nextDue: null })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the theme chosen in Settings', () => {
  it('sets what the OS draws for the app (nativeTheme), and a theme that is not one changes nothing', async () => {
    const { call, electron } = await bootRunning();
    expect(electron.nativeTheme.themeSource).toBe('system');
    expect(await call('desktop:setTheme', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(electron.nativeTheme.themeSource).toBe('dark');
    expect(await call('desktop:setTheme', { theme: 'sepia' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(electron.nativeTheme.themeSource).toBe('dark');
    await call('desktop:setTheme', { theme: 'system' });
    expect(electron.nativeTheme.themeSource).toBe('system');
  });
});

describe('closing and quitting', () => {
  it('closing hides to the tray, and the first time only one line says so (remembered across restarts)', async () => {
    const dataDir = join(tmp, 'notice');
    const { electron, win } = await bootRunning({ dataDir });
    win().close();
    expect(win().visible).toBe(false);
    win().show();
    win().close();
    expect(electron.notifications.map((n) => n.options.title)).toEqual(['CS Workspace is still running']);
    const again = await bootRunning({ dataDir });
    again.win().close();
    expect(again.electron.notifications).toEqual([]);
  });

  it('quitting with pending edits warns; Cancel keeps the app, "Quit anyway" quits', async () => {
    const { call, electron, win } = await bootRunning();
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
    const { call, electron } = await bootRunning();
    await call('desktop:setStatus', { pendingEdits: 0, nextDue: null });
    electron.trays[0]?.menu?.item('Quit').click();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(electron.dialog.shown).toEqual([]);
  });

  it('a second launch brings the window forward and focuses it', async () => {
    const { electron, win } = await bootRunning();
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
    const first = await bootRunning({ dataDir, displays: twoMonitors });
    first.win().bounds = { x: 2100, y: 100, width: 1400, height: 900 };
    first.win().maximized = true;
    first.win().close();
    expect(JSON.parse(readFileSync(join(dataDir, 'desktop.json'), 'utf8'))).toMatchObject({
      window: { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true },
    });
    const second = await bootRunning({ dataDir, displays: twoMonitors });
    expect(second.win().options).toMatchObject({ x: 2100, y: 100, width: 1400, height: 900 });
    second.win().emit('ready-to-show');
    expect(second.win().maximized).toBe(true);
  });

  it('are saved a moment after the window was moved or resized, so a killed app keeps them', async () => {
    const dataDir = join(tmp, 'moved');
    const { win, clock } = await bootRunning({ dataDir });
    const saved = () => (JSON.parse(readFileSync(join(dataDir, 'desktop.json'), 'utf8')) as { window?: unknown }).window;
    win().bounds = { x: 10, y: 20, width: 1000, height: 700 };
    win().emit('move');
    win().bounds = { x: 40, y: 50, width: 1100, height: 750 };
    win().emit('resize');
    clock.advanceTo(T0 + SAVE_BOUNDS_DELAY_MS - 1);
    expect(existsSync(join(dataDir, 'desktop.json')) ? saved() : undefined).toBeUndefined();
    clock.advanceTo(T0 + 2 * SAVE_BOUNDS_DELAY_MS);
    expect(saved()).toEqual({ bounds: { x: 40, y: 50, width: 1100, height: 750 }, maximized: false });
  });

  it('open at the default place when the monitor they were on is gone', async () => {
    const dataDir = join(tmp, 'unplugged');
    const first = await bootRunning({ dataDir, displays: twoMonitors });
    first.win().bounds = { x: 2100, y: 100, width: 1400, height: 900 };
    first.win().close();
    const second = await bootRunning({ dataDir, displays: [{ x: 0, y: 0, width: 1920, height: 1080 }] });
    expect(second.win().options.x).toBeUndefined();
    expect(second.win().options).toMatchObject({ width: 1280, height: 860 });
  });
});

describe('launch at login', () => {
  it.each(['darwin', 'win32'] as const)('is opt-in on %s and set through the OS', async (platform) => {
    const { call, electron } = await bootRunning({ platform });
    expect(await call('desktop:loginItem', {})).toEqual({ ok: true, data: { supported: true, enabled: false } });
    expect(await call('desktop:setLoginItem', { enabled: true })).toEqual({ ok: true, data: { supported: true, enabled: true } });
    expect(electron.app.openAtLogin).toBe(true);
    expect(await call('desktop:setLoginItem', { enabled: false })).toEqual({ ok: true, data: { supported: true, enabled: false } });
  });

  it('is unsupported on Linux', async () => {
    const { call, electron } = await bootRunning({ platform: 'linux' });
    expect(await call('desktop:loginItem', {})).toEqual({ ok: true, data: { supported: false, enabled: false } });
    expect(await call('desktop:setLoginItem', { enabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(electron.app.openAtLogin).toBe(false);
  });
});

describe('copy diagnostics', () => {
  it('puts a report on the clipboard: versions, OS, sync state, outbox size, the log tail — no content', async () => {
    const { call, electron } = await bootRunning();
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
