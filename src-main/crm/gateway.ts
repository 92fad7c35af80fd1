import type { z } from 'zod';
import { crmPathProblem, type CrmIdentity, type CrmRequest, type CrmResponse, type CrmStatus } from '../../shared/contract';
import { budgetFromHeaders, type RateBudget } from '../../shared/sync/rate-budget';
import { answerKind, retryAfterMs } from '../../shared/sync/transient';
import { hubspot, send } from '../../shared/hubspot';
import type { CrmPort } from '../../shared/hubspot/transport';
import { HostCallError } from '../host/dispatch';
import { RateLimiter, realClock, type BucketName, type Clock } from './rate-limiter';

export interface CrmConnection {
  kind: 'demo' | 'hubspot';
  baseUrl: string;
  token: string;
}

/** Where the current connection (and its token) comes from; the token never leaves main. */
export interface ConnectionSource {
  current(): CrmConnection | null;
  /** The current connection's HubSpot portal id, when known. */
  portalId?(): number | null;
  /** The user picked in "Who are you?" for a HubSpot connection (null: not yet). */
  identity?(): z.output<typeof CrmIdentity>;
}

export interface CrmGateway {
  status(): z.output<typeof CrmStatus>;
  request(req: z.output<typeof CrmRequest>): Promise<z.output<typeof CrmResponse>>;
  whoami(): Promise<z.output<typeof CrmIdentity>>;
}

export interface TransportOptions {
  limiter?: RateLimiter;
  clock?: Clock;
  fetch?: typeof fetch;
  random?: () => number;
  /** Attempts for a transient failure (429, 5xx); the last answer is returned as it is. */
  maxAttempts?: number;
  /** A request that has not answered by then is abandoned as NETWORK, so a hung socket cannot stall the sync. */
  timeoutMs?: number;
}

export interface GatewayOptions extends TransportOptions {
  connection: ConnectionSource;
  /** Shared with the connection manager, so its checks count against the same limits. */
  transport?: CrmTransport;
}

/** Sends a request as a given connection: the current one, or one being checked before it is kept. */
export interface CrmTransport {
  /** Throws a HostCallError (NETWORK) when the CRM could not be reached; any HTTP answer is returned. */
  send(conn: CrmConnection, req: z.output<typeof CrmRequest>): Promise<z.output<typeof CrmResponse>>;
}

// The CRM's `Date` header is not forwarded: the pull's 5-minute overlap window already covers
// HubSpot's search lag, and a settle cap on server time would hide other users' changes for
// half a minute (shared/sync/pull-incremental.ts uses it only when a port supplies it).
const FORWARDED_HEADERS = /^(x-hubspot-ratelimit-|retry-after$|x-hubspot-correlation-id$)/i;

/**
 * The only code that speaks HTTP to a CRM. It attaches the token, keeps under the rate
 * limits, and is the one layer that resends a request: an answer shared/sync/transient.ts
 * calls `retryable` (rate limits, locks, timeouts, 5xx; never the daily limit) is sent again
 * with exponential backoff and full jitter, so many clients coming back online at once do not
 * retry in lockstep. What it finally returns is the answer the sync acts on; the sync never
 * resends a request itself, it holds the pass and runs another later.
 *
 * One team, one budget: HubSpot's limits are the portal's, shared by every laptop. Every
 * answer's rate-limit headers are read: when the team has used most of the 10-second window
 * the limiter waits (`RateLimiter.observe`) instead of running into a 429, and the daily
 * count left is handed to the sync on every answer (`budget`, the last one stated: search
 * answers on HubSpot may not carry it), so the sync polls less when the day runs low.
 */
