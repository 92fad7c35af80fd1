import { describe, expect, it } from 'vitest';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { virtualClock } from '../../support/virtual-clock';
import { RateLimiter } from '../../../src-main/crm/rate-limiter';

const conn = { current: () => ({ kind: 'demo' as const, baseUrl: 'http://crm.test', token: 't' }) };

function scripted(statuses: number[], headers: Record<string, string> = {}) {
  const seen: number[] = [];
  const fetchImpl = (async () => {
    const status = statuses[Math.min(seen.length, statuses.length - 1)] ?? 200;
    seen.push(status);
    return new Response(status === 204 ? null : JSON.stringify({ status }), { status, headers });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

describe('the rate limiter', () => {
  it('admits at most max requests per rolling interval, in order', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ standard: { max: 3, intervalMs: 10_000 }, search: { max: 1, intervalMs: 1000 } }, clock);
    const admitted: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire('standard');
      admitted.push(clock.now());
    }
    expect(admitted).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000]);
  });

  it('meters search separately from the standard bucket', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ standard: { max: 100, intervalMs: 10_000 }, search: { max: 2, intervalMs: 1000 } }, clock);
    for (let i = 0; i < 4; i++) await limiter.acquire('search');
    expect(clock.now()).toBe(1000);
    await limiter.acquire('standard');
    expect(clock.now()).toBe(1000);
  });
});

describe('the CRM gateway', () => {
  it('retries 5xx with jittered, growing backoff and returns the success', async () => {
    const clock = virtualClock();
    const { fetchImpl, seen } = scripted([503, 502, 200]);
    const gw = createCrmGateway({ connection: conn, clock, fetch: fetchImpl, random: () => 0.5 });
    const res = await gw.request({ method: 'GET', path: '/crm/v3/objects/deals' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([503, 502, 200]);
    expect(clock.slept).toEqual([500, 1000]);
  });

  it('gives up after maxAttempts and hands the last answer back as data', async () => {
    const clock = virtualClock();
    const { fetchImpl, seen } = scripted([500]);
    const gw = createCrmGateway({ connection: conn, clock, fetch: fetchImpl, maxAttempts: 3 });
    const res = await gw.request({ method: 'GET', path: '/crm/v3/objects/deals' });
    expect(res.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('honours Retry-After on 429 and does not retry a 400', async () => {
    const clock = virtualClock();
    const { fetchImpl } = scripted([429, 200], { 'retry-after': '3' });
    const gw = createCrmGateway({ connection: conn, clock, fetch: fetchImpl });
    expect((await gw.request({ method: 'GET', path: '/crm/v3/owners' })).status).toBe(200);
    expect(clock.slept[0]).toBe(3000);

    const bad = scripted([400, 200]);
    const gw2 = createCrmGateway({ connection: conn, clock: virtualClock(), fetch: bad.fetchImpl });
    expect((await gw2.request({ method: 'POST', path: '/crm/v3/objects/deals', body: {} })).status).toBe(400);
    expect(bad.seen).toEqual([400]);
  });

  it.each([
    [408, true],
    [423, true],
    [477, true],
    [520, true],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
  ])('resends %i only when the app calls it retryable (shared/sync/transient.ts): %s', async (status, retried) => {
    const { fetchImpl, seen } = scripted([status, 200]);
    const gw = createCrmGateway({ connection: conn, clock: virtualClock(), fetch: fetchImpl, random: () => 0.5 });
    const res = await gw.request({ method: 'GET', path: '/crm/v3/objects/deals' });
    expect(seen).toEqual(retried ? [status, 200] : [status]);
    expect(res.status).toBe(retried ? 200 : status);
  });

  it("does not retry a 429 of the daily limit: nothing gets through before the portal's midnight", async () => {
    const seen: number[] = [];
    const daily = (async () => {
      seen.push(429);
      return new Response(JSON.stringify({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY', message: 'You have reached your daily limit.' }), {
        status: 429,
      });
    }) as typeof fetch;
    const clock = virtualClock();
    const gw = createCrmGateway({ connection: conn, clock, fetch: daily });
    expect((await gw.request({ method: 'GET', path: '/crm/v3/owners' })).status).toBe(429);
    expect(seen).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it('reports an unreachable CRM as a NETWORK error and no connection as NOT_CONNECTED', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const gw = createCrmGateway({ connection: conn, clock: virtualClock(), fetch: down });
    await expect(gw.request({ method: 'GET', path: '/crm/v3/owners' })).rejects.toMatchObject({ code: 'NETWORK' });
    const none = createCrmGateway({ connection: { current: () => null } });
    await expect(none.request({ method: 'GET', path: '/crm/v3/owners' })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(none.status()).toEqual({ connected: false, kind: null, baseUrl: null });
  });
});
