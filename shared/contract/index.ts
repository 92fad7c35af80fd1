import { z } from 'zod';
import { ThemeRequest } from './theme';
import {
  AppInfo,
  CrmConnectRequest,
  CrmRequest,
  CrmResponse,
  CrmIdentity,
  CrmSetUserRequest,
  CrmUserIdentity,
  CrmStatus,
  Empty,
  HubspotUrlInfo,
  SetHubspotUrlRequest,
  ExportContent,
  ExportListing,
  ReadExportRequest,
  SavedExport,
  SaveExportRequest,
  NotificationClick,
  NotificationRequest,
  OnlineState,
  OpenExternalRequest,
  PowerState,
  ResumeEvent,
  DesktopStatus,
  ReminderTasks,
  RemindersOwner,
  TaskActions,
  LoginItemState,
  SetLoginItemRequest,
  DiagnosticsRequest,
  DiagnosticsReport,
} from './schemas';
import { DeepLink } from './deep-link';
import { CrmSwitchPortalRequest } from './portals';
import { UpdateState } from './updates';

export * from './schemas';
export * from './deep-link';
export * from './portals';
export * from './updates';
export * from './external-links';
export * from './hubspot-url';
export { CALL_NAMES, CRM_PORT_CHANNEL, EVENT_NAMES, type CallName, type EventName } from './names';
import type { CallName, EventName } from './names';

/**
 * The one contract between the renderer and its host (Electron preload or web host).
 * Channels are `namespace:verb`; events are `onDidX`. No channel string appears outside
 * shared/contract: both hosts and the renderer's bridge are typed from this map.
 */
export const calls = {
  'app:info': { input: Empty, output: AppInfo },
  'crm:status': { input: Empty, output: CrmStatus },
  /** Checks the credentials against the CRM first; on any failure the old connection stays. */
  'crm:connect': { input: CrmConnectRequest, output: CrmStatus },
  /** Forgets the connection and its token; the renderer clears its own store. */
  'crm:disconnect': { input: Empty, output: CrmStatus },
  'crm:request': { input: CrmRequest, output: CrmResponse },
  /** Who the workspace acts for: the chosen user (HubSpot), the demo CRM's signed-in user; null while unknown. */
  'crm:whoami': { input: Empty, output: CrmIdentity },
  /** "Who are you?": checks the user against the CRM, then keeps the choice with the connection. */
  'crm:setUser': { input: CrmSetUserRequest, output: CrmUserIdentity },
  /** The address the next "Connect HubSpot" uses (Settings → CRM connection → Advanced). */
  'crm:hubspotUrl': { input: Empty, output: HubspotUrlInfo },
  /**
   * Saves that address in the host's data folder (null: HubSpot's own). It does not move a
   * live connection: it applies to the next "Connect HubSpot". Refused while `--hubspot-url` sets it.
   */
  'crm:setHubspotUrl': { input: SetHubspotUrlRequest, output: HubspotUrlInfo },
  /** Makes a connected portal current (its kept credential, no new sign-in); the renderer then reloads onto its database. */
  'crm:switchPortal': { input: CrmSwitchPortalRequest, output: CrmStatus },
  'notify:show': { input: NotificationRequest, output: z.object({ shown: z.boolean() }) },
  'shell:openExternal': { input: OpenExternalRequest, output: z.object({ opened: z.boolean() }) },
  'net:status': { input: Empty, output: OnlineState },
  /**
   * Before local data is deleted (Disconnect, another CRM), the edits not yet in the CRM are
   * written to a file in the data folder (`exports/`, private to the user). Without `file`
   * a new file is started; with it the content is appended (large exports come in parts).
   */
  'data:saveExport': { input: SaveExportRequest, output: SavedExport },
  /** The saved-edits files in the data folder, newest first (Settings → Import). */
  'data:listExports': { input: Empty, output: ExportListing },
  'data:readExport': { input: ReadExportRequest, output: ExportContent },
  /** The tray's line: pending edits and the next due task (a host without a tray ignores it). */
  'desktop:setStatus': { input: DesktopStatus, output: Empty },
  'desktop:loginItem': { input: Empty, output: LoginItemState },
  'desktop:setLoginItem': { input: SetLoginItemRequest, output: LoginItemState },
  /** The theme chosen in Settings, for what the OS draws (title bar, menus, dialogs); the web host ignores it. */
  'desktop:setTheme': { input: ThemeRequest, output: Empty },
  /**
   * The open tasks, after every change: the Electron host announces them from main (so a
   * reloading or crashed page misses nothing) and answers `ownedByHost: true`; the web host
   * leaves it to the page's own runner. Exactly one runner announces in each host.
   */
  'reminders:set': { input: ReminderTasks, output: RemindersOwner },
  /** What the user chose on a reminder ("Mark complete") since the last call; taken once. */
  'reminders:takeActions': { input: Empty, output: TaskActions },
  /** Versions, OS, CRM kind, sync state, outbox size and recent log lines, redacted; no content. */
  'app:copyDiagnostics': { input: DiagnosticsRequest, output: DiagnosticsReport },
  /** Where the app's update stands; the web host answers `unavailable`. */
  'updates:status': { input: Empty, output: UpdateState },
  /** Settings → Check for updates: checks now (and downloads what it finds). */
  'updates:check': { input: Empty, output: UpdateState },
  /** Restart to install a downloaded update; while edits wait to reach the CRM it waits for them. */
  'updates:install': { input: Empty, output: UpdateState },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  onDidChangeOnline: OnlineState,
  onDidResume: ResumeEvent,
  /** Battery and presence from the host (Electron); the web host sends none, the page uses its own signals. */
  onDidChangePower: PowerState,
  onDidClickNotification: NotificationClick,
  /** The web host asks the page to show a notification through the browser's API. */
  onDidRequestNotification: NotificationRequest,
  /** The tray's "Sync now". */
  onDidRequestSync: Empty,
  /** A reminder's action waits in the host: call `reminders:takeActions`. */
  onDidRequestTaskAction: Empty,
  /** A validated `cs-workspace://` link (record or tasks view) to open; the web host never sends it. */
  onDidOpenLink: DeepLink,
  /** The update moved on (checking, downloading, ready…); the web host never sends it. */
  onDidChangeUpdate: UpdateState,
} as const satisfies Record<EventName, z.ZodType>;

