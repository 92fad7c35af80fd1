import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { generateDataset, type DatasetKind, type DatasetSize } from './dataset/generate';
import { DEFAULT_SEARCH_LAG, Faults, NO_SEARCH_LAG, SearchLagSchema, type SearchLag } from './faults';
import { RateLimiter, TIER_LIMITS, type RateLimitConfig } from './http/rate-limit';
import { Router } from './http/router';
import { loopbackHosts, randomDemoToken } from './http/auth';
import { createRequestListener, MAX_HEADER_BYTES, onClientError } from './http/server';
import { Credentials } from './oauth/credentials';
import { DEMO_CLIENT_ID, oauthRoutes, serviceKeyRoutes } from './oauth/routes';
import { accountRoutes, DEMO_SCOPES } from './routes/account';
import { associationRoutes } from './routes/associations';
import { batchRoutes } from './routes/batch';
import type { Ctx } from './routes/context';
import { demoRoutes } from './routes/demo';
import { mergeRoutes } from './routes/merge';
import { metaRoutes } from './routes/meta';
import { objectRoutes } from './routes/objects';
import { propertyRoutes } from './routes/properties';
import { schemaRoutes } from './routes/schemas';
import { searchRoutes } from './routes/search';
import { DEFAULT_USER_ID } from './schema/users';
import { Persistence } from './store/persist';
import { Store } from './store/store';
import { produceActivity } from './tick';
import { DEFAULT_PORTAL_ID, DEFAULT_TIER, type Tier } from './tier';

export interface DemoCrmOptions {
  port?: number;
  dataDir: string;
  size?: DatasetSize;
  seed?: number;
  /** The bearer token; a fresh random one for each start when omitted (see `DemoCrm.token`). */
  token?: string;
  now?: () => number;
  timeZone?: string;
  /**
   * Limits of this portal, shared by all its tokens: the tier's (HubSpot's published figures)
   * when omitted; `false` = not enforced (headers are still sent).
   */
  rateLimits?: RateLimitConfig | false;
  /** More bearer tokens of the same portal ("two clients of one portal"); `token` is always valid. */
  tokens?: string[];
  /** 414 for request lines over 8,192 bytes, as on HubSpot (default on; `/__demo/faults` `uriLimit`). */
  uriLimit?: boolean;
  /**
   * When set, new activity for the signed-in user's contacts (what POST /__demo/tick makes)
   * appears this often, so the app's Feed has news after a sync. Off in tests, which tick
   * explicitly.
   */
  activityEveryMs?: number;
  /** The subscription tier this portal plays (limits, custom objects). Default Professional. */
  tier?: Tier;
  /** An OAuth access token's life in seconds (HubSpot's: 1800); short to test refreshing. */
  accessTokenTtlS?: number;
  /** The OAuth client id the authorize page and token endpoint accept (default `cs-workspace-demo`). */
  oauthClientId?: string;
  /** When set, the token endpoint requires it too; otherwise PKCE alone proves the client. */
  oauthClientSecret?: string;
  /** Service keys of this portal, each with the scopes an admin chose (more: `POST /__demo/service-keys`). */
  serviceKeys?: { key: string; scopes: string[] }[];
  /** This portal's id (`/account-info/v3/details`); two demo portals differ by it. */
  portalId?: number;
  /**
   * How long a created or updated record stays invisible to search (real time, drawn per
   * write from a PRNG seeded by the faults' `seed`). Default 1–10 s, as on HubSpot; a number
   * is a fixed lag, `false` or 0 switches it off. Changeable later through `/__demo/faults`.
   */
  searchLag?: SearchLag | number | false;
  /**
   * Lenient, for tests of the workspace rather than of sync volume: the generated dataset
   * leaves out the catalogue's fill values and the heavy accounts, and the property
   * catalogue lists only the properties the app and the dataset use (no HubSpot defaults or
   * custom ones beyond them). Default false: a realistic portal.
   */
  leanDataset?: boolean;
  /**
   * Which book a fresh data dir gets: `standard` (default), or `hostile`, the same book with
   * values a client must survive mixed in — markup and script in text, values at HubSpot's
   * length limit, dates and numbers that do not parse, removed stages and owners, association
   * loops (`dataset/hostile.ts`). A data dir that already holds a portal keeps it.
   */
  dataset?: DatasetKind;
}

