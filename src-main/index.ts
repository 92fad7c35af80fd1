import {
  BrowserWindow,
  Menu,
  MessageChannelMain,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { UsageError } from './crm/hubspot-url';
import { DEMO_ACTIVITY_EVERY_MS, startDemoCrm } from './demo-crm';
import { startShell } from './electron/lifecycle';

/**
 * The Electron entry: the only place the real `electron` module is handed to the shell.
 * The lifecycle itself (data folder, single-instance lock, ready chain, quit) lives in
 * electron/lifecycle.ts so tests can drive it with a fake Electron.
 */
const log = (line: string) => console.error(`[cs-workspace] ${line}`);

startShell(
  {
    app,
    BrowserWindow,
    ipcMain,
    MessageChannelMain,
    session,
    protocol,
    shell,
    Tray,
    Menu,
    nativeImage,
    nativeTheme,
    Notification,
    net,
    powerMonitor,
    safeStorage,
    dialog,
    clipboard,
    // Electron's screen may be touched only once the app is ready: read when first used.
    get screen() {
      return screen;
    },
  },
  {
    argv: process.argv,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    // This file is bundled to out/main/index.js; the preload and renderer are built beside it.
    baseDir: import.meta.dirname,
    // The embedded demo CRM makes new activity now and then, so the Feed has news.
    startDemoCrm: (o) => startDemoCrm({ ...o, activityEveryMs: DEMO_ACTIVITY_EVERY_MS }),
    log,
    // Loaded on the first check of an installed app only. electron-updater is CommonJS and its
    // `autoUpdater` a getter, which Node's ESM loader does not offer as a named export.
    loadUpdater: async () => ((await import('electron-updater')) as unknown as { default: typeof import('electron-updater') }).default.autoUpdater,
  },
).catch((err: unknown) => {
  // A wrong command line (e.g. --hubspot-url http://crm.example.com) says why in one line.
  if (err instanceof UsageError) {
    log(err.message);
    app.exit(err.exitCode);
    return;
  }
  log(`startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  app.exit(1);
});
