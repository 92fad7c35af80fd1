import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;

beforeAll(async () => {
  crm = await startTestDemoCrm({ rateLimits: { standardPer10s: 5, searchPerSecond: 2 } });
});
afterAll(() => crm.stop());

describe('demo CRM rate limits', () => {
  it('meters ordinary calls per rolling 10 s with HubSpot headers', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await crm.api('/crm/v3/objects/companies?limit=1');
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-hubspot-ratelimit-max')).toBe('5');
        expect(last.headers.get('x-hubspot-ratelimit-remaining')).toBe('4');
        expect(last.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
        expect(last.headers.get('x-hubspot-ratelimit-daily')).toBeTruthy();
        expect(last.headers.get('x-hubspot-ratelimit-daily-remaining')).toBeTruthy();
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await last?.json()).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      category: 'RATE_LIMITS',
      policyName: 'TEN_SECONDLY_ROLLING',
      correlationId: expect.any(String),
    });
  });

  it('meters search separately per second, with only the daily headers', async () => {
    const statuses: number[] = [];
    let first: Response | undefined;
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await crm.api('/crm/v3/objects/companies/search', { body: { limit: 1 } });
      first ??= last;
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(first?.headers.get('x-hubspot-ratelimit-daily')).toBeTruthy();
    expect(first?.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    expect(await last?.json()).toMatchObject({ message: 'You have reached your secondly limit.', policyName: 'SECONDLY', category: 'RATE_LIMITS' });
    await new Promise((r) => setTimeout(r, 1050));
    expect((await crm.api('/crm/v3/objects/companies/search', { body: { limit: 1 } })).status).toBe(200);
  });

  it('can be switched off: nothing is refused, and no answer states a window a client would pace itself by', async () => {
    await crm.api('/__demo/faults', { method: 'PUT', body: { rateLimits: false } });
    for (let i = 0; i < 8; i++) {
      const res = await crm.api('/crm/v3/owners');
      expect(res.status).toBe(200);
      expect([res.headers.get('x-hubspot-ratelimit-max'), res.headers.get('x-hubspot-ratelimit-remaining')]).toEqual([null, null]);
      expect(res.headers.get('x-hubspot-ratelimit-daily-remaining')).toMatch(/^\d+$/);
    }
    await crm.api('/__demo/faults', { method: 'PUT', body: { rateLimits: true } });
    expect((await crm.api('/crm/v3/owners')).headers.get('x-hubspot-ratelimit-max')).toBe('5');
  });
});
