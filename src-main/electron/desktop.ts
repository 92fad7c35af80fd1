import { join } from 'node:path';
import type { MessageBoxSyncOptions } from 'electron';
import { deepLinkRoute, type DeepLink } from '../../shared/contract';
import { isTaskNoticeId } from '../../shared/notify';
import { desktopWords } from '../desktop/words';
import { createDesktopStateFile, restorableWindow, type Rect, type WindowState } from '../desktop/window-state';
import { HostCallError } from '../host/dispatch';
import type { DesktopHost, HostEvents, Notifier } from '../host/services';
import { createDesktopReminders, type DesktopReminders } from '../notify/reminders';
import { createReminderNotifier, type NotificationCtor } from './services';
import type { AppTray } from './tray';

/** The slices of Electron's app, dialog and screen the desktop integration uses. */
export interface DesktopApp {
  getLocale(): string;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  getLoginItemSettings(): { openAtLogin: boolean };
}
export interface DialogLike {
  /** The index of the button pressed. */
  showMessageBoxSync(options: MessageBoxSyncOptions): number;
}
export interface ScreenLike {
  getAllDisplays(): Array<{ workArea: Rect }>;
}

/** Electron's nativeTheme: what the OS draws for the app (title bar, menus, dialogs) and `prefers-color-scheme`. */
export interface NativeThemeLike {
  themeSource: 'system' | 'light' | 'dark';
}

export interface Clock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface DesktopDeps {
  app: DesktopApp;
  dialog: DialogLike;
  screen: ScreenLike;
  nativeTheme: NativeThemeLike;
  Notification: NotificationCtor;
  platform: NodeJS.Platform;
  dataDir: string;
  events: HostEvents;
  /** Bring the main window forward (creating it again if it is gone: then true). */
  showWindow(): boolean;
  log(line: string): void;
  clock?: Clock;
}

/** The window's minimum size (main-window.ts), below which a saved size is not restored. */
const MIN_WINDOW = { width: 900, height: 600 };

/**
 * Issue 20: tray status, reminders owned by main, launch at login, the window's place, the
 * hide-to-tray notice and the quit warning — the Electron-facing glue, with the decisions in
 * plain modules (src-main/desktop, src-main/notify/reminders.ts).
 */
export function createDesktop(deps: DesktopDeps) {
  const locale = deps.app.getLocale();
  const words = desktopWords(locale);
  const state = createDesktopStateFile(join(deps.dataDir, 'desktop.json'), deps.log);
  let tray: AppTray | null = null;
  let timeZone: string | undefined;

  /** A route a click or link asked for while the page was being made (anew): it takes it when it starts. */
  let pendingOpen: string | null = null;
  /** Bring the window forward, then let the page open the route: now, or once it has started. */
  const openWith = (target: string, tellPage: () => void) => {
    if (deps.showWindow()) pendingOpen = target;
    else tellPage();
  };
  const open = (target: string) => openWith(target, () => deps.events.emit('onDidClickNotification', { id: 'desktop', target }));
  const pendingEdits = () => tray?.pendingEdits() ?? null;

  const reminders: DesktopReminders = createDesktopReminders({
    notifier: createReminderNotifier({ Notification: deps.Notification }),
    dir: join(deps.dataDir, 'notify'),
    locale,
    supportsActions: deps.platform === 'darwin',
    onOpen: open,
    onActionQueued: () => deps.events.emit('onDidRequestTaskAction', {}),
    log: deps.log,
    ...(deps.clock ? { now: deps.clock.now, setTimer: deps.clock.setTimer, clearTimer: deps.clock.clearTimer } : {}),
  });
  const started = reminders.start().catch((err: unknown) => deps.log(`reminders did not start: ${err instanceof Error ? err.message : String(err)}`));

  const loginSupported = deps.platform === 'darwin' || deps.platform === 'win32';
  const loginItem = () => ({ supported: loginSupported, enabled: loginSupported && deps.app.getLoginItemSettings().openAtLogin });

  const host: DesktopHost = {
    setStatus: (s) => tray?.update(s, timeZone),
    setReminders(input) {
      timeZone = input.timeZone;
      return started
        .then(() => reminders.set(input))
        .catch((err: unknown) => deps.log(`reminders were not updated: ${err instanceof Error ? err.message : String(err)}`));
    },
    takeActions() {
      const taken = { actions: reminders.takeActions(), open: pendingOpen };
      pendingOpen = null;
      return taken;
    },
    setTheme(theme) {
      deps.nativeTheme.themeSource = theme;
    },
    loginItem,
    setLoginItem(enabled) {
      if (!loginSupported) throw new HostCallError('NOT_ALLOWED', 'Opening at login is not available on this system.');
      deps.app.setLoginItemSettings({ openAtLogin: enabled });
      return loginItem();
    },
  };

  return {
    host,
    reminders,
    /** What the tray's next-task line opens. */
    open,
    /** A checked `cs-workspace://` link (electron/deep-links.ts): the page opens its route. */
    openLink: (link: DeepLink) => openWith(deepLinkRoute(link), () => deps.events.emit('onDidOpenLink', link)),
    /** A link the app was started with: the new window shows when painted, and its page takes the route when it starts. */
    openAtStart(link: DeepLink) {
      pendingOpen = deepLinkRoute(link);
    },
    /** Edits not yet in the CRM, as the page last told the tray; null before it did. */
    pendingEdits,
    attachTray(t: AppTray) {
      tray = t;
    },
    /**
     * Main announces due tasks in this host, so the page's own runner's copies (`notify:show`
     * with a task notice id) are answered "not shown": one runner announces, never two.
     */
    withoutTaskNotices(notifier: Notifier): Notifier {
      return { show: (n) => (isTaskNoticeId(n.id) ? Promise.resolve(false) : notifier.show(n)) };
    },
    window: {
      initialState: (): WindowState | null => restorableWindow(state.get().window, deps.screen.getAllDisplays(), MIN_WINDOW),
      onSaveState: (window: WindowState) => state.update({ window }),
      /** The first time closing hides the window, one line says the app lives on in the tray. */
      onHidden(notifier: Notifier) {
        if (state.get().hideNoticeShown) return;
        state.update({ hideNoticeShown: true });
        void notifier.show({ id: 'hidden-to-tray', title: words.hiddenTitle, body: words.hiddenBody });
      },
    },
    /** Quitting with edits not yet in the CRM asks first; true to go on. */
    confirmQuit(): boolean {
      const pending = pendingEdits() ?? 0;
      if (pending <= 0) return true;
      const answer = deps.dialog.showMessageBoxSync({
        type: 'warning',
        title: words.quitTitle,
        message: words.quitMessage(pending),
        detail: words.quitDetail,
        buttons: [words.quitAnyway, words.cancel],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return answer === 0;
    },
  };
}
