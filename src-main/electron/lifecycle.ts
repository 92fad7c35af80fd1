import { join } from 'node:path';
import { createConnectionManager } from '../crm/connection';
import { oauthConfigFor, readOAuthFile } from '../crm/oauth/config';
import { createCrmGateway, createCrmTransport } from '../crm/gateway';
import { createHubspotUrlSetting, hubspotUrlArg } from '../crm/hubspot-url';
import { createUpdates } from '../desktop/updates';
import { createLogTail, processDiagnostics } from '../host/diagnostics';
import { createDispatcher } from '../host/dispatch';
import { createExportStore } from '../host/export-files';
import { createHostHandlers } from '../host/handlers';
import { createFileLog } from '../logging/file-log';
import { applyAppMenu } from './app-menu';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { createAppUrl, devServerFor } from './app-url';
import { createPersistentConnectionStore } from './connection-store';
import { createPersistentPortalStore } from './portal-store';
import { useDataDir } from './data-dir';
import { watchDeepLinks } from './deep-links';
import { createWindowEvents, registerIpc } from './ipc';
import { createMainWindow, type MainWindow } from './main-window';
import { createDesktop } from './desktop';
import { createSecretStore } from './secret-store';
import { applySecurity } from './security';
import { createExternalOpener, createNetworkMonitor, createNotifier, watchPower, watchResume } from './services';
import type { RunningShell, ShellElectron, ShellOptions, StartDemoCrm } from './shell-types';
import { createTray } from './tray';

export type { RunningShell, ShellApp, ShellElectron, ShellOptions, StartDemoCrm } from './shell-types';

/**
 * The app's lifecycle: data folder, single-instance lock, then on `ready` the hardening,
 * the services, IPC, the window and the tray; on quit, the demo CRM is closed first.
 * Resolves to null when another instance already owns the data folder.
 */