export function createCrmTransport(opts: TransportOptions = {}): CrmTransport {
  const clock = opts.clock ?? realClock;
  const limiter = opts.limiter ?? new RateLimiter(undefined, clock);
  const doFetch = opts.fetch ?? fetch;
  const random = opts.random ?? Math.random;
  const maxAttempts = opts.maxAttempts ?? 4;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  /** The portal's daily budget from the last answer that stated it (per connection: a new one starts unknown). */
  let budget: { baseUrl: string; value: RateBudget } | null = null;

  async function once(conn: CrmConnection, req: z.output<typeof CrmRequest>, bucket: BucketName) {
    if (req.priority === 'background') await limiter.acquire('background');
    await limiter.acquire(bucket);
    const url = crmUrl(conn, req.path);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
    }
    let res: Response;
    try {
      res = await doFetch(url, {
        method: req.method,
        headers: {
          authorization: `Bearer ${conn.token}`,
          accept: 'application/json',
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new HostCallError('NETWORK', `The CRM could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      if (FORWARDED_HEADERS.test(key)) headers[key.toLowerCase()] = value;
    });
    const text = await res.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers, body };
  }

  return {
    async send(conn, req) {
      const bucket: BucketName = req.bucket ?? (req.path.endsWith('/search') ? 'search' : 'standard');
      for (let attempt = 1; ; attempt++) {
        const res: z.output<typeof CrmResponse> = await once(conn, req, bucket);
        limiter.observe(bucket, res.headers);
        const stated = budgetFromHeaders(res.headers);
        if (stated) budget = { baseUrl: conn.baseUrl, value: stated };
        if (budget?.baseUrl === conn.baseUrl) res.budget = budget.value;
        if (answerKind(res) !== 'retryable' || attempt >= maxAttempts) return res;
        const backoff =
          retryAfterMs(res) ??
          (res.status === 429 ? (bucket === 'search' ? 1_000 : 10_000) * (0.5 + random()) : random() * Math.min(8_000, 500 * 2 ** attempt));
        if (res.status === 429) limiter.pause(bucket, backoff);
        await clock.sleep(backoff);
      }
    },
  };
}

/** `crm:request` and `crm:whoami` for the current connection, over the one transport. */
export function createCrmGateway(opts: GatewayOptions): CrmGateway {
  const transport = opts.transport ?? createCrmTransport(opts);
  const current = () => {
    const conn = opts.connection.current();
    if (!conn) throw new HostCallError('NOT_CONNECTED', 'No CRM is connected.');
    return conn;
  };

  return {
    status() {
      const conn = opts.connection.current();
      return { connected: conn !== null, kind: conn?.kind ?? null, baseUrl: conn?.baseUrl ?? null };
    },

    /**
     * Who the connection acts for. The demo CRM answers at its own extension endpoint (so
     * its act-as control switches the user); a HubSpot private-app token does not say, so
     * the user picked in "Who are you?" is returned (kept by the host, no request).
     */
    async whoami() {
      const conn = current();
      if (conn.kind !== 'demo') return opts.connection.identity?.() ?? null;
      const sent = await send(transportPort(transport, conn), hubspot.demo.whoami());
      if (!sent.ok) return null;
      const { userId, ownerId, email } = sent.value;
      return { userId, ownerId: ownerId ?? null, email: email ?? null };
    },

    async request(req) {
      const conn = current();
      // A window still on one portal's data never sends its queue to another portal (a switch elsewhere).
      const now = opts.connection.portalId?.() ?? null;
      if (req.portalId !== undefined && now !== req.portalId)
        throw new HostCallError(
          'NOT_CONNECTED',
          `This request is for HubSpot portal ${req.portalId}, but the app is now connected to ${now ? `portal ${now}` : 'another CRM'}; nothing was sent.`,
        );
      checkNormalisedPath(conn, req.path);
      return transport.send(conn, req);
    },
  };
}

/** The transport as a CrmPort for one connection, so shared/hubspot's calls can be sent as it. */
export function transportPort(transport: CrmTransport, conn: CrmConnection): CrmPort {
  return {
    async request(req) {
      try {
        return { ok: true, data: await transport.send(conn, req) };
      } catch (err) {
        if (err instanceof HostCallError) return { ok: false, error: { code: err.code, message: err.message } };
        throw err;
      }
    },
  };
}

function crmUrl(conn: CrmConnection, path: string): URL {
  return new URL(conn.baseUrl.replace(/\/$/, '') + path);
}

/**
 * Normalise first, then allow: the path the CRM will receive is the URL parser's, not the
 * string the renderer sent, so the allow-list is checked on `url.pathname`, and a path the
 * parser would rewrite (dot segments, also percent-encoded ones, backslashes) is refused.
 * The contract's schema already refuses these shapes; this holds even for a caller that
 * skipped it.
 */
function checkNormalisedPath(conn: CrmConnection, path: string): void {
  const basePath = new URL(conn.baseUrl).pathname.replace(/\/$/, '');
  let problem = crmPathProblem(path);
  if (!problem) {
    const url = crmUrl(conn, path);
    const sent = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    if (sent !== path || url.search !== '' || url.hash !== '') problem = 'path must not change when the URL is normalised';
    else problem = crmPathProblem(sent);
  }
  if (problem) throw new HostCallError('INVALID_INPUT', `Invalid CRM path: ${problem}.`);
}
