import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;
let companyId: string;

const setFaults = async (patch: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const res = await crm.api('/__demo/faults', { method: 'PUT', body: patch });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

beforeAll(async () => {
  crm = await startTestDemoCrm();
  const page = (await (await crm.api('/crm/v3/objects/companies?limit=1')).json()) as { results: { id: string }[] };
  companyId = page.results[0]?.id ?? '';
});
beforeEach(() => setFaults({ latencyMs: 0, errorRate: 0, dropRate: 0, force429: 0, searchLagMs: 0, enforceStageRules: true, failPaths: [] }));
afterAll(() => crm.stop());

describe('demo CRM fault switches', () => {
  it('adds latency', async () => {
    await setFaults({ latencyMs: 150 });
    const t0 = performance.now();
    expect((await crm.api(`/crm/v3/objects/companies/${companyId}`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('injects 5xx errors deterministically for a seed', async () => {
    const run = async (): Promise<number[]> => {
      await setFaults({ errorRate: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await crm.api(`/crm/v3/objects/companies/${companyId}`)).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.some((s) => [500, 502, 503].includes(s))).toBe(true);
    expect(a).toContain(200);
    const failed = await (async () => {
      await setFaults({ errorRate: 1, errorStatuses: [503] });
      return crm.api(`/crm/v3/objects/companies/${companyId}`);
    })();
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ status: 'error', category: expect.any(String), correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses the switched paths with 403 MISSING_SCOPES and serves the rest', async () => {
    await setFaults({ failPaths: ['/crm/v3/objects/companies'] });
    for (const res of [await crm.api('/crm/v3/objects/companies?limit=1'), await crm.api('/crm/v3/objects/companies/search', { method: 'POST', body: {} })]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ status: 'error', category: 'MISSING_SCOPES' });
    }
    expect((await crm.api('/crm/v3/objects/contacts?limit=1')).status).toBe(200);
    expect((await crm.api('/crm/v3/properties/companies')).status).toBe(200);
    const bad = await crm.api('/__demo/faults', { method: 'PUT', body: { failPaths: ['crm/no-slash'] } });
    expect(bad.status).toBe(400);
    expect(((await (await crm.api('/__demo/faults')).json()) as { failPaths: string[] }).failPaths).toEqual(['/crm/v3/objects/companies']);
  });

  it('drops connections without an answer', async () => {
    await setFaults({ dropRate: 1 });
    await expect(crm.api(`/crm/v3/objects/companies/${companyId}`)).rejects.toThrow();
    await setFaults({ dropRate: 0 });
    expect((await crm.api(`/crm/v3/objects/companies/${companyId}`)).status).toBe(200);
  });

  it('forces the next N requests to 429 with HubSpot bodies', async () => {
    await setFaults({ force429: 2 });
    const first = await crm.api(`/crm/v3/objects/companies/${companyId}`);
    expect(first.status).toBe(429);
    expect(await first.json()).toMatchObject({
      category: 'RATE_LIMITS',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    const search = await crm.api('/crm/v3/objects/companies/search', { body: {} });
    expect(search.status).toBe(429);
    expect(await search.json()).toMatchObject({ policyName: 'SECONDLY', message: 'You have reached your secondly limit.' });
    expect((await crm.api(`/crm/v3/objects/companies/${companyId}`)).status).toBe(200);
  });

  it('lags search behind writes', async () => {
    await setFaults({ searchLagMs: 400 });
    const created = (await (await crm.api('/crm/v3/objects/companies', { body: { properties: { name: 'Lagging Zebra Corp' } } })).json()) as { id: string };
    const find = async (): Promise<number> => {
      const res = await crm.api('/crm/v3/objects/companies/search', { body: { query: 'Zebra' } });
      return ((await res.json()) as { total: number }).total;
    };
    expect(await find()).toBe(0);
    // Direct reads are never lagged.
    expect((await crm.api(`/crm/v3/objects/companies/${created.id}`)).status).toBe(200);
    await expect.poll(find, { timeout: 3000, interval: 100 }).toBe(1);

    await crm.api(`/crm/v3/objects/companies/${created.id}`, { method: 'PATCH', body: { properties: { name: 'Lagging Yak Corp' } } });
    expect(await find()).toBe(1);
    await expect.poll(find, { timeout: 3000, interval: 100 }).toBe(0);
  });

  it('enforces stage rules only while switched on', async () => {
    const deal = (await (
      await crm.api('/crm/v3/objects/deals', { body: { properties: { dealname: 'Rule test', pipeline: 'default', dealstage: 'qualifiedtobuy' } } })
    ).json()) as { id: string };
    const move = (): Promise<Response> => crm.api(`/crm/v3/objects/deals/${deal.id}`, { method: 'PATCH', body: { properties: { dealstage: 'closedwon' } } });
    const rejected = await move();
    expect(rejected.status).toBe(400);
    const body = (await rejected.json()) as { category: string; message: string; errors: { code: string; context: { propertyName: string[] } }[] };
    expect(body.category).toBe('VALIDATION_ERROR');
    expect(body.errors.map((e) => e.context.propertyName[0]).sort()).toEqual(['amount', 'closedate']);
    const still = (await (await crm.api(`/crm/v3/objects/deals/${deal.id}?properties=dealstage`)).json()) as { properties: { dealstage: string } };
    expect(still.properties.dealstage).toBe('qualifiedtobuy');

    await setFaults({ enforceStageRules: false });
    expect((await move()).status).toBe(200);
  });

  it('records writes made as another user', async () => {
    await crm.api(`/crm/v3/objects/companies/${companyId}`, {
      method: 'PATCH',
      body: { properties: { csm_sentiment: 'Neutral' } },
      headers: { 'X-Demo-Act-As': '1000005' },
    });
    await crm.api(`/__demo/as-user/1000002/crm/v3/objects/companies/${companyId}`, { method: 'PATCH', body: { properties: { nps_score: '9' } } });
    const res = (await (await crm.api(`/crm/v3/objects/companies/${companyId}?propertiesWithHistory=csm_sentiment,nps_score`)).json()) as {
      propertiesWithHistory: Record<string, { value: string; sourceType: string; updatedByUserId?: number }[]>;
    };
    expect(res.propertiesWithHistory.csm_sentiment?.[0]).toMatchObject({ value: 'Neutral', sourceType: 'CRM_UI', updatedByUserId: 1000005 });
    expect(res.propertiesWithHistory.nps_score?.[0]).toMatchObject({ value: '9', sourceType: 'CRM_UI', updatedByUserId: 1000002 });
  });
});
