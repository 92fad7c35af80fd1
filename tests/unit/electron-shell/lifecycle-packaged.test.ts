import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startShell } from '../../../src-main/electron/lifecycle';
import { createFakeElectron, fakeEvent, invokeEvent, type FakeWebContents } from '../../support/fake-electron';
import { createFakeUpdater } from '../../support/fake-updater';
import { tmp, useTempDir } from '../../support/temp-dir';
import { baseDir, APP_PAGE, fakeDemoCrm, boot } from './shell-harness';

/** The shell as shipped: no application menu or DevTools when packaged, and the dev server's address only in development. */
useTempDir('cs-shell-');

describe('the application menu and DevTools', () => {
  it.each(['linux', 'win32'] as const)('a packaged app on %s has no menu (no Reload, no DevTools shortcut) and cannot open DevTools', async (platform) => {
    const { electron } = await boot({ packaged: true, platform });
    expect(electron.Menu.applicationMenu).toBeNull();
    expect(electron.windows[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('a packaged app on macOS keeps only the app and Edit menus, so Cmd+C/V/X/A/Z still reach text fields', async () => {
    const { electron } = await boot({ packaged: true, platform: 'darwin' });
    const menu = electron.Menu.applicationMenu;
    if (menu === null || menu === 'electron-default') throw new Error(`expected our own menu, got ${String(menu)}`);
    expect(menu.items).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(electron.windows[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it("in dev, Electron's default menu (Reload, Toggle Developer Tools) and DevTools stay", async () => {
    const { electron } = await boot({ packaged: false });
    expect(electron.Menu.applicationMenu).toBe('electron-default');
    expect(electron.windows[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('the menu is set before the window exists', async () => {
    const electron = createFakeElectron({ packaged: true, userData: join(tmp, 'menu-order') });
    let menuWhenWindowCame: unknown = 'not yet';
    electron.app.on('web-contents-created', () => (menuWhenWindowCame = electron.Menu.applicationMenu));
    await startShell(electron, {
      argv: ['/usr/bin/cs-workspace'],
      devServerUrl: undefined,
      baseDir,
      startDemoCrm: fakeDemoCrm().start,
      log: () => {},
      platform: 'linux',
      loadUpdater: createFakeUpdater().load,
    });
    expect(menuWhenWindowCame).toBeNull();
  });
});

describe('the dev server (ELECTRON_RENDERER_URL)', () => {
  const DEV = 'http://localhost:5173/';
  /** Whether the shell lets the window navigate to `url` (the guard every WebContents gets). */
  const navigates = (contents: FakeWebContents | undefined, url: string) => {
    const event = fakeEvent({ url });
    contents?.emit('will-navigate', event);
    return !event.defaultPrevented;
  };

  it('in dev, is loaded and is the only page trusted', async () => {
    const { electron, logs } = await boot({ devServerUrl: DEV });
    const win = electron.windows[0];
    expect(win?.loaded).toEqual({ url: DEV });
    expect(await electron.ipcMain.invoke('app:info', invokeEvent(win?.webContents, `${DEV}#/summary`), {})).toMatchObject({ ok: true });
    expect(navigates(win?.webContents, `${DEV}#/feed`)).toBe(true);
    expect(logs.some((l) => l.includes('ELECTRON_RENDERER_URL'))).toBe(false);
  });

  it('when packaged, is ignored: the built page loads, the dev server is neither trusted nor reachable, and the log says so', async () => {
    const { electron, logs } = await boot({ packaged: true, devServerUrl: DEV });
    const win = electron.windows[0];
    expect(win?.loaded).toEqual({ url: APP_PAGE });
    expect(await electron.ipcMain.invoke('app:info', invokeEvent(win?.webContents, DEV), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await electron.ipcMain.invoke('app:info', invokeEvent(win?.webContents, APP_PAGE), {})).toMatchObject({ ok: true });
    expect(navigates(win?.webContents, DEV)).toBe(false);
    expect(logs).toContain('ELECTRON_RENDERER_URL is ignored: a packaged app loads only the files it ships with.');
  });
});
