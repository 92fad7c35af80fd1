import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { MessagePortMainLike } from '../../src-main/electron/crm-port';
import type { BrowserWindowConstructorOptions, HeadersReceivedResponse, NotificationConstructorOptions } from '../../src-main/electron/electron-types';
import type { InvokeEventLike } from '../../src-main/electron/ipc';
import type { ShellElectron } from '../../src-main/electron/lifecycle';
import type { ContextBridgeLike, IpcRendererLike } from '../../src-main/preload/host-api';
import type { PreloadApi, Result } from '../../shared/contract';
import type { RoleMenuItem } from '../../src-main/electron/app-menu';
import type { AppRequest, AppSchemePrivileges } from '../../src-main/electron/app-protocol';
import type { ImageHandle, TrayMenuItem, TraySeparator } from '../../src-main/electron/tray';
import type { Rect } from '../../src-main/desktop/window-state';

/**
 * The one fake of the Electron boundary. The Electron binary cannot run on our machines,
 * so tests hand this to the shell's factories instead of the `electron` module. It is typed
 * against the same interfaces the real module is checked against in src-main/index.ts,
 * and it mimics the Electron behaviour the shell relies on (close events that can be
 * prevented, `web-contents-created` for every new window, quit → before-quit → will-quit).
 */

/** An Electron-style event: `preventDefault()` plus whatever the real event carries. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  let prevented = false;
  return {
    ...fields,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** Electron's MessagePortMain over a real Node MessagePort (Node-style 'message' events of `{ data }`). */
export class FakeMessagePortMain implements MessagePortMainLike {
  constructor(readonly port: MessagePort) {}
  on(event: 'message', listener: (event: { data: unknown }) => void): this {
    this.port.on(event, (data: unknown) => listener({ data }));
    return this;
  }
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  start(): void {
    this.port.start();
  }
  close(): void {
    this.port.close();
  }
}

export class FakeMessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new FakeMessagePortMain(port1);
    this.port2 = new FakeMessagePortMain(port2);
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly posted: Array<{ channel: string; message: unknown; transfer: MessagePortMainLike[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  postMessage(channel: string, message: unknown, transfer: MessagePortMainLike[] = []): void {
    this.posted.push({ channel, message, transfer });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** What a page's `window.open(url)` would get. */
  open(url: string) {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }
}

/** One entry of a menu template: a labelled item (the tray's) or a role Electron fills in (the app menu's). */
export type FakeMenuItem = Partial<TrayMenuItem> & Partial<RoleMenuItem> & Partial<TraySeparator>;

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  item(label: string): TrayMenuItem {
    const found = this.items.find((i) => i.label === label);
    if (!found?.click) throw new Error(`no menu item "${label}" in ${this.items.map((i) => i.label ?? i.role).join(', ')}`);
    return { label, click: found.click, ...(found.enabled === undefined ? {} : { enabled: found.enabled }) };
  }
  /** The labels as the menu shows them, a separator as '---'. */
  labels(): string[] {
    return this.items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? i.role ?? '')));
  }
}

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: HeadersReceivedResponse) => void) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: PermissionCheckHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheck = handler;
  }
  /** Runs a response through the installed listener and returns what it answered. */
  respond(details: { url: string; responseHeaders?: Record<string, string[]> }): HeadersReceivedResponse {
    let answer: HeadersReceivedResponse | undefined;
    this.headersListener?.(details, (response) => (answer = response));
    if (!answer) throw new Error('the headers listener did not answer');
    return answer;
  }
  /** Asks the permission request handler, as a page's permission prompt would. */
  requestPermission(permission: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequest?.(null, permission, (g) => (granted = g));
    if (granted === undefined) throw new Error('the permission handler did not answer');
    return granted;
  }
}

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

  type InvokeListener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;
  const ipcHandlers = new Map<string, InvokeListener>();
  const ipcListeners = new Map<string, Array<(event: InvokeEventLike) => void>>();
  const ipcMain = {
    on(channel: string, listener: (event: InvokeEventLike) => void) {
      ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]);
      return ipcMain;
    },
    removeAllListeners(channel: string) {
      ipcListeners.delete(channel);
      return ipcMain;
    },
    /** What `ipcRenderer.send(channel)` from a frame would do. */
    send(channel: string, event: InvokeEventLike): void {
      for (const listener of ipcListeners.get(channel) ?? []) listener(event);
    },
    listened: () => [...ipcListeners.keys()],
    handle(channel: string, listener: InvokeListener): void {
      // Electron throws on a second handler for one channel; so does the fake.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      ipcHandlers.delete(channel);
    },
    channels: () => [...ipcHandlers.keys()],
    invoke(channel: string, event: InvokeEventLike, payload: unknown): Promise<Result<unknown>> {
      const listener = ipcHandlers.get(channel);
      if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return listener(event, payload);
    },
  };

  const defaultSession = new FakeSession();

  type ProtocolHandler = (request: AppRequest) => Promise<Response>;
  /** Electron's `protocol`, with its start-up rules: privileges before ready, handlers after, one per scheme. */
  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges: AppSchemePrivileges }>,
    handlers: new Map<string, ProtocolHandler>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: AppSchemePrivileges }>): void {
      if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      if (!app.ready) throw new Error('protocol.handle cannot be used before the app is ready');
      if (protocol.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      protocol.handlers.set(scheme, handler);
    },
    /** What the window's page would get for `url`: the registered handler's answer. */
    request(url: string, method = 'GET'): Promise<Response> {
      const handler = protocol.handlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) return Promise.reject(new Error(`no handler for ${url}`));
      return handler({ url, method });
    },
  };

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
    clipboard,
  } satisfies ShellElectron;

  return { ...electron, windows, trays, notifications, paths, displays };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** An IPC invoke event as Electron would build it for a frame showing `url`. */
export function invokeEvent(sender: unknown, url: string, opts: { subFrame?: boolean } = {}): InvokeEventLike {
  return { sender, senderFrame: { url, parent: opts.subFrame ? {} : null } };
}

/** safeStorage stand-in: reversible, but the plain text never appears in the output. */
export function createFakeSafeStorage() {
  const fake = {
    available: true,
    isEncryptionAvailable: () => fake.available,
    encryptString: (plainText: string) => Buffer.from(`enc:${Buffer.from(plainText).toString('base64').split('').reverse().join('')}`),
    decryptString: (encrypted: Buffer) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString();
    },
  };
  return fake;
}

/** The preload's two Electron pieces. */
export function createFakeRenderer() {
  const exposed = new Map<string, PreloadApi>();
  const contextBridge: ContextBridgeLike & { exposed: typeof exposed } = {
    exposed,
    exposeInMainWorld(apiKey, api) {
      exposed.set(apiKey, api);
    },
  };
  class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
    readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
    readonly sentChannels: string[] = [];
    send(channel: string): void {
      this.sentChannels.push(channel);
    }
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      this.invocations.push({ channel, args });
      return Promise.resolve({ ok: true, data: { channel } });
    }
  }
  /** The page's window as the preload posts to it. */
  const page = {
    posted: [] as Array<{ message: unknown; targetOrigin: string; transfer: unknown[] }>,
    postMessage(message: unknown, targetOrigin: string, transfer: unknown[] = []) {
      page.posted.push({ message, targetOrigin, transfer });
    },
  };
  return { contextBridge, ipcRenderer: new FakeIpcRenderer(), page };
}
