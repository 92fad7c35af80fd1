import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

// Three portals, each with two tokens: one with its tier's real limits (starter), one with
// small windows (shared-window tests), one with wide windows (daily budget, headers, 414).
let starter: TestDemoCrm;
let small: TestDemoCrm;
let wide: TestDemoCrm;

beforeAll(async () => {
  [starter, small, wide] = await Promise.all([
    startTestDemoCrm({ rateLimits: undefined, tier: 'starter', portalId: 111, token: 'starter-a', tokens: ['starter-b'] }),
    startTestDemoCrm({ rateLimits: { standardPer10s: 6, searchPerSecond: 2 }, portalId: 222, token: 'small-a', tokens: ['small-b'] }),
    startTestDemoCrm({ rateLimits: { standardPer10s: 1000, searchPerSecond: 100 }, portalId: 333 }),
  ]);
});
afterAll(() => Promise.all([starter.stop(), small.stop(), wide.stop()]));

const as = (crm: TestDemoCrm, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
  crm.api(path, { ...init, headers: { Authorization: `Bearer ${token}` } });

/** A GET whose path + query is exactly `bytes` long. */
const urlOf = (bytes: number): string => {
  const base = '/crm/v3/objects/companies?limit=1&pad=';
  return base + 'x'.repeat(bytes - base.length);
};

const LIMIT_HEADERS = [
  'x-hubspot-ratelimit-max',
  'x-hubspot-ratelimit-remaining',
  'x-hubspot-ratelimit-interval-milliseconds',
  'x-hubspot-ratelimit-daily',
  'x-hubspot-ratelimit-daily-remaining',
];

describe('request-line limit', () => {
  it('answers 414 with a HubSpot error body past 8,192 bytes, also far past Node’s own header limit, and 200 at the limit', async () => {
    expect((await wide.api(urlOf(8192))).status).toBe(200);
    for (const bytes of [8193, 20_000, 200_000]) {
      const res = await wide.api(urlOf(bytes));
      expect(res.status).toBe(414);
      expect(await res.json()).toMatchObject({
        status: 'error',
        category: 'URI_TOO_LONG',
        correlationId: expect.any(String),
        message: expect.stringContaining('8192'),
      });
    }
  });

  it('can be switched off', async () => {
    await wide.api('/__demo/faults', { method: 'PUT', body: { uriLimit: false } });
    expect((await wide.api(urlOf(9000))).status).toBe(200);
    await wide.api('/__demo/faults', { method: 'PUT', body: { uriLimit: true } });
    expect((await wide.api(urlOf(9000))).status).toBe(414);
  });
});

describe('account and token info', () => {
  it('describes the account in HubSpot’s shape, one id per portal', async () => {
    const [a, b] = await Promise.all([wide, starter].map(async (crm) => (await crm.api('/account-info/v3/details')).json()));
    expect(a).toEqual({
      portalId: 333,
      accountType: 'STANDARD',
      timeZone: 'Europe/Warsaw',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: '+01:00',
      utcOffsetMilliseconds: 3_600_000,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
    expect(b).toMatchObject({ portalId: 111 });
  });

  it('answers token info for each token of the portal without a bearer header, 404 for others', async () => {
    const info = async (crm: TestDemoCrm, token: string): Promise<Response> => fetch(`${crm.url}/oauth/v1/access-tokens/${token}`);
    const res = await info(small, 'small-b');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      token: 'small-b',
      user: 'alex.morgan@demo-crm.test',
      hub_domain: expect.any(String),
      scopes: expect.arrayContaining(['crm.objects.companies.read', 'crm.objects.owners.read']),
      hub_id: 222,
      app_id: expect.any(Number),
      expires_in: expect.any(Number),
      user_id: 1000001,
      token_type: 'access',
    });
    expect(await (await info(starter, 'starter-a')).json()).toMatchObject({ hub_id: 111 });
    const unknown = await info(starter, 'small-a');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
  });

  it('keeps the route the app’s connect code reads', async () => {
    const res = await wide.api('/crm/v3/owners?limit=1');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results).toHaveLength(1);
  });
});

