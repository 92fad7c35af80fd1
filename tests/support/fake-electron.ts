import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, NotificationConstructorOptions } from '../../src-main/electron/electron-types';
import type { ShellElectron } from '../../src-main/electron/lifecycle';
import type { ImageHandle } from '../../src-main/electron/tray';
import type { Rect } from '../../src-main/desktop/window-state';
import {
  fakeEvent,
  FakeMessageChannelMain,
  FakeWebContents,
  type FakeMenuItem,
  FakeMenu,
  FakeSession,
  createFakeIpcMain,
  createFakeProtocol,
  createFakeSafeStorage,
} from './fake-electron-parts';

export {
  fakeEvent,
  type WindowOpenHandler,
  FakeMessagePortMain,
  FakeMessageChannelMain,
  FakeWebContents,
  type FakeMenuItem,
  FakeMenu,
  FakeSession,
  invokeEvent,
  createFakeSafeStorage,
  createFakeRenderer,
} from './fake-electron-parts';

/**
 * The one fake of the Electron boundary. The Electron binary cannot run on our machines,
 * so tests hand this to the shell's factories instead of the `electron` module. It is typed
 * against the same interfaces the real module is checked against in src-main/index.ts,
 * and it mimics the Electron behaviour the shell relies on (close events that can be
 * prevented, `web-contents-created` for every new window, quit → before-quit → will-quit).
 */

