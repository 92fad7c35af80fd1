import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { MessagePortMainLike } from './crm-port';
import type { AppUrl } from './app-url';
import type { PreventableEvent } from './events';
import type { Rect, WindowState } from '../desktop/window-state';
import type { Clock } from './desktop';

/** After a move or resize, the place is saved once the window has been still this long. */
export const SAVE_BOUNDS_DELAY_MS = 1000;

/** What the shell sends events through and checks IPC senders against. */
export interface ContentsLike {
  send(channel: string, ...args: unknown[]): void;
  /** Electron's WebContents.postMessage: a message with transferred MessagePortMains. */
  postMessage(channel: string, message: unknown, transfer?: MessagePortMainLike[]): void;
  isDestroyed(): boolean;
}

export interface WindowLike {
  readonly webContents: ContentsLike;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  /** The user moved or resized the window (Electron fires these many times during a drag). */
  on(event: 'move' | 'resize', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  isMaximized(): boolean;
  /** The bounds when neither maximized nor minimized. */
  getNormalBounds(): Rect;
  loadURL(url: string): Promise<void>;
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => WindowLike;

export interface MainWindowDeps {
  BrowserWindow: BrowserWindowCtor;
  appUrl: AppUrl;
  /** Folder of the bundled main script (out/main); the preload is built next to it. */
  baseDir: string;
  /** Whether DevTools can be opened at all: in dev only (`!app.isPackaged`). */
  devTools: boolean;
  /** Set once the user chose Quit: from then on close really closes. */
  isQuitting: () => boolean;
  log: (line: string) => void;
  /** Where the window was last (already checked against today's displays), or null: the default. */
  initialState?: () => WindowState | null;
  /** The window is closing or hiding: its place and size, to restore next time. */
  onSaveState?: (state: WindowState) => void;
  /** Closing hid the window (the app lives on in the tray). */
  onHidden?: () => void;
  /** Timers of the debounced save; tests pass their clock. */
  timers?: Pick<Clock, 'setTimer' | 'clearTimer'>;
}

export interface MainWindow {
  /** Shows the window (creating it again if it was destroyed), restores and focuses it; true when it was created anew. */
  show(): boolean;
  /** The window's WebContents, or null when there is no live window. */
  contents(): ContentsLike | null;
}

/**
 * The one window, and the only place webPreferences are set. The renderer is treated as
 * untrusted: no Node, its own isolated world, the Chromium sandbox, and the preload is
 * the only door (contextBridge).
 */
export function createMainWindow(deps: MainWindowDeps): MainWindow {
  const timers = deps.timers ?? { setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimer: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  function create(): WindowLike {
    const saved = deps.initialState?.() ?? null;
    const created = new deps.BrowserWindow({
      title: 'CS Workspace',
      ...(saved ? saved.bounds : { width: 1280, height: 860 }),
      minWidth: 900,
      minHeight: 600,
      // Shown on ready-to-show to avoid a white flash before the first paint.
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: deps.devTools,
        // The window hides to the tray; its due-task timers and sync must keep their pace.
        backgroundThrottling: false,
        preload: join(deps.baseDir, '../preload/index.cjs'),
      },
    });
    created.once('ready-to-show', () => {
      if (saved?.maximized) created.maximize();
      created.show();
    });
    const saveState = () => deps.onSaveState?.({ bounds: created.getNormalBounds(), maximized: created.isMaximized() });
    // Also while the app runs, not only on close: a crash or a killed process keeps the last place.
    let saveTimer: unknown = null;
    const saveSoon = () => {
      if (saveTimer !== null) timers.clearTimer(saveTimer);
      saveTimer = timers.setTimer(() => {
        saveTimer = null;
        if (!created.isDestroyed()) saveState();
      }, SAVE_BOUNDS_DELAY_MS);
    };
    created.on('move', saveSoon);
    created.on('resize', saveSoon);
    // The app lives on in the tray so sync and due-task notifications continue;
    // quitting is explicit (tray menu, OS quit), which sets isQuitting first.
    created.on('close', (event) => {
      saveState();
      if (deps.isQuitting()) return;
      event.preventDefault();
      created.hide();
      deps.onHidden?.();
    });
    // app://cs-workspace/index.html (served by electron/app-protocol.ts), or the dev server.
    created.loadURL(deps.appUrl.entryUrl).catch((err: unknown) => deps.log(`the workspace page failed to load: ${String(err)}`));
    return created;
  }

  let win = create();

  return {
    show() {
      const recreated = win.isDestroyed();
      if (recreated) win = create();
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      return recreated;
    },
    contents() {
      return win.isDestroyed() ? null : win.webContents;
    },
  };
}
