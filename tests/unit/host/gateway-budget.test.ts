import { describe, expect, it } from 'vitest';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { virtualClock } from '../../support/virtual-clock';
import { RateLimiter, type Clock } from '../../../src-main/crm/rate-limiter';

const conn = { current: () => ({ kind: 'hubspot' as const, baseUrl: 'https://crm.test', token: 't' }) };
const roomy = () => ({ standard: { max: 1_000, intervalMs: 10_000 }, search: { max: 1_000, intervalMs: 1_000 } });

/**
 * A portal's rolling 10-second window shared with the rest of the team: `others` holds the
 * times of their calls; ours are added as they arrive. Answers carry HubSpot's headers, and a
 * call that finds the window full gets HubSpot's 429.
 */
function sharedPortal(clock: Clock, opts: { max: number; others: number[]; daily?: number; dailyUsed?: number }) {
  const calls: number[] = [...opts.others];
  const statuses: number[] = [];
  let used = opts.dailyUsed ?? 0;
  const fetchImpl = (async (input: string | URL | Request) => {
    const now = clock.now();
    const inWindow = calls.filter((t) => t > now - 10_000 && t <= now).length;
    const search = String(input).endsWith('/search');
    const dailyHeaders = () => ({
      'x-hubspot-ratelimit-daily': String(opts.daily ?? 650_000),
      'x-hubspot-ratelimit-daily-remaining': String((opts.daily ?? 650_000) - used),
    });
    if (!search && inWindow >= opts.max) {
      statuses.push(429);
      return new Response(JSON.stringify({ status: 'error', policyName: 'TEN_SECONDLY_ROLLING' }), {
        status: 429,
        headers: {
          ...dailyHeaders(),
          'x-hubspot-ratelimit-max': String(opts.max),
          'x-hubspot-ratelimit-remaining': '0',
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
        },
      });
    }
    calls.push(now);
    used++;
    statuses.push(200);
    const window: Record<string, string> = search
      ? {}
      : {
          'x-hubspot-ratelimit-max': String(opts.max),
          'x-hubspot-ratelimit-remaining': String(opts.max - inWindow - 1),
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
        };
    return new Response(JSON.stringify({ results: [] }), { status: 200, headers: { ...dailyHeaders(), ...window } });
  }) as typeof fetch;
  return { fetchImpl, statuses, calls };
}

describe('one team, one budget: the gateway reads the rate-limit headers', () => {
  it('holds back in proportion once less than 60 % of the 10-s window is left (the team past 40 %), the whole interval at 0', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(roomy(), clock);
    // HubSpot's headers for a 10-s window of 190 calls with `remaining` left.
    const windowLeft = (remaining: number) => ({
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': String(remaining),
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    });
    expect(limiter.observe('standard', windowLeft(114))).toBe(0);
    expect(limiter.observe('standard', windowLeft(57))).toBe(5_000);
    await limiter.acquire('standard');
    expect(clock.now()).toBe(5_000);
    expect(limiter.observe('standard', windowLeft(0))).toBe(10_000);
    await limiter.acquire('standard');
    expect(clock.now()).toBe(15_000);
    // Search answers carry no window headers; other buckets are not held by the standard one.
    expect(limiter.observe('search', { 'x-hubspot-ratelimit-daily': '650000' })).toBe(0);
  });

  it('when the team has used most of the window, one laptop sends 60 calls without a single 429', async () => {
    const clock = virtualClock(100_000);
    // The rest of the team made 80 of 100 calls in the last 10 s, spread evenly.
    const others = Array.from({ length: 80 }, (_, i) => 100_000 - 9_900 + i * 120);
    const portal = sharedPortal(clock, { max: 100, others });
    const gw = createCrmGateway({ connection: conn, clock, fetch: portal.fetchImpl, limiter: new RateLimiter(roomy(), clock), random: () => 0.5 });
    for (let i = 0; i < 60; i++) expect((await gw.request({ method: 'GET', path: '/crm/v3/objects/companies' })).status).toBe(200);
    expect(portal.statuses.filter((s) => s === 429)).toEqual([]);
    // It waited instead; at no moment did the window hold more than its 100.
    expect(clock.slept.length).toBeGreaterThan(0);
    const ours = portal.calls.slice(80);
    for (const t of ours) expect(portal.calls.filter((c) => c > t - 10_000 && c <= t).length).toBeLessThanOrEqual(100);
  });

  it('the same laptop without reading the headers would have run into 429s (the control)', async () => {
    const clock = virtualClock(100_000);
    const others = Array.from({ length: 80 }, (_, i) => 100_000 - 9_900 + i * 120);
    const portal = sharedPortal(clock, { max: 100, others });
    for (let i = 0; i < 60; i++) await portal.fetchImpl('https://crm.test/crm/v3/objects/companies');
    expect(portal.statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('hands the daily budget to the sync on every answer, low below 10 % of the day, kept across answers that do not state it', async () => {
    const clock = virtualClock();
    const portal = sharedPortal(clock, { max: 190, others: [], daily: 1_000, dailyUsed: 500 });
    const gw = createCrmGateway({ connection: conn, clock, fetch: portal.fetchImpl, limiter: new RateLimiter(roomy(), clock) });
    expect((await gw.request({ method: 'GET', path: '/crm/v3/owners' })).budget).toEqual({ daily: 1_000, dailyRemaining: 499, dailyLow: false });
    const low = sharedPortal(clock, { max: 190, others: [], daily: 1_000, dailyUsed: 905 });
    let headers: Record<string, string> = {};
    const gw2 = createCrmGateway({
      connection: conn,
      clock,
      limiter: new RateLimiter(roomy(), clock),
      fetch: async (input: string | URL | Request) => {
        const res = await low.fetchImpl(input);
        headers = Object.fromEntries(res.headers);
        return res;
      },
    });
    expect((await gw2.request({ method: 'GET', path: '/crm/v3/owners' })).budget).toEqual({ daily: 1_000, dailyRemaining: 94, dailyLow: true });
    expect(headers['x-hubspot-ratelimit-daily-remaining']).toBe('94');
    // An answer without the daily pair (HubSpot's search answers may lack it) still carries the last budget.
    const bare = createCrmGateway({
      connection: conn,
      clock,
      limiter: new RateLimiter(roomy(), clock),
      fetch: async (input: string | URL | Request) =>
        String(input).includes('owners') ? low.fetchImpl(input) : new Response('{"results":[]}', { status: 200 }),
    });
    await bare.request({ method: 'GET', path: '/crm/v3/owners' });
    expect((await bare.request({ method: 'POST', path: '/crm/v3/objects/deals/search', body: {} })).budget?.dailyLow).toBe(true);
    // No budget is invented before any answer stated one.
    const none = createCrmGateway({
      connection: conn,
      clock,
      limiter: new RateLimiter(roomy(), clock),
      fetch: async () => new Response('{}', { status: 200 }),
    });
    expect((await none.request({ method: 'GET', path: '/crm/v3/owners' })).budget).toBeUndefined();
  });

  it('paces background reads (reconcile, sweep) below the full rate; ordinary calls are not held by them', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...roomy(), background: { max: 3, intervalMs: 10_000 } }, clock);
    const gw = createCrmGateway({ connection: conn, clock, limiter, fetch: async () => new Response('{"results":[]}', { status: 200 }) });
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await gw.request({ method: 'GET', path: '/crm/v3/objects/companies', priority: 'background' });
      at.push(clock.now());
    }
    expect(at).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000]);
    await gw.request({ method: 'GET', path: '/crm/v3/objects/companies' });
    expect(clock.now()).toBe(20_000);
  });
});