export interface DemoCrm {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** How often the app's embedded demo CRM makes new activity (a few items each time). */
export const DEMO_ACTIVITY_EVERY_MS = 10 * 60_000;

/** Starts the demo CRM on 127.0.0.1; a fresh data dir gets a generated dataset first. */
export async function startDemoCrm(opts: DemoCrmOptions): Promise<DemoCrm> {
  const token = opts.token ?? randomDemoToken();
  const baseNow = opts.now ?? Date.now;
  const clockOffset = { ms: 0 };
  const now = (): number => baseNow() + clockOffset.ms;
  const mono = (): number => performance.now();
  const zone = opts.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const tier = opts.tier ?? DEFAULT_TIER;
  const tokens = [token, ...(opts.tokens ?? []).filter((t) => t !== '' && t !== token)];
  const persistence = await Persistence.open(opts.dataDir);
  const store = new Store(persistence, { now, mono });
  store.schema.portalId = opts.portalId ?? DEFAULT_PORTAL_ID;
  if (store.isEmpty) {
    generateDataset(store, {
      size: opts.size ?? 'small',
      seed: opts.seed ?? 1,
      now: now(),
      zone,
      lean: opts.leanDataset ?? false,
      dataset: opts.dataset ?? 'standard',
    });
    store.saveGenerated();
  }
  const faults = new Faults(opts.rateLimits !== false, opts.uriLimit ?? true, searchLagOption(opts.searchLag));
  store.searchLag = () => faults.drawSearchLag();
  const limiter = new RateLimiter(opts.rateLimits || TIER_LIMITS[tier], { mono, now }, zone);
  limiter.enabled = opts.rateLimits !== false;
  const whoami = { userId: store.meta.get('whoami') ?? DEFAULT_USER_ID };
  const ctx: Ctx = {
    store,
    faults,
    limiter,
    now,
    clockOffset,
    whoami,
    tier,
    portalId: opts.portalId ?? DEFAULT_PORTAL_ID,
    timeZone: zone,
    tokens,
    leanCatalogue: opts.leanDataset ?? false,
    tick: (count) => produceActivity(store, whoami.userId, count, now()),
  };

  const api = new Router();
  searchRoutes(api, ctx);
  batchRoutes(api, ctx);
  associationRoutes(api, ctx);
  mergeRoutes(api, ctx);
  objectRoutes(api, ctx);
  metaRoutes(api, ctx);
  propertyRoutes(api, ctx);
  schemaRoutes(api, ctx);
  const demo = new Router();
  demoRoutes(demo, ctx);
  accountRoutes(api, demo, ctx);
  const creds = new Credentials(tokens, DEMO_SCOPES, now, opts.accessTokenTtlS ?? 1800);
  for (const k of opts.serviceKeys ?? []) creds.addServiceKey(k.scopes, k.key);
  const open = new Router();
  oauthRoutes(open, ctx, creds, { clientId: opts.oauthClientId ?? DEMO_CLIENT_ID, clientSecret: opts.oauthClientSecret ?? null });
  serviceKeyRoutes(demo, creds);

  let hosts: readonly string[] = [];
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    createRequestListener({ grant: (t) => creds.grant(t), hosts: () => hosts, api, demo, open, faults, limiter, commit: () => store.commit() }),
  );
  server.on('clientError', onClientError);
  // Node's default. A client keeps an idle connection only while the server's stated timeout
  // is more than its own margin (undici, Node's fetch: 2 s), so with 1 s here every request of
  // the app's gateway opened a new connection.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = loopbackHosts(port);
  const activity = opts.activityEveryMs ? setInterval(() => ctx.tick(3), opts.activityEveryMs) : undefined;
  activity?.unref();
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        clearInterval(activity);
        server.close((err) => {
          try {
            store.commit();
            persistence.close();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
            return;
          }
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      })),
  };
}

function searchLagOption(lag: DemoCrmOptions['searchLag']): SearchLag {
  if (lag === undefined) return DEFAULT_SEARCH_LAG;
  if (lag === false) return NO_SEARCH_LAG;
  return SearchLagSchema.parse(typeof lag === 'number' ? { minMs: lag, maxMs: lag } : lag);
}
