import type { z } from 'zod';
import type { CrmConnectRequest, CrmStatus, CrmUserIdentity } from '../../shared/contract';
import { HUBSPOT_API_BASE_URL } from '../../shared/contract/hubspot-url';
import { hubspot, send } from '../../shared/hubspot';
import type { HubspotCall } from '../../shared/hubspot/calls';
import { HostCallError } from '../host/dispatch';
import { createCrmTransport, transportPort, type ConnectionSource, type CrmConnection, type CrmTransport } from './gateway';
import { fixedHubspotUrl, type HubspotUrlSetting, type HubspotUrlState } from './hubspot-url';

/** HubSpot's API host; `--hubspot-url`, Settings and tests point "HubSpot" elsewhere (e.g. at a demo CRM). */
export { HUBSPOT_API_BASE_URL };

export type Identity = z.output<typeof CrmUserIdentity>;

/**
 * What is remembered of a connection: the choice, and for HubSpot its token, the address the
 * token was checked against (the token is only ever sent there), and the user picked in "Who
 * are you?" (a private-app token belongs to the app, not to a user). The demo CRM keeps its
 * own signed-in user (`/__demo/whoami`).
 */
export type SavedConnection = { kind: 'demo' } | { kind: 'hubspot'; token: string; baseUrl: string; user?: Identity | null };

/**
 * Where the choice is kept: the Electron shell encrypts the token with safeStorage
 * (electron/connection-store.ts); the web host keeps it in process memory only.
 */
export interface ConnectionStore {
  load(): SavedConnection | null;
  /** Throws when it cannot keep the choice safely; the caller then changes nothing. */
  save(connection: SavedConnection | null): void;
}

export function memoryConnectionStore(initial: SavedConnection | null = null): ConnectionStore {
  let saved = initial;
  return {
    load: () => saved,
    save: (c) => {
      saved = c;
    },
  };
}

/** The embedded demo CRM, started on first use and kept running until the app quits. */
export interface DemoCrmLauncher {
  start(): Promise<{ url: string; token: string }>;
}