export async function startShell(electron: ShellElectron, opts: ShellOptions): Promise<RunningShell | null> {
  const { app } = electron;
  // Checked before anything is written: a wrong command line changes nothing.
  const hubspotCommandLine = hubspotUrlArg(opts.argv);
  const dataDir = useDataDir(app, opts.argv);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // What the app logs goes to the console and to <data>/logs/main.log (private to the user,
  // rotated by size); lines carry no personal data (links by their scheme only).
  const fileLog = createFileLog({ file: join(dataDir, 'logs', 'main.log') });
  const logTail = createLogTail();
  const log = (line: string) => {
    opts.log(line);
    fileLog.log(line);
    logTail.push(line);
  };

  let quitting = false;
  let mainWindow: MainWindow | null = null;
  // Set once ready: quitting with edits not yet in the CRM asks first (the tray's Quit, Cmd+Q, the OS).
  let confirmQuit: () => boolean = () => true;
  app.on('before-quit', (event) => {
    if (quitting) return;
    if (!confirmQuit()) {
      event.preventDefault();
      return;
    }
    quitting = true;
  });
  // cs-workspace:// links: checked, then opened once the window can take them.
  const links = watchDeepLinks({ app, argv: opts.argv, log });
  // A second launch (the lock is ours) brings this instance's window forward instead, with its link.
  app.on('second-instance', (_event, argv) => {
    mainWindow?.show();
    links.fromArgv(argv);
  });
  app.on('activate', () => mainWindow?.show());
  // Subscribing replaces Electron's default "quit when the last window closes": the app
  // lives in the tray. An explicit quit does not go through this event.
  app.on('window-all-closed', () => {});

  // A scheme's privileges can only be set before ready.
  registerAppScheme(electron.protocol);
  await app.whenReady();

  const devServerUrl = devServerFor({ isPackaged: app.isPackaged, devServerUrl: opts.devServerUrl, log });
  const appUrl = createAppUrl({ devServerUrl, baseDir: opts.baseDir });
  handleAppProtocol(electron.protocol, appUrl.rendererDir);
  applySecurity({ app, session: electron.session.defaultSession, shell: electron.shell, appUrl, log });
  // Before the window exists, so it never shows Electron's default menu (Reload, DevTools).
  applyAppMenu({ Menu: electron.Menu, isPackaged: app.isPackaged, platform: opts.platform ?? process.platform });

  // The demo CRM starts on first use (the user's choice, or a restored one), once.
  let demoCrm: Promise<Awaited<ReturnType<StartDemoCrm>>> | null = null;
  // One transport: the connection checks and the sync share its limits and its retries.
  const transport = createCrmTransport();
  // "Sign in with HubSpot" when the data folder's oauth.json sets it up (docs/oauth.md). HubSpot's
  // sign-in page opens in the system browser through the same checked opener as any link (https only).
  const oauthFile = readOAuthSetup(dataDir, log);
  const opener = createExternalOpener(electron.shell);
  const connections = createConnectionManager({
    ...(oauthFile ? { oauth: { config: (base: string) => oauthConfigFor(oauthFile, base), openBrowser: (url: string) => opener.open(url) } } : {}),
    transport,
    store: createPersistentConnectionStore({ secrets: createSecretStore({ safeStorage: electron.safeStorage, dataDir }), dataDir }),
    portals: createPersistentPortalStore({ safeStorage: electron.safeStorage, dataDir, log }),
    demo: {
      start: () => {
        if (demoCrm) return demoCrm;
        const starting = opts.startDemoCrm({ port: 0, dataDir: join(dataDir, 'demo-crm') });
        demoCrm = starting;
        // A failed start may be retried by the next connect.
        starting.catch(() => {
          if (demoCrm === starting) demoCrm = null;
        });
        return starting;
      },
    },
    // --hubspot-url wins over the address saved in Settings (hubspot-api.json), else HubSpot's own.
    hubspotUrl: createHubspotUrlSetting({ dataDir, commandLine: hubspotCommandLine, log }),
    log,
  });
  // Until the saved connection is back, calls get NOT_CONNECTED rather than waiting on startup.
  const crmReady = connections.restore().catch((err: unknown) => {
    log(`the saved CRM connection was not restored: ${err instanceof Error ? err.message : String(err)}`);
  });

  const mainContents = () => mainWindow?.contents() ?? null;
  const events = createWindowEvents(mainContents);
  const network = createNetworkMonitor({ net: electron.net, events });
  watchResume({ powerMonitor: electron.powerMonitor, events, network });
  const power = watchPower({ powerMonitor: electron.powerMonitor, events });
  const notifier = createNotifier({
    Notification: electron.Notification,
    onClick: (click) => {
      mainWindow?.show();
      events.emit('onDidClickNotification', click);
    },
  });
  const desktop = createDesktop({
    app,
    dialog: electron.dialog,
    screen: electron.screen,
    nativeTheme: electron.nativeTheme,
    Notification: electron.Notification,
    platform: opts.platform ?? process.platform,
    dataDir,
    events,
    showWindow: () => mainWindow?.show() ?? false,
    log,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  confirmQuit = desktop.confirmQuit;
  // Main owns due-task reminders here: what fell due during sleep comes as one group.
  electron.powerMonitor.on('resume', () => void desktop.reminders.resume());
  const appInfo = () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    host: 'electron' as const,
    locale: app.getLocale(),
  });
  // electron-updater runs only in an installed app; a development run never loads it.
  const updates = createUpdates({
    isPackaged: app.isPackaged,
    load: opts.loadUpdater,
    version: app.getVersion(),
    pendingEdits: desktop.pendingEdits,
    emit: (state) => events.emit('onDidChangeUpdate', state),
    log,
    ...(opts.clock ? { setTimer: opts.clock.setTimer } : {}),
  });
  const handlers = createHostHandlers({
    appInfo,
    diagnostics: processDiagnostics({ app: appInfo, crm: async () => connections.status(), recentLog: logTail.lines, clipboard: electron.clipboard }),
    crm: createCrmGateway({ connection: connections, transport }),
    connections,
    notifier: desktop.withoutTaskNotices(notifier),
    opener,
    network,
    exports: createExportStore(dataDir),
    // The tray's count of unsent edits also decides when an update may install.
    desktop: {
      ...desktop.host,
      setStatus(status) {
        desktop.host.setStatus(status);
        updates.pendingChanged(status.pendingEdits);
      },
    },
    updates,
  });
  // Handlers exist before the page loads, so its first calls never race them.
  registerIpc({
    ipcMain: electron.ipcMain,
    MessageChannelMain: electron.MessageChannelMain,
    dispatch: createDispatcher(handlers, log),
    appUrl,
    mainContents,
  });

  const window = createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    appUrl,
    baseDir: opts.baseDir,
    // DevTools only in dev: in an installed app they would open the page (and, through it,
    // the preload's API) to anyone at the keyboard.
    devTools: !app.isPackaged,
    isQuitting: () => quitting,
    log,
    initialState: desktop.window.initialState,
    onSaveState: desktop.window.onSaveState,
    onHidden: () => desktop.window.onHidden(notifier),
    ...(opts.clock ? { timers: opts.clock } : {}),
  });
  mainWindow = window;

  const tray = createTray({
    Tray: electron.Tray,
    Menu: electron.Menu,
    nativeImage: electron.nativeImage,
    locale: app.getLocale(),
    onShow: () => window.show(),
    onQuit: () => app.quit(),
    onSync: () => events.emit('onDidRequestSync', {}),
    onOpen: desktop.open,
  });
  desktop.attachTray(tray);
  links.attach(desktop.openLink, desktop.openAtStart);
  updates.start();

  // The demo CRM persists its data on close, so quitting waits for it once.
  let crmClosed = false;
  app.on('will-quit', (event) => {
    if (crmClosed) return;
    event.preventDefault();
    network.stop();
    power.stop();
    desktop.reminders.stop();
    Promise.resolve(demoCrm?.catch(() => null))
      .then((crm) => crm?.close())
      .catch((err: unknown) => log(`the demo CRM did not close cleanly: ${String(err)}`))
      .finally(() => {
        crmClosed = true;
        void fileLog.flush().finally(() => app.quit());
      });
  });

  return { dataDir, mainWindow: window, tray, crmReady, connections, updates };
}

/** oauth.json, or null; a file that does not parse is logged with its reason and sign-in is not offered (the app still starts). */
function readOAuthSetup(dataDir: string, log: (line: string) => void) {
  try {
    return readOAuthFile(dataDir);
  } catch (err) {
    log(`Sign in with HubSpot is off: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
