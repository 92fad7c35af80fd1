import type { UpdateState } from '../../shared/contract';

/**
 * The slice of electron-updater's `autoUpdater` the app uses. src-main/index.ts hands the
 * real one (loaded only in a packaged app); tests drive a fake. electron-updater imports
 * `electron`, so nothing Node tests load may import it.
 */
export interface AppUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdatesDeps {
  /** `app.isPackaged`: a development run never loads or runs the updater. */
  isPackaged: boolean;
  /** Loads electron-updater's `autoUpdater`, once, on the first check. */
  load: () => Promise<AppUpdaterLike>;
  /** The version running now (what "up to date" names). */
  version: string;
  /** Edits not yet in the CRM: the tray's count, which the page keeps current (null: not told yet, so unknown). */
  pendingEdits: () => number | null;
  emit: (state: UpdateState) => void;
  log: (line: string) => void;
  /** Timers of the periodic check; tests pass their clock. */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** An app left open all week still hears of a release: it checks again this often. */
export const CHECK_EVERY_MS = 6 * 60 * 60_000;

export type Updates = ReturnType<typeof createUpdates>;

const BUSY: ReadonlySet<UpdateState['phase']> = new Set(['checking', 'downloading', 'ready', 'installing']);

/**
 * Updates of the desktop app (issue 20). A check downloads what it finds; installing means
 * restarting, so it happens only when no edit waits to reach the CRM: "Restart to install"
 * waits for the outbox to empty, and installing on quit is allowed only while it is empty.
 */
export function createUpdates(deps: UpdatesDeps) {
  let state: UpdateState = deps.isPackaged ? { phase: 'idle' } : { phase: 'unavailable', reason: 'development' };
  let updater: AppUpdaterLike | null = null;
  let loading: Promise<AppUpdaterLike> | null = null;
  let installAsked = false;

  const set = (next: UpdateState) => {
    state = next;
    deps.emit(next);
  };
  const fail = (err: unknown) => {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 300) || 'unknown error';
    deps.log(`update failed: ${message}`);
    set({ phase: 'error', message });
  };
  /** electron-updater installs on quit only when told; never over unsent edits. */
  const allowInstallOnQuit = () => {
    if (updater) updater.autoInstallOnAppQuit = state.phase === 'ready' && deps.pendingEdits() === 0;
  };

  function configure(u: AppUpdaterLike): AppUpdaterLike {
    u.autoDownload = true;
    u.autoInstallOnAppQuit = false;
    u.on('checking-for-update', () => set({ phase: 'checking' }));
    u.on('update-not-available', () => set({ phase: 'up-to-date', version: deps.version }));
    u.on('update-available', (info) => set({ phase: 'downloading', version: info.version, percent: 0 }));
    u.on('download-progress', (p) => {
      if (state.phase === 'downloading') set({ ...state, percent: Math.max(0, Math.min(100, Math.round(p.percent))) });
    });
    u.on('update-downloaded', (info) => {
      deps.log(`update ${info.version} downloaded`);
      set({ phase: 'ready', version: info.version, waitingForEdits: deps.pendingEdits() });
      allowInstallOnQuit();
    });
    u.on('error', fail);
    updater = u;
    return u;
  }

  function install(version: string) {
    if (!updater) return;
    deps.log(`installing update ${version}`);
    set({ phase: 'installing', version });
    updater.quitAndInstall(false, true);
  }

  const updates = {
    state: (): UpdateState => state,
    /** In an installed app: a check now, then every CHECK_EVERY_MS. */
    start() {
      if (!deps.isPackaged) return;
      const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
      const tick = () => {
        void updates.check();
        setTimer(tick, CHECK_EVERY_MS);
      };
      tick();
    },
    /** Settings → Check for updates (and the periodic check). */
    async check(): Promise<UpdateState> {
      if (!deps.isPackaged || BUSY.has(state.phase)) return state;
      set({ phase: 'checking' });
      try {
        loading ??= deps.load().then(configure);
        await (await loading).checkForUpdates();
      } catch (err) {
        loading = updater ? loading : null;
        fail(err);
      }
      return state;
    },
    /** "Restart to install": now when the outbox is empty, else once it is. */
    install(): UpdateState {
      if (state.phase !== 'ready') return state;
      const pending = deps.pendingEdits();
      if (pending === 0) {
        install(state.version);
        return state;
      }
      installAsked = true;
      deps.log(`the update waits for ${pending ?? 'unknown'} edits to reach the CRM`);
      set({ ...state, waitingForEdits: pending });
      return state;
    },
    /** The outbox's count changed: a waiting install goes ahead once nothing is left to send. */
    pendingChanged(pending: number | null) {
      if (state.phase !== 'ready') return;
      allowInstallOnQuit();
      if (pending === 0 && installAsked) install(state.version);
      else if (state.waitingForEdits !== pending) set({ ...state, waitingForEdits: pending });
    },
  };
  return updates;
}
