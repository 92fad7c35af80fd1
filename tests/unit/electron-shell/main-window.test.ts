import { describe, expect, it } from 'vitest';
import { createAppUrl } from '../../../src-main/electron/app-url';
import { createMainWindow } from '../../../src-main/electron/main-window';
import { createFakeElectron } from '../../support/fake-electron';
import { onAndOff } from '../../support/switches';

const baseDir = '/opt/cs-workspace/out/main';

function setup(opts: { devServerUrl?: string; devTools?: boolean } = {}) {
  const electron = createFakeElectron();
  let quitting = false;
  const logs: string[] = [];
  const mainWindow = createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    appUrl: createAppUrl({ devServerUrl: opts.devServerUrl, baseDir }),
    baseDir,
    devTools: opts.devTools ?? true,
    isQuitting: () => quitting,
    log: (line) => logs.push(line),
  });
  const win = electron.windows[0];
  if (!win) throw new Error('no window was created');
  return { electron, mainWindow, win, logs, quit: () => (quitting = true) };
}

describe('main window', () => {
  it('is created with the hardened webPreferences and the built preload', () => {
    const { win } = setup();
    const { preload, ...switches } = win.options.webPreferences ?? {};
    expect(preload).toBe('/opt/cs-workspace/out/preload/index.cjs');
    // Every switch is named (none left to Electron's default). The window hides to the tray, so
    // background throttling is off: its due-task timers and sync keep their pace.
    expect(onAndOff(switches)).toEqual({
      on: ['contextIsolation', 'devTools', 'sandbox', 'webSecurity'],
      off: ['allowRunningInsecureContent', 'backgroundThrottling', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'spellcheck', 'webviewTag'],
    });
  });

  it('cannot open DevTools when they are off (a packaged app)', () => {
    expect(setup({ devTools: false }).win.options.webPreferences?.devTools).toBe(false);
  });

  it('loads the built renderer from app://cs-workspace/, or the dev server when electron-vite gives one', () => {
    expect(setup().win.loaded).toEqual({ url: 'app://cs-workspace/index.html' });
    expect(setup({ devServerUrl: 'http://localhost:5173/' }).win.loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('is shown once ready, not before (no white flash)', () => {
    const { win } = setup();
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('hides instead of closing, so the app keeps running in the tray', () => {
    const { win } = setup();
    win.show();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.visible).toBe(false);
  });

  it('really closes once the app is quitting', () => {
    const { win, quit } = setup();
    quit();
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('show() brings a hidden or minimized window back and focuses it', () => {
    const { win, mainWindow } = setup();
    win.close();
    win.minimized = true;
    mainWindow.show();
    expect(win).toMatchObject({ visible: true, minimized: false, focused: true });
    expect(mainWindow.contents()).toBe(win.webContents);
  });

  it('show() makes a new window if the old one was destroyed', () => {
    const { electron, win, mainWindow, quit } = setup();
    quit();
    win.close();
    expect(mainWindow.contents()).toBeNull();
    mainWindow.show();
    expect(electron.windows).toHaveLength(2);
    expect(mainWindow.contents()).toBe(electron.windows[1]?.webContents);
  });
});
