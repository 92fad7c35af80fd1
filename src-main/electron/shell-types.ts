import type { App, SafeStorage, Shell } from 'electron';
import type { ConnectionManager } from '../crm/connection';
import type { AppUpdaterLike, Updates } from '../desktop/updates';
import type { AppMenuDeps } from './app-menu';
import type { AppProtocolLike } from './app-protocol';
import type { MessageChannelMainCtor } from './crm-port';
import type { Clock, DialogLike, NativeThemeLike, ScreenLike } from './desktop';
import type { PreventableEvent } from './events';
import type { IpcMainLike } from './ipc';
import type { BrowserWindowCtor, MainWindow } from './main-window';
import type { GuardedContents, SessionLike } from './security';
import type { NotificationCtor, PowerMonitorLike } from './services';
import type { AppTray, TrayDeps } from './tray';

/**
 * The slice of the `electron` module the shell uses. index.ts passes the real module, so
 * the compiler proves Electron satisfies it; tests pass tests/support/fake-electron.ts.
 */
export interface ShellApp extends Pick<
  App,
  'isPackaged' | 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'getPath' | 'setPath' | 'setAppLogsPath' | 'getLocale' | 'getName' | 'getVersion'
> {
  on(event: 'activate' | 'window-all-closed', listener: () => void): unknown;
  /** A second launch; its command line may carry a `cs-workspace://` link (Windows, Linux). */
  on(event: 'second-instance', listener: (event: PreventableEvent, argv: string[]) => void): unknown;
  /** macOS hands a `cs-workspace://` link over this way (electron/deep-links.ts). */
  on(event: 'open-url', listener: (event: PreventableEvent, url: string) => void): unknown;
  setAsDefaultProtocolClient(protocol: string): boolean;
  on(event: 'before-quit' | 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  /** Launch at login (macOS, Windows). */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  getLoginItemSettings(): { openAtLogin: boolean };
  on(event: 'web-contents-created', listener: (event: PreventableEvent, contents: GuardedContents) => void): unknown;
}

export interface ShellElectron extends Pick<TrayDeps, 'Tray' | 'nativeImage'> {
  app: ShellApp;
  /** The tray's context menu and the application menu. */
  Menu: TrayDeps['Menu'] & AppMenuDeps['Menu'];
  BrowserWindow: BrowserWindowCtor;
  ipcMain: IpcMainLike;
  MessageChannelMain: MessageChannelMainCtor;
  session: { readonly defaultSession: SessionLike };
  /** app://cs-workspace/, the built renderer's origin. */
  protocol: AppProtocolLike;
  shell: Pick<Shell, 'openExternal'>;
  Notification: NotificationCtor;
  net: { isOnline(): boolean };
  powerMonitor: PowerMonitorLike;
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  /** The quit-with-pending-edits warning. */
  dialog: DialogLike;
  /** Where the displays are, so a saved window position is restored only onto one. Used after ready. */
  screen: ScreenLike;
  /** Follows the theme chosen in Settings (desktop:setTheme). */
  nativeTheme: NativeThemeLike;
  /** "Copy diagnostics" puts the report here. */
  clipboard: { writeText(text: string): void };
}

/** The demo CRM's entry point (src-main/demo-crm), injected so tests need no server. */
export type StartDemoCrm = (opts: { port: number; dataDir: string }) => Promise<{
  url: string;
  token: string;
  close(): Promise<void> | void;
}>;

export interface ShellOptions {
  /** `--data-dir <dir>`, `--hubspot-url <url>` (a bad value rejects with a UsageError: exit code 2). */
  argv: readonly string[];
  /** ELECTRON_RENDERER_URL, set by electron-vite in dev; ignored when the app is packaged. */
  devServerUrl: string | undefined;
  /** Folder of the bundled main script (out/main). */
  baseDir: string;
  startDemoCrm: StartDemoCrm;
  log: (line: string) => void;
  /** `process.platform` unless a test plays another system. */
  platform?: NodeJS.Platform;
  /** The reminders' clock and timers; tests play sleep and time with it. */
  clock?: Clock;
  /** electron-updater's `autoUpdater`, loaded on the first check of a packaged app only. */
  loadUpdater: () => Promise<AppUpdaterLike>;
}

export interface RunningShell {
  dataDir: string;
  mainWindow: MainWindow;
  /** Held so the tray icon is not garbage-collected. */
  tray: AppTray;
  /** Settles once the saved connection is restored (or failed to, which is logged). */
  crmReady: Promise<unknown>;
  /** Connect / disconnect; the choice and the token survive restarts (safeStorage). */
  connections: ConnectionManager;
  updates: Updates;
}
