import { createCrmGateway } from '../../../../src-main/crm/gateway';
import { RateLimiter, type Clock } from '../../../../src-main/crm/rate-limiter';
import type { Tier } from '../../../../src-main/demo-crm/tier';
import { HostCallError } from '../../../../src-main/host/dispatch';
import type { CrmPort, CrmRequest, CrmResult } from '../../../../shared/sync';
import { afterAll, beforeAll } from 'vitest';
import { startTestDemoCrm } from '../../../support/demo-crm';

export interface TestCrm {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * A real demo CRM over HTTP on a free port, in a fresh data dir; rate limits off unless asked.
 * Search lags writes by 1–10 s as on HubSpot unless `searchLag` says otherwise (`false` = off).
 * The sync tests' preset of the one test starter (tests/support/demo-crm.ts): the real
 * clock unless `now` is given, seed 1.
 */
export async function startTestCrm(
  opts: { seed?: number; rateLimits?: boolean; now?: () => number; tier?: Tier; searchLag?: number | false; size?: 'small' | 'medium' } = {},
): Promise<TestCrm> {
  const crm = await startTestDemoCrm({
    size: opts.size ?? 'small',
    seed: opts.seed ?? 1,
    now: opts.now ?? (() => Date.now()),
    rateLimits: opts.rateLimits ? undefined : false,
    ...(opts.tier ? { tier: opts.tier } : {}),
    ...(opts.searchLag !== undefined ? { searchLag: opts.searchLag } : {}),
  });
  return { url: crm.url, token: crm.token, close: () => crm.stop() };
}

/** What `startTestCrm` takes. */
export type TestCrmOptions = NonNullable<Parameters<typeof startTestCrm>[0]>;

/**
 * One test CRM for a whole file: started before its tests with `opts`, stopped after them;
 * `onStart` receives it and its admin access once it is up.
 */
export function testCrmPerFile(opts: TestCrmOptions, onStart: (crm: TestCrm, admin: CrmAdmin) => void): void {
  let crm: TestCrm | undefined;
  beforeAll(async () => {
    crm = await startTestCrm(opts);
    onStart(crm, crmAdmin(crm));
  });
  afterAll(() => crm?.close());
}

/**
 * Sleeps are skipped: tests exercise the retry paths, not the waiting. The clock moves on by
 * what was slept, so a limiter that waits "until time T" sees T at once. With `now` left on
 * the real clock it saw T only when real time got there and spun until then: past 60 % of a
 * window the CRM states (about 76 requests in 10 s; a demo CRM with its limits off states
 * none) the gateway holds the bucket, so a busy test both waited and burnt a core doing it.
 */
function skippingClock(): Clock {
  let skipped = 0;
  return {
    now: () => Date.now() + skipped,
    sleep: async (ms) => {
      skipped += Math.max(0, ms);
    },
  };
}

export interface CountingPort extends CrmPort {
  log: CrmRequest[];
  reset(): void;
}

/**
 * The CRM port of the tests: the app's real gateway (HTTP, limiter, retries) pointed at the
 * demo CRM, with its throws turned into Result values as the host dispatcher does, and every
 * request counted.
 */
export function gatewayPort(crm: TestCrm, opts: { maxAttempts?: number; timeoutMs?: number } = {}): CountingPort {
  const { timeoutMs } = opts;
  const clock = skippingClock();
  const gateway = createCrmGateway({
    connection: { current: () => ({ kind: 'demo', baseUrl: crm.url, token: crm.token }) },
    limiter: new RateLimiter({ standard: { max: 1_000_000, intervalMs: 10_000 }, search: { max: 1_000_000, intervalMs: 1_000 } }, clock),
    clock,
    maxAttempts: opts.maxAttempts ?? 1,
    // A connection the demo CRM dropped can leave the next request waiting out undici's 10 s
    // connect timeout; a shorter one turns that into the NETWORK error it is, sooner.
    ...(timeoutMs ? { fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }) } : {}),
  });
  const log: CrmRequest[] = [];
  return {
    log,
    reset: () => void (log.length = 0),
    async request(req): Promise<CrmResult> {
      log.push(req);
      try {
        return { ok: true, data: await gateway.request(req) };
      } catch (err) {
        if (err instanceof HostCallError) return { ok: false, error: { code: err.code, message: err.message } };
        return { ok: false, error: { code: 'INTERNAL', message: String(err) } };
      }
    },
  };
}

export type CrmAdmin = ReturnType<typeof crmAdmin>;