describe('limits of a portal', () => {
  it('shares the 10-second window between two clients of one portal', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await as(small, 'small-a', '/crm/v3/owners?limit=1')).status);
      statuses.push((await as(small, 'small-b', '/crm/v3/owners?limit=1')).status);
    }
    const refused = await as(small, 'small-b', '/crm/v3/owners?limit=1');
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT', category: 'RATE_LIMITS' });
    // The other token of the same portal is refused too; an unknown token is not a client of it.
    expect((await as(small, 'small-a', '/crm/v3/owners?limit=1')).status).toBe(429);
    expect((await as(small, 'someone-else', '/crm/v3/owners?limit=1')).status).toBe(401);
  });

  it('shares the search second between clients, and a search 429 has no Retry-After and only the daily headers', async () => {
    const search = (token: string): Promise<Response> => as(small, token, '/crm/v3/objects/companies/search', { body: { limit: 1 } });
    await new Promise((r) => setTimeout(r, 1050));
    expect((await search('small-a')).status).toBe(200);
    expect((await search('small-b')).status).toBe(200);
    const refused = await search('small-a');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    expect(refused.headers.get('x-hubspot-ratelimit-daily')).not.toBeNull();
    expect(await refused.json()).toMatchObject({ policyName: 'SECONDLY', category: 'RATE_LIMITS' });
  });

  it('uses the tier’s figures: starter 100 per 10 s and 250,000 a day', async () => {
    const res = await as(starter, 'starter-b', '/crm/v3/owners?limit=1');
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(res.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
    const limits = (await (await starter.api('/__demo/limits')).json()) as Record<string, unknown>;
    expect(limits).toMatchObject({ tier: 'starter', standardPer10s: 100, searchPerSecond: 5, daily: 250_000, enabled: true });
    // Both tokens drain one window: 100 calls in all, the 101st is refused.
    const remaining = Number(res.headers.get('x-hubspot-ratelimit-remaining'));
    const statuses = await Promise.all(
      Array.from({ length: remaining }, (_, i) => as(starter, i % 2 ? 'starter-a' : 'starter-b', '/crm/v3/owners?limit=1').then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await as(starter, 'starter-a', '/crm/v3/owners?limit=1')).status).toBe(429);
  });

  it('enforces the daily budget and starts it again at midnight in the portal’s time zone (Warsaw in tests)', async () => {
    await wide.api('/__demo/clock', { method: 'POST', body: { set: '2026-11-27T20:00:00+01:00' } });
    const set = (await (await wide.api('/__demo/limits', { method: 'PUT', body: { dailyUsed: 650_000 - 1 } })).json()) as Record<string, unknown>;
    expect(set).toMatchObject({ daily: 650_000, dailyUsed: 649_999, dailyResetsAt: '2026-11-27T23:00:00.000Z' });
    const last = await wide.api('/crm/v3/owners?limit=1');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    const refused = await wide.api('/crm/v3/objects/companies/search', { body: { limit: 1 } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      category: 'RATE_LIMITS',
      policyName: 'DAILY',
      correlationId: expect.any(String),
    });
    const usage = (await (await wide.api('/account-info/v3/api-usage/daily/private-apps')).json()) as { results: Record<string, unknown>[] };
    expect(usage.results[0]).toMatchObject({
      name: 'private-apps-api-calls-daily',
      usageLimit: 650_000,
      currentUsage: 650_000,
      resetsAt: '2026-11-27T23:00:00.000Z',
    });

    await wide.api('/__demo/clock', { method: 'POST', body: { set: '2026-11-27T23:59:30+01:00' } });
    expect((await wide.api('/crm/v3/owners?limit=1')).status).toBe(429);
    await wide.api('/__demo/clock', { method: 'POST', body: { set: '2026-11-28T00:00:01+01:00' } });
    const next = await wide.api('/crm/v3/owners?limit=1');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe(String(650_000 - 1));
  });

  it('puts the limit headers on every answer: success, 400, 404, unknown path', async () => {
    const answers = await Promise.all([
      wide.api('/account-info/v3/details'),
      wide.api('/crm/v3/objects/companies/999999999'),
      wide.api('/crm/v3/objects/companies', { body: '{not json' }),
      wide.api('/crm/v3/nothing-here'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 404, 400, 404]);
    for (const res of answers) for (const h of LIMIT_HEADERS) expect(res.headers.get(h), h).not.toBeNull();
  });
});
