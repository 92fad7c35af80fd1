import type { z } from 'zod';
import type { CrmStatus } from '../../shared/contract';
import { HUBSPOT_API_BASE_URL } from '../../shared/contract/hubspot-url';
import { HostCallError } from '../host/dispatch';
import { checkKey } from './credential-check';
import { resolveHubspotUser, setDemoUser, type Identity } from './crm-user';
import { createCrmTransport, type CrmConnection } from './gateway';
import { fixedHubspotUrl } from './hubspot-url';
import { connectWithOAuth } from './oauth/oauth-connect';
import { isPortal, listPortals, memoryPortalStore, type SavedPortal } from './portals';
import { startOAuthSession, systemClock, type OAuthSession } from './oauth/session';
import { createTokenClient, type OAuthConfig, type TokenSet } from './oauth/token-client';

/** HubSpot's API host; `--hubspot-url`, Settings and tests point "HubSpot" elsewhere (e.g. at a demo CRM). */
export { HUBSPOT_API_BASE_URL };

export type { Identity };
export { memoryConnectionStore } from './connection-types';
export type { ConnectionManager, ConnectionManagerOptions, ConnectionStore, DemoCrmLauncher, SavedConnection } from './connection-types';

import type { ConnectionManager, ConnectionManagerOptions, SavedConnection } from './connection-types';

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
  /** What is kept of the HubSpot connection (auth, portal, OAuth refresh token), as last saved. */
  let saved: Extract<SavedConnection, { kind: 'hubspot' }> | null = null;
  let session: OAuthSession | null = null;
  let signedOut = false;
  let restoring: SavedConnection['kind'] | null = null;
  const portals = opts.portals ?? memoryPortalStore();
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

  // Fields beyond connected/kind/baseUrl appear only when they say something.
  const status = (): z.output<typeof CrmStatus> => {
    const hub = current?.kind === 'hubspot' && saved?.auth ? { auth: saved.auth, portalId: saved.portalId ?? null, ...(signedOut ? { signedOut } : {}) } : {};
    const listed = listPortals(current?.kind === 'hubspot' ? saved : null, portals.list(), saved?.baseUrl ?? hubspotUrl.get().url);
    const base = { ...(opts.oauth && oauthConfig() ? { oauthAvailable: true } : {}), ...hub, ...(listed.some((p) => !p.current) ? { portals: listed } : {}) };
    return current === null && restoring !== null
      ? { connected: true, kind: restoring, baseUrl: null, ...base }
      : { connected: current !== null, kind: current?.kind ?? null, baseUrl: current?.baseUrl ?? null, ...base };
  };

  const oauthConfig = (): OAuthConfig | null => opts.oauth?.config(hubspotUrl.get().url) ?? null;
  const tokenClient = (baseUrl: string) => {
    const config = opts.oauth?.config(baseUrl);
    return config ? createTokenClient({ config, now: (opts.oauth?.clock ?? systemClock).now }) : null;
  };

  /** Keeps an OAuth sign-in fresh; each new token set is saved before it is used, and a refused refresh signs out. */
  function startSession(keep: Extract<SavedConnection, { kind: 'hubspot' }>, tokens: TokenSet): void {
    const client = tokenClient(keep.baseUrl);
    if (!client) return;
    session = startOAuthSession({
      tokens,
      clock: opts.oauth?.clock ?? systemClock,
      refresh: (rt) => client.refresh(rt),
      onTokens: (next) => {
        if (saved !== keep) return;
        const again = { ...keep, token: next.accessToken, oauth: { refreshToken: next.refreshToken, expiresAt: next.expiresAt } };
        opts.store.save(again);
        saved = again;
        keep = again;
        if (current?.kind === 'hubspot') current = { ...current, token: next.accessToken };
      },
      // The connection stays (its token now answers 401): the sync queue waits intact (docs/sync-guarantees.md G14).
      onSignedOut: () => {
        signedOut = true;
      },
      log,
    });
  }

  function stopSession(): void {
    session?.stop();
    session = null;
    signedOut = false;
  }

  /** A kept portal becomes the connection (its saved token; an OAuth one refreshes as usual). */
  function usePortal(next: SavedPortal): void {
    stopSession();
    current = { kind: 'hubspot', baseUrl: next.baseUrl, token: next.token };
    user = next.user ?? null;
    saved = next;
    if (next.oauth) startSession(next, { accessToken: next.token, ...next.oauth });
  }

  /** Another portal at the same address: the kept one's credential stays, for a switch back in Settings. */
  const keptAt = (baseUrl: string) => portals.list().filter((p) => p.baseUrl === baseUrl);

  return {
    current: () => current,
    portalId: () => (current?.kind === 'hubspot' ? (saved?.portalId ?? null) : null),
    identity: () => (current?.kind === 'hubspot' ? user : null),
    status,

    restore: () => {
      let loaded: SavedConnection | null;
      try {
        loaded = opts.store.load();
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
      if (!loaded) return Promise.resolve();
      // The token goes only where it was checked: when HubSpot is now elsewhere (--hubspot-url,
      // a changed setting), the app opens on Connect and the saved connection stays for later.
      const now = hubspotUrl.get().url;
      if (loaded.kind === 'hubspot' && loaded.baseUrl !== now) {
        log(`the saved HubSpot connection is for ${loaded.baseUrl}, but HubSpot is now at ${now}: connect again`);
        return Promise.resolve();
      }
      const restored = loaded;
      restoring = restored.kind;
      return serial(async () => {
        try {
          // A saved token is not re-checked here: the app must start offline too.
          current = restored.kind === 'demo' ? await startDemo() : { kind: 'hubspot', baseUrl: restored.baseUrl, token: restored.token };
          user = restored.kind === 'hubspot' ? (restored.user ?? null) : null;
          saved = restored.kind === 'hubspot' ? restored : null;
          if (restored.kind === 'hubspot' && restored.oauth) startSession(restored, { accessToken: restored.token, ...restored.oauth });
          log(`restored the ${restored.kind === 'demo' ? 'demo CRM' : 'HubSpot'} connection`);
        } finally {
          restoring = null;
        }
      });
    },

    connect: (req) =>
      serial(async () => {
        let next: CrmConnection;
        let keep: SavedConnection;
        let who: Identity | null = null;
        let tokens: TokenSet | null = null;
        if (req.kind === 'demo') {
          next = await startDemo();
          keep = { kind: 'demo' };
        } else if (req.kind === 'hubspot-oauth') {
          const baseUrl = hubspotUrl.get().url;
          const config = oauthConfig();
          const client = tokenClient(baseUrl);
          if (!config || !client || !opts.oauth) throw new HostCallError('NOT_ALLOWED', 'Sign in with HubSpot is not set up on this computer (docs/oauth.md).');
          const done = await connectWithOAuth({
            config,
            client,
            transport,
            baseUrl,
            openBrowser: (url) => opts.oauth?.openBrowser(url) ?? Promise.resolve(),
            timeoutMs: opts.oauth.signInTimeoutMs ?? 10 * 60_000,
          });
          if (req.again) await sameSignIn(saved, done, () => client.revoke(baseUrl, done.tokens.refreshToken));
          ({ tokens } = done);
          who = done.identity;
          next = { kind: 'hubspot', baseUrl, token: tokens.accessToken };
          const oauth = { refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt };
          keep = { kind: 'hubspot', token: tokens.accessToken, baseUrl, user: who, portalId: done.portalId, auth: 'oauth', oauth };
        } else {
          const baseUrl = hubspotUrl.get().url;
          const { portalId, keyKind } = await checkKey(transport, baseUrl, req.token);
          next = { kind: 'hubspot', baseUrl, token: req.token };
          keep = { kind: 'hubspot', token: req.token, baseUrl, portalId, auth: keyKind };
        }
        // The portal connected until now keeps its credential (a switch back needs no new sign-in),
        // kept before anything else, so a store that refuses it changes nothing.
        if (isPortal(saved) && !(isPortal(keep) && keep.portalId === saved.portalId)) portals.put(saved);
        // Kept before it is used: if it cannot be kept safely, the old connection stays.
        opts.store.save(keep);
        if (isPortal(keep)) portals.remove(keep.portalId);
        stopSession();
        current = next;
        saved = keep.kind === 'hubspot' ? keep : null;
        // A pasted key may belong to another account: "Who are you?" is asked again. A sign-in says who.
        user = who;
        if (tokens && keep.kind === 'hubspot') startSession(keep, tokens);
        log(`connected to ${req.kind === 'demo' ? 'the demo CRM' : `HubSpot at ${next.baseUrl}${tokens ? ' (signed in)' : ''}`}`);
        return status();
      }),

    disconnect: () =>
      serial(async () => {
        const refresh = saved?.oauth?.refreshToken;
        const client = saved ? tokenClient(saved.baseUrl) : null;
        opts.store.save(null);
        if (isPortal(saved)) portals.remove(saved.portalId);
        stopSession();
        // Signing out revokes the grant at HubSpot too; offline, it is only forgotten here.
        if (refresh && client && saved) await client.revoke(saved.baseUrl, refresh).catch(() => log('could not revoke the HubSpot sign-in'));
        current = null;
        user = null;
        saved = null;
        log('disconnected from the CRM');
        // Only this portal's credential goes: another connected portal at this address takes over.
        const next = keptAt(hubspotUrl.get().url).at(-1);
        if (next) {
          opts.store.save(next);
          portals.remove(next.portalId);
          usePortal(next);
          log(`switched to HubSpot portal ${next.portalId}`);
        }
        return status();
      }),

    setUser: (userId) =>
      serial(async () => {
        const conn = current;
        if (!conn) throw new HostCallError('NOT_CONNECTED', 'No CRM is connected.');
        if (conn.kind === 'demo') {
          const who = await setDemoUser(transport, conn, userId);
          log(`demo CRM user set to ${who.userId}`);
          return who;
        }
        if (saved?.auth === 'oauth') throw new HostCallError('NOT_ALLOWED', 'Signed in with HubSpot: the user is the one who signed in.');
        const who = await resolveHubspotUser(transport, conn, userId);
        const keep = { ...(saved ?? { kind: 'hubspot' as const, baseUrl: conn.baseUrl }), token: conn.token, user: who };
        // Kept before it is used; a store that cannot keep it leaves the old choice.
        opts.store.save(keep);
        saved = keep;
        user = who;
        log(`HubSpot user set to ${who.userId}`);
        return who;
      }),

    hubspotUrl: () => hubspotUrl.get(),

    // In line with connect: a "Connect HubSpot" already asked for uses the address it started with.
    setHubspotUrl: (url) => serial(async () => hubspotUrl.set(url)),

    switchPortal: (portalId) =>
      serial(async () => {
        if (current && isPortal(saved) && saved.portalId === portalId) return status();
        const baseUrl = hubspotUrl.get().url;
        const next = keptAt(baseUrl).find((p) => p.portalId === portalId);
        if (!next) throw new HostCallError('INVALID_INPUT', `No HubSpot portal ${portalId} is connected at ${baseUrl}; nothing was changed.`);
        // Same order as connect: the one in use is kept first, then the switch is saved.
        if (isPortal(saved)) portals.put(saved);
        opts.store.save(next);
        portals.remove(portalId);
        usePortal(next);
        log(`switched to HubSpot portal ${portalId}`);
        return status();
      }),
  };
}

/**
 * "Sign in again" after HubSpot signed the user out: the edits waiting here were made by that
 * person in that portal, so only the same person in the same portal takes the connection back.
 * Anyone else is refused, their new grant revoked, and the signed-out connection stays as it was.
 */
async function sameSignIn(before: SavedConnection | null, done: { identity: Identity; portalId: number }, revoke: () => Promise<void>): Promise<void> {
  const was = before?.kind === 'hubspot' && before.auth === 'oauth' ? before : null;
  if (was && was.user?.userId === done.identity.userId && was.portalId === done.portalId) return;
  await revoke().catch(() => {});
  const expected = was?.user?.email ?? 'the user who signed in before';
  throw new HostCallError(
    'NOT_ALLOWED',
    `You signed in as ${done.identity.email ?? 'another user'}, but the edits waiting here are ${expected}'s. Sign in as ${expected}. Nothing was changed.`,
  );
}