/** Direct access to the CRM for assertions and for "another user" edits (X-Demo-Act-As). */
export function crmAdmin(crm: TestCrm) {
  async function call<T = unknown>(method: string, path: string, body?: unknown, actAs?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(crm.url + path, {
        method,
        headers: {
          authorization: `Bearer ${crm.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(actAs ? { 'x-demo-act-as': actAs } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // See gatewayPort: after a dropped connection a request may otherwise wait 10 s.
        signal: AbortSignal.timeout(2_000),
      }).catch(() => null);
      if (res && res.status < 500 && res.status !== 429) {
        const text = await res.text();
        if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text}`);
        return (text ? JSON.parse(text) : null) as T;
      }
      if (attempt > 20) throw new Error(`${method} ${path} kept failing`);
    }
  }
  return {
    call,
    setFaults: (patch: Record<string, unknown>) => call('PUT', '/__demo/faults', patch),
    clearFaults: () => call('PUT', '/__demo/faults', { latencyMs: 0, errorRate: 0, dropRate: 0, force429: 0, searchLagMs: 0 }),
    /** Every record of a type; long property lists go in the body of batch/read (a GET would get 414). */
    async listAll(type: string, properties?: string[]): Promise<Array<{ id: string; properties: Record<string, string | null>; updatedAt: string }>> {
      type Rec = { id: string; properties: Record<string, string | null>; updatedAt: string };
      const out: Rec[] = [];
      let after: string | undefined;
      do {
        const q = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
        const body = await call<{ results: Rec[]; paging?: { next?: { after?: string } } }>('GET', `/crm/v3/objects/${type}?${q}`);
        if (!properties) out.push(...body.results);
        else if (body.results.length) {
          const read = await call<{ results: Rec[] }>('POST', `/crm/v3/objects/${type}/batch/read`, {
            properties,
            inputs: body.results.map((r) => ({ id: r.id })),
          });
          const byId = new Map(read.results.map((r) => [r.id, r]));
          out.push(...body.results.map((r) => byId.get(r.id)!));
        }
        after = body.paging?.next?.after;
      } while (after);
      return out;
    },
    /** Every association of the CRM between the pairs' types, as "from:id→to:id" strings, following per-input paging. */
    async associationsBetween(pairs: ReadonlyArray<readonly [string, string]>): Promise<string[]> {
      const out: string[] = [];
      for (const [from, to] of pairs) {
        const ids = (await this.listAll(from)).map((r) => r.id);
        for (let i = 0; i < ids.length; i += 1000) {
          let inputs: Array<{ id: string; after?: string }> = ids.slice(i, i + 1000).map((id) => ({ id }));
          while (inputs.length) {
            const body = await call<{ results: Array<{ from: { id: string }; to: Array<{ toObjectId: number }>; paging?: { next?: { after?: string } } }> }>(
              'POST',
              `/crm/v4/associations/${from}/${to}/batch/read`,
              { inputs },
            );
            for (const r of body.results) for (const t of r.to) out.push(`${from}:${r.from.id}→${to}:${t.toObjectId}`);
            inputs = body.results.flatMap((r) => (r.paging?.next?.after ? [{ id: r.from.id, after: r.paging.next.after }] : []));
          }
        }
      }
      return out.sort();
    },
    async propertyNames(type: string): Promise<string[]> {
      const body = await call<{ results: Array<{ name: string }> }>('GET', `/crm/v3/properties/${type}`);
      return body.results.map((p) => p.name);
    },
    update: (type: string, id: string, properties: Record<string, string>, actAs?: string) =>
      call('PATCH', `/crm/v3/objects/${type}/${id}`, { properties }, actAs),
    archive: (type: string, id: string) => call('DELETE', `/crm/v3/objects/${type}/${id}`),
    async history(type: string, id: string, props: string[]) {
      const q = new URLSearchParams({ propertiesWithHistory: props.join(','), properties: props.join(',') });
      return call<{
        properties: Record<string, string | null>;
        propertiesWithHistory: Record<string, Array<{ value: string; timestamp: string; sourceType: string; sourceId?: string; updatedByUserId?: number }>>;
      }>('GET', `/crm/v3/objects/${type}/${id}?${q}`);
    },
    /** Records carrying a client id, from the list endpoint: search would miss fresh ones (index lag). */
    findByClientId(type: string, clientId: string) {
      return this.findByProperty(type, 'cs_client_id', clientId);
    },
    /** Records whose property equals the value, by listing (no search: its index lags). */
    async findByProperty(type: string, property: string, value: string): Promise<{ total: number; results: Array<{ id: string }> }> {
      const q = new URLSearchParams({ limit: '100', properties: property });
      const results: Array<{ id: string }> = [];
      for (let after: string | undefined; ;) {
        const body = await call<{ results: Array<{ id: string; properties: Record<string, string | null> }>; paging?: { next?: { after?: string } } }>(
          'GET',
          `/crm/v3/objects/${type}?${q}${after ? `&after=${after}` : ''}`,
        );
        results.push(...body.results.filter((r) => r.properties[property] === value).map((r) => ({ id: r.id })));
        after = body.paging?.next?.after;
        if (!after) return { total: results.length, results };
      }
    },
  };
}