export interface ConnectionManagerOptions {
  store: ConnectionStore;
  /** Null when this host has no embedded demo CRM. */
  demo: DemoCrmLauncher | null;
  /**
   * Where "Connect HubSpot" goes (`--hubspot-url`, else Settings, else HubSpot's own). A
   * plain `hubspotBaseUrl` fixes it, as `--hubspot-url` does (tests point it at a demo CRM).
   */
  hubspotUrl?: HubspotUrlSetting;
  hubspotBaseUrl?: string;
  /** Connected from the start (a host preconfigured with a CRM); not saved to the store. */
  initial?: CrmConnection | null;
  /** The one transport to the CRM (shared with the gateway); else one of its own with `fetch`/`timeoutMs`. */
  transport?: CrmTransport;
  fetch?: typeof fetch;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ConnectionManager extends ConnectionSource {
  /** The HubSpot user picked in "Who are you?" (the demo CRM answers for itself: null here). */
  identity(): Identity | null;
  /**
   * What `crm:status` answers. While a saved connection is being restored (the demo CRM
   * starting) it already says connected, so a returning user never sees the first-run screen.
   */
  status(): z.output<typeof CrmStatus>;
  /** Re-opens the saved connection at startup (starting the demo CRM if that was the choice). */
  restore(): Promise<void>;
  connect(req: z.output<typeof CrmConnectRequest>): Promise<z.output<typeof CrmStatus>>;
  disconnect(): Promise<z.output<typeof CrmStatus>>;
  /**
   * "Who are you?": checks the user against the CRM (unknown → INVALID_INPUT), resolves
   * their owner id, and keeps the choice with the connection; on any failure nothing changes.
   */
  setUser(userId: string): Promise<Identity>;
  /** The address the next "Connect HubSpot" uses, and where it comes from. */
  hubspotUrl(): HubspotUrlState;
  /**
   * Saves that address (null: HubSpot's own). A live connection keeps its address: the
   * change applies to the next "Connect HubSpot" (the renderer disconnects first, so a CRM
   * switch goes through its usual path). Refused while the command line sets it.
   */
  setHubspotUrl(url: string | null): Promise<HubspotUrlState>;
}

/**
 * Asks the CRM whether it accepts the token, before anything is kept, with a read every
 * workspace needs (owners) and both HubSpot and the demo CRM serve. The token travels only
 * in the Authorization header; no message here ever includes it.
 */
export async function checkToken(transport: CrmTransport, baseUrl: string, token: string): Promise<void> {
  const sent = await send(transportPort(transport, { kind: 'hubspot', baseUrl, token }), hubspot.owners.list({ limit: 1 }));
  if (sent.ok) return;
  const { kind, status, message } = sent.error;
  if (kind === 'unreachable') throw new HostCallError('NETWORK', `HubSpot could not be reached (${message}); nothing was changed.`);
  if (status === 401) {
    throw new HostCallError('UNAUTHORIZED', 'HubSpot did not accept this access token (401). Copy the whole token of your private app and try again.');
  }
  if (status === 403) {
    throw new HostCallError('UNAUTHORIZED', 'The token is valid but may not read CRM owners (403): give the private app the crm.objects.owners.read scope.');
  }
  if (kind === 'malformed') throw new HostCallError('NETWORK', `The server at ${baseUrl} does not answer like HubSpot (${message}); nothing was changed.`);
  throw new HostCallError('NETWORK', `HubSpot answered ${status ?? 'with an error'} while checking the token; nothing was changed. Try again later.`);
}

/**
 * The one place that knows which CRM the host talks to and with which token. The token
 * stays in main: `status()` reports the kind and base URL only.
 */
export function createConnectionManager(opts: ConnectionManagerOptions): ConnectionManager {
  const hubspotUrl = opts.hubspotUrl ?? fixedHubspotUrl(opts.hubspotBaseUrl);
  const log = opts.log ?? (() => {});
  const transport =
    opts.transport ?? createCrmTransport({ ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  let current: CrmConnection | null = opts.initial ?? null;
  let user: Identity | null = null;
  let restoring: SavedConnection['kind'] | null = null;
  // One change at a time: a second connect waits for the first instead of racing it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  async function startDemo(): Promise<CrmConnection> {
    if (!opts.demo) throw new HostCallError('NOT_ALLOWED', 'This host has no demo CRM.');
    let crm: { url: string; token: string };
    try {
      crm = await opts.demo.start();
    } catch (err) {
      throw new Error(`The demo CRM did not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    return { kind: 'demo', baseUrl: crm.url, token: crm.token };
  }

  const status = (): z.output<typeof CrmStatus> =>
    current === null && restoring !== null
      ? { connected: true, kind: restoring, baseUrl: null }
      : { connected: current !== null, kind: current?.kind ?? null, baseUrl: current?.baseUrl ?? null };

  const via =
    (conn: CrmConnection) =>
    <T>(c: HubspotCall<T>) =>
      send(transportPort(transport, conn), c);

  /** HubSpot: the user must exist; the owner is found by user id, else by the user's email. */
  async function resolveHubspotUser(conn: CrmConnection, userId: string): Promise<Identity> {
    const call = via(conn);
    const u = await call(hubspot.users.get(userId));
    if (!u.ok) {
      const { status } = u.error;
      if (status === 404) throw new HostCallError('INVALID_INPUT', `The CRM has no user ${userId}; nothing was changed.`);
      if (status === 401 || status === 403) {
        throw new HostCallError('UNAUTHORIZED', `The CRM refused to list its users (${status}): give the private app the settings.users.read scope.`);
      }
      throw new HostCallError('NETWORK', `The CRM answered ${status ?? u.error.message} while checking user ${userId}; nothing was changed.`);
    }
    const email = u.value.email ?? null;
    const byUser = await call(hubspot.owners.get(userId, 'userId'));
    let ownerId = byUser.ok ? byUser.value.id : null;
    if (ownerId === null && email) {
      const byEmail = await call(hubspot.owners.list({ limit: 1, email }));
      ownerId = byEmail.ok ? (byEmail.value.results[0]?.id ?? null) : null;
    }
    return { userId, ownerId, email };
  }

  /** The demo CRM: its own act-as control, which also checks that the user exists. */
  async function setDemoUser(conn: CrmConnection, userId: string): Promise<Identity> {
    const res = await via(conn)(hubspot.demo.actAs(userId));
    if (!res.ok) {
      if (res.error.status === 400 || res.error.status === 404)
        throw new HostCallError('INVALID_INPUT', `The demo CRM has no user ${userId}; nothing was changed.`);
      throw new HostCallError('NETWORK', `The demo CRM answered ${res.error.status ?? res.error.message} while switching the user.`);
    }
    const { ownerId, email } = res.value;
    return { userId: res.value.userId, ownerId: ownerId ?? null, email: email ?? null };
  }

  return {
    current: () => current,
    identity: () => (current?.kind === 'hubspot' ? user : null),
    status,

    restore: () => {
      let saved: SavedConnection | null;
      try {
        saved = opts.store.load();
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
      if (!saved) return Promise.resolve();
      // The token goes only where it was checked: when HubSpot is now elsewhere (--hubspot-url,
      // a changed setting), the app opens on Connect and the saved connection stays for later.
      const now = hubspotUrl.get().url;
      if (saved.kind === 'hubspot' && saved.baseUrl !== now) {
        log(`the saved HubSpot connection is for ${saved.baseUrl}, but HubSpot is now at ${now}: connect again`);
        return Promise.resolve();
      }
      const restored = saved;
      restoring = restored.kind;
      return serial(async () => {
        try {
          // A saved token is not re-checked here: the app must start offline too.
          current = restored.kind === 'demo' ? await startDemo() : { kind: 'hubspot', baseUrl: restored.baseUrl, token: restored.token };
          user = restored.kind === 'hubspot' ? (restored.user ?? null) : null;
          log(`restored the ${restored.kind === 'demo' ? 'demo CRM' : 'HubSpot'} connection`);
        } finally {
          restoring = null;
        }
      });
    },

    connect: (req) =>
      serial(async () => {
        let next: CrmConnection;
        let saved: SavedConnection;
        if (req.kind === 'demo') {
          next = await startDemo();
          saved = { kind: 'demo' };
        } else {
          const baseUrl = hubspotUrl.get().url;
          await checkToken(transport, baseUrl, req.token);
          next = { kind: 'hubspot', baseUrl, token: req.token };
          saved = { kind: 'hubspot', token: req.token, baseUrl };
        }
        // Kept before it is used: if it cannot be kept safely, the old connection stays.
        opts.store.save(saved);
        current = next;
        // A new token may belong to another account: "Who are you?" is asked again.
        user = null;
        log(`connected to ${req.kind === 'demo' ? 'the demo CRM' : `HubSpot at ${next.baseUrl}`}`);
        return status();
      }),

    disconnect: () =>
      serial(async () => {
        opts.store.save(null);
        current = null;
        user = null;
        log('disconnected from the CRM');
        return status();
      }),

    setUser: (userId) =>
      serial(async () => {
        const conn = current;
        if (!conn) throw new HostCallError('NOT_CONNECTED', 'No CRM is connected.');
        if (conn.kind === 'demo') {
          const who = await setDemoUser(conn, userId);
          log(`demo CRM user set to ${who.userId}`);
          return who;
        }
        const who = await resolveHubspotUser(conn, userId);
        // Kept before it is used; a store that cannot keep it leaves the old choice.
        opts.store.save({ kind: 'hubspot', token: conn.token, baseUrl: conn.baseUrl, user: who });
        user = who;
        log(`HubSpot user set to ${who.userId}`);
        return who;
      }),

    hubspotUrl: () => hubspotUrl.get(),

    // In line with connect: a "Connect HubSpot" already asked for uses the address it started with.
    setHubspotUrl: (url) => serial(async () => hubspotUrl.set(url)),
  };
}
