import type { NotificationConstructorOptions, Shell } from 'electron';
import { isAllowedExternalUrl, type EventPayload } from '../../shared/contract';
import { HostCallError } from '../host/dispatch';
import type { ExternalOpener, HostEvents, NetworkMonitor, Notifier } from '../host/services';
import type { ReminderNotifier } from '../notify/reminders';

/** Electron implementations of the host services; the handlers behind them never see Electron. */

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  /** A button of `actions` was pressed (macOS). */
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  show(): void;
}

export interface NotificationCtor {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export function createNotifier(deps: {
  Notification: NotificationCtor;
  /** Bring the window forward and tell the renderer what was clicked. */
  onClick: (click: EventPayload<'onDidClickNotification'>) => void;
}): Notifier & { pending(): number } {
  // Electron drops click handlers of a Notification that was garbage-collected, so each one
  // stays referenced here until it is clicked or closed.
  const live = new Map<string, NotificationLike>();
  return {
    async show(n) {
      if (!deps.Notification.isSupported()) return false;
      const notification = new deps.Notification({ title: n.title, body: n.body });
      notification.on('click', () => {
        live.delete(n.id);
        deps.onClick(n.target === undefined ? { id: n.id } : { id: n.id, target: n.target });
      });
      notification.on('close', () => live.delete(n.id));
      live.set(n.id, notification);
      notification.show();
      return true;
    },
    pending: () => live.size,
  };
}

/**
 * Reminders from main (src-main/notify/reminders.ts) through Electron's Notification, with
 * their buttons where Electron shows them (macOS). Each stays referenced until clicked or
 * closed, or Electron drops its handlers.
 */
export function createReminderNotifier(deps: { Notification: NotificationCtor }): ReminderNotifier & { pending(): number } {
  const live = new Map<string, NotificationLike>();
  return {
    show(n, on) {
      if (!deps.Notification.isSupported()) return false;
      const notification = new deps.Notification({
        title: n.title,
        body: n.body,
        ...(n.actions.length ? { actions: n.actions.map((text) => ({ type: 'button' as const, text })) } : {}),
      });
      notification.on('click', () => {
        live.delete(n.id);
        on.click();
      });
      notification.on('action', (_event, index) => {
        live.delete(n.id);
        on.action(index);
      });
      notification.on('close', () => live.delete(n.id));
      live.set(n.id, notification);
      notification.show();
      return true;
    },
    pending: () => live.size,
  };
}

export function createExternalOpener(shell: Pick<Shell, 'openExternal'>): ExternalOpener {
  return {
    async open(url) {
      // Checked again here, not only in the handler: this is the last step before the OS.
      if (!isAllowedExternalUrl(url)) {
        throw new HostCallError('NOT_ALLOWED', 'Only https:, mailto: and tel: links can be opened.');
      }
      await shell.openExternal(url);
    },
  };
}

/**
 * Electron's main process has no online/offline event, so `net.isOnline()` is polled and
 * a change is pushed to the renderer. `check()` runs an immediate poll (after resume).
 */
export function createNetworkMonitor(deps: {
  net: { isOnline(): boolean };
  events: HostEvents;
  intervalMs?: number;
}): NetworkMonitor & { check(): void; stop(): void } {
  let online = deps.net.isOnline();
  const check = () => {
    const now = deps.net.isOnline();
    if (now === online) return;
    online = now;
    deps.events.emit('onDidChangeOnline', { online });
  };
  const timer = setInterval(check, deps.intervalMs ?? 3_000);
  // The poll alone must not keep the process alive during quit.
  timer.unref();
  return {
    isOnline: () => online,
    check,
    stop: () => clearInterval(timer),
  };
}

/**
 * After sleep the renderer must re-check time-based state (due tasks) and resync, and the
 * network may have changed while asleep.
 */
export function watchResume(deps: { powerMonitor: Pick<PowerMonitorLike, 'on'>; events: HostEvents; network: { check(): void }; now?: () => number }): void {
  const now = deps.now ?? Date.now;
  deps.powerMonitor.on('resume', () => {
    deps.network.check();
    deps.events.emit('onDidResume', { at: now() });
  });
}

/** The slice of Electron's `powerMonitor` the shell uses (one signature per event, as Electron types them). */
export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown;
  on(event: 'on-ac', listener: () => void): unknown;
  on(event: 'on-battery', listener: () => void): unknown;
  on(event: 'lock-screen', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
  isOnBatteryPower(): boolean;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
}

/**
 * Battery and presence for the sync's schedule (shared/sync/schedule.ts): on battery, or
 * the user away from the computer (no input for `idleAfterS`, or the screen locked), the
 * sync polls every half hour. Sent on every change Electron announces and, since idleness
 * has no event, on a poll — every poll, so a page that loaded after a change learns it too.
 */
export function watchPower(deps: { powerMonitor: PowerMonitorLike; events: HostEvents; idleAfterS?: number; intervalMs?: number }): {
  current(): EventPayload<'onDidChangePower'>;
  stop(): void;
} {
  const idleAfterS = deps.idleAfterS ?? 300;
  const current = () => {
    const presence = deps.powerMonitor.getSystemIdleState(idleAfterS);
    return { onBattery: deps.powerMonitor.isOnBatteryPower(), idle: presence === 'idle' || presence === 'locked' };
  };
  const send = () => deps.events.emit('onDidChangePower', current());
  deps.powerMonitor.on('on-ac', send);
  deps.powerMonitor.on('on-battery', send);
  deps.powerMonitor.on('lock-screen', send);
  deps.powerMonitor.on('unlock-screen', send);
  const timer = setInterval(send, deps.intervalMs ?? 60_000);
  // The poll alone must not keep the process alive during quit.
  timer.unref();
  return { current, stop: () => clearInterval(timer) };
}
