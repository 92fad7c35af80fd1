import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { MessagePortMainLike } from '../../src-main/electron/crm-port';
import type { HeadersReceivedResponse } from '../../src-main/electron/electron-types';
import type { InvokeEventLike } from '../../src-main/electron/ipc';
import type { ContextBridgeLike, IpcRendererLike } from '../../src-main/preload/host-api';
import type { PreloadApi, Result } from '../../shared/contract';
import type { RoleMenuItem } from '../../src-main/electron/app-menu';
import type { AppRequest, AppSchemePrivileges } from '../../src-main/electron/app-protocol';
import type { TrayMenuItem, TraySeparator } from '../../src-main/electron/tray';

/** The pieces of the Electron fake (fake-electron.ts) that stand on their own. */

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

/** Electron's ipcMain: `invoke` and `send` stand for what a frame's ipcRenderer would do. */
export function createFakeIpcMain() {
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
  return ipcMain;
}

/** Electron's `protocol`, with its start-up rules: privileges before ready, handlers after, one per scheme. */
export function createFakeProtocol(isReady: () => boolean) {
  type ProtocolHandler = (request: AppRequest) => Promise<Response>;
  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges: AppSchemePrivileges }>,
    handlers: new Map<string, ProtocolHandler>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: AppSchemePrivileges }>): void {
      if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      if (!isReady()) throw new Error('protocol.handle cannot be used before the app is ready');
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
  return protocol;
}

/** An IPC invoke event as Electron would build it for a frame showing `url`. */
export function invokeEvent(sender: unknown, url: string, opts: { subFrame?: boolean } = {}): InvokeEventLike {
  return { sender, senderFrame: { url, parent: opts.subFrame ? {} : null } };
}

/** safeStorage stand-in: reversible, but the plain text never appears in the output. */
export function createFakeSafeStorage() {
  const fake = {
    available: true,
    /** Linux's backend; `basic_text` is what Chromium falls back to without a keyring. */
    backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'unknown',
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
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
