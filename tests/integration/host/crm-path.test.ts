import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/**
 * The gateway itself (not only the contract's schema) checks the path the CRM will receive:
 * it builds the URL, then checks the normalised path against the allow-list. Each path here
 * once reached the demo CRM's /__demo/faults switches through `crm:request`.
 */
describe('the CRM gateway normalises a path before it allows it', () => {
  let crm: TestDemoCrm;
  beforeAll(async () => {
    crm = await startTestDemoCrm();
  });
  afterAll(async () => crm.stop());

  const faults = async () => (await (await crm.api('/__demo/faults')).json()) as { errorRate: number; latencyMs: number };

  it.each([
    '/crm/../__demo/faults',
    '/crm/%2e%2e/__demo/faults',
    '/crm/%2E%2E/__demo/faults',
    '/crm/.%2E/__demo/faults',
    '/crm/%2E%2E%2F__demo/faults',
    '/crm/..\\__demo/faults',
    '/crm\\..\\__demo/faults',
    '/crm/%252e%252e/__demo/faults',
    '/crm/v3/..%5c..%5c__demo/faults',
  ])('refuses %s and leaves the demo switches alone', async (path) => {
    const gw = createCrmGateway({ connection: { current: () => ({ kind: 'demo', baseUrl: crm.url, token: crm.token }) }, maxAttempts: 1 });
    await expect(gw.request({ method: 'PUT', path, body: { errorRate: 1, latencyMs: 5000 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await faults()).toMatchObject({ errorRate: 0, latencyMs: 0 });
  });

  it('still reaches the CRM API when the base URL ends with a slash', async () => {
    const gw = createCrmGateway({ connection: { current: () => ({ kind: 'demo', baseUrl: `${crm.url}/`, token: crm.token }) }, maxAttempts: 1 });
    const res = await gw.request({ method: 'GET', path: '/crm/v3/owners', query: { limit: '1' } });
    expect(res.status).toBe(200);
  });
});