export function createFakeElectron(opts: { lock?: boolean; locale?: string; userData?: string; packaged?: boolean; displays?: Rect[] } = {}) {
  const paths = new Map<string, string>([['userData', opts.userData ?? '/fake/user-data']]);

  class FakeApp extends EventEmitter {
    /** Set once `whenReady()` was called: Electron's APIs that care about ready check it. */
    ready = false;
    locale = opts.locale ?? 'en-US';
    /** Electron's app.isPackaged: true when running from an installed build, not `electron .`. */
    readonly isPackaged = opts.packaged ?? false;
    logsPath: string | undefined;
    quitCalls = 0;
    /** What `setLoginItemSettings` was last given (Electron keeps it in the OS). */
    openAtLogin = false;
    /** True once quit got past `will-quit` (the real app would exit here). */
    exited = false;

    requestSingleInstanceLock(): boolean {
      return opts.lock ?? true;
    }
    whenReady(): Promise<void> {
      this.ready = true;
      return Promise.resolve();
    }
    getPath(name: string): string {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`fake app has no path "${name}"`);
      return path;
    }
    setPath(name: string, path: string): void {
      paths.set(name, path);
    }
    setAppLogsPath(path?: string): void {
      this.logsPath = path;
    }
    getLocale(): string {
      return this.locale;
    }
    getName(): string {
      return 'CS Workspace';
    }
    getVersion(): string {
      return '0.1.0';
    }
    setLoginItemSettings(settings: { openAtLogin: boolean }): void {
      this.openAtLogin = settings.openAtLogin;
    }
    getLoginItemSettings(): { openAtLogin: boolean } {
      return { openAtLogin: this.openAtLogin };
    }
    /** Schemes registered as this app's with the OS. */
    protocolClients: string[] = [];
    setAsDefaultProtocolClient(protocol: string): boolean {
      this.protocolClients.push(protocol);
      return true;
    }
    /** Like Electron: before-quit (which may be prevented), then windows close, then will-quit, which may be prevented. */
    quit(): void {
      this.quitCalls++;
      const beforeQuit = fakeEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      for (const win of windows) if (!win.isDestroyed()) win.close();
      const willQuit = fakeEvent();
      this.emit('will-quit', willQuit);
      if (!willQuit.defaultPrevented) this.exited = true;
    }
  }
  const app = new FakeApp();

  const windows: FakeBrowserWindow[] = [];
  /** The monitors' work areas; a test unplugs one by changing this list. */
  const displays: Array<{ workArea: Rect }> = (opts.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea) => ({ workArea }));
  const screen = { getAllDisplays: () => displays.map((d) => ({ workArea: { ...d.workArea } })) };
  /** What "Copy diagnostics" last put on the clipboard. */
  const clipboard = {
    text: '',
    writeText(text: string): void {
      clipboard.text = text;
    },
  };
  /** Message boxes shown, and the button index the next one answers (a test sets it). */
  const dialog = {
    shown: [] as Array<{ message: string; detail?: string; buttons?: string[] }>,
    answer: 0,
    showMessageBoxSync(options: { message: string; detail?: string; buttons?: string[] }): number {
      dialog.shown.push({
        message: options.message,
        ...(options.detail ? { detail: options.detail } : {}),
        ...(options.buttons ? { buttons: options.buttons } : {}),
      });
      return dialog.answer;
    },
  };
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    visible = false;
    focused = false;
    minimized = false;
    maximized = false;
    destroyed = false;
    /** Where the window is; the user moving it is a test setting this. */
    bounds: Rect;
    loaded: { url: string } | null = null;

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      const width = options.width ?? 800;
      const height = options.height ?? 600;
      // Electron centres a window given no position on the primary display.
      const primary = displays[0]?.workArea ?? { x: 0, y: 0, width: 1920, height: 1080 };
      this.bounds = {
        x: options.x ?? primary.x + Math.round((primary.width - width) / 2),
        y: options.y ?? primary.y + Math.round((primary.height - height) / 2),
        width,
        height,
      };
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    loadURL(url: string): Promise<void> {
      this.loaded = { url };
      return Promise.resolve();
    }
    /** The user (or quit) closing the window: destroyed unless a listener prevents it. */
    close(): void {
      const event = fakeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) {
        this.destroyed = true;
        this.webContents.destroyed = true;
      }
    }
  }

  const ipcMain = createFakeIpcMain();

  const defaultSession = new FakeSession();

  const protocol = createFakeProtocol(() => app.ready);

  const shell = {
    opened: [] as string[],
    openExternal(url: string): Promise<void> {
      shell.opened.push(url);
      return Promise.resolve();
    },
  };

  const trays: FakeTray[] = [];
  class FakeTray extends EventEmitter {
    toolTip = '';
    menu: FakeMenu | null = null;
    constructor(readonly image: ImageHandle) {
      super();
      trays.push(this);
    }
    setToolTip(toolTip: string): void {
      this.toolTip = toolTip;
    }
    setContextMenu(menu: FakeMenu | null): void {
      this.menu = menu;
    }
  }
  const Menu = {
    /** The application menu: Electron's own default (with Reload and DevTools) until the app sets one, or none (null). */
    applicationMenu: 'electron-default' as FakeMenu | null | 'electron-default',
    buildFromTemplate: (template: FakeMenuItem[]) => new FakeMenu(template),
    setApplicationMenu(menu: FakeMenu | null): void {
      Menu.applicationMenu = menu;
    },
  };
  // Electron's Tray also takes a string; the fake image is the data URL itself.
  const nativeImage = { createFromDataURL: (dataURL: string) => dataURL };

  const notifications: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static supported = true;
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    shown = false;
    constructor(readonly options: NotificationConstructorOptions) {
      super();
      notifications.push(this);
    }
    show(): void {
      this.shown = true;
    }
  }

  const net = {
    online: true,
    isOnline: () => net.online,
  };
  /** Electron's powerMonitor: events by hand, battery and presence as plain fields a test sets. */
  const presence: { onBattery: boolean; idleState: 'active' | 'idle' | 'locked' | 'unknown' } = { onBattery: false, idleState: 'active' };
  const powerMonitor = Object.assign(new EventEmitter(), presence, {
    isOnBatteryPower: () => powerMonitor.onBattery,
    getSystemIdleState: (_threshold: number) => powerMonitor.idleState,
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    MessageChannelMain: FakeMessageChannelMain,
    session: { defaultSession },
    protocol,
    shell,
    Tray: FakeTray,
    Menu,
    nativeImage,
    Notification: FakeNotification,
    net,
    powerMonitor,
    safeStorage: createFakeSafeStorage(),
    dialog,
    screen,
    nativeTheme: { themeSource: 'system' },
    clipboard,
  } satisfies ShellElectron;

  return { ...electron, windows, trays, notifications, paths, displays };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