export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof calls)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The codes of a host error; a list at runtime, so the renderer can tell a host code from a CRM's. */
export const ERROR_CODES = [
  'UNKNOWN_CALL',
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_CONNECTED',
  /** The CRM refused the credentials (HTTP 401) or their scopes (403). */
  'UNAUTHORIZED',
  'NETWORK',
  'NOT_ALLOWED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const errorCodes: ReadonlySet<unknown> = new Set(ERROR_CODES);

/** Whether a value is one of the host's error codes. */
export function isErrorCode(x: unknown): x is ErrorCode {
  return errorCodes.has(x);
}

export interface HostError {
  code: ErrorCode;
  message: string;
}

/** Errors are values at the boundary: a call never throws across it. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: HostError };

/** The slice of a DOM MessagePort the sync worker uses (shared/ compiles without DOM types). */
export interface ChannelPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/**
 * How the sync worker reaches `crm:request` without the UI thread: a MessagePort to the
 * Electron main process, or the web host's address and secret (the worker calls it over
 * HTTP itself). Plain data plus a transferable port, so it can be posted to the worker.
 */
export type CrmChannel = { kind: 'message-port'; port: ChannelPort } | { kind: 'http'; base: string; secret: string };

/** On a CRM channel's port: a `crm:request` input goes out, its Result comes back under the same id. */
export interface CrmPortRequest {
  id: number;
  request: CallInput<'crm:request'>;
}
export interface CrmPortAnswer {
  id: number;
  result: Result<CallOutput<'crm:request'>>;
}

/** What the renderer sees of its host, whichever implementation is behind it. */
export type HostApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** A line for the sync worker's CRM requests that bypasses the UI thread (see CrmChannel). */
  crmChannel(): Promise<CrmChannel>;
};

/**
 * What the Electron preload exposes: the contract calls and events, and a request for the
 * CRM port, which arrives in the page as a window message (a MessagePort cannot cross the
 * context bridge as a return value); src-renderer/bridge turns it into `crmChannel()`.
 */
export type PreloadApi = Omit<HostApi, 'crmChannel'> & { openCrmPort(): void };

/** What a host implements: plain async functions; validation and error wrapping are done for them. */
export type HostHandlers = {
  [K in CallName]: (input: z.output<(typeof calls)[K]['input']>) => Promise<CallOutput<K>>;
};

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}
