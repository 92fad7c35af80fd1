import type { CallInput, CallOutput, EventName, EventPayload, NotificationRequest } from '../../shared/contract';
import type { z } from 'zod';

/**
 * The services a host needs, as interfaces. The Electron shell implements them with
 * Electron's modules; the web host and the tests implement them in plain Node. Nothing
 * behind these interfaces imports `electron`.
 */
export interface Notifier {
  show(n: z.output<typeof NotificationRequest>): Promise<boolean>;
}

export interface ExternalOpener {
  open(url: string): Promise<void>;
}

export interface NetworkMonitor {
  isOnline(): boolean;
}

export interface HostEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type AppInfoSource = () => CallOutput<'app:info'>;

/** Files of saved local edits in the data folder (`data:saveExport` and friends). */
export interface ExportStore {
  /** `<data>/exports`, to tell the user. */
  readonly folder: string;
  save(content: string, file?: string): Promise<CallOutput<'data:saveExport'>>;
  list(): Promise<CallOutput<'data:listExports'>>;
  read(file: string): Promise<CallOutput<'data:readExport'>>;
}

/**
 * What only a desktop host has: a tray, reminders announced from main, launch at login. A
 * host without it (the web host) ignores the status, leaves reminders to the page and says
 * launch at login is unsupported.
 */
export interface DesktopHost {
  setStatus(status: CallInput<'desktop:setStatus'>): void;
  /** Settles once the reminders run on the new list. */
  setReminders(tasks: CallInput<'reminders:set'>): Promise<void>;
  takeActions(): CallOutput<'reminders:takeActions'>;
  loginItem(): CallOutput<'desktop:loginItem'>;
  setLoginItem(enabled: boolean): CallOutput<'desktop:loginItem'>;
  /** Electron's `nativeTheme.themeSource`: the OS-drawn parts follow the theme chosen in Settings. */
  setTheme(theme: CallInput<'desktop:setTheme'>['theme']): void;
}

/** The desktop app's updates (src-main/desktop/updates.ts). */
export interface UpdatesHost {
  state(): CallOutput<'updates:status'>;
  check(): Promise<CallOutput<'updates:check'>>;
  install(): CallOutput<'updates:install'>;
}
