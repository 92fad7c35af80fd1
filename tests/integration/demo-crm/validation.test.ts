import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientIdProperty, startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;
let id: string;
let otherId: string;
const path = (): string => `/crm/v3/objects/companies/${id}?properties=name,csm_sentiment,nps_score,renewal_date,hs_object_id`;
const read = async (): Promise<Record<string, string | null>> =>
  ((await (await crm.api(path())).json()) as { properties: Record<string, string | null> }).properties;

beforeAll(async () => {
  crm = await startTestDemoCrm();
  await createClientIdProperty(crm, ['companies', 'deals']);
  const ids = ((await (await crm.api('/crm/v3/objects/companies?limit=2')).json()) as { results: { id: string }[] }).results.map((r) => r.id);
  id = ids[0] ?? '';
  otherId = ids[1] ?? '';
});
afterAll(() => crm.stop());

interface ErrorBody {
  status: string;
  message: string;
  correlationId: string;
  category: string;
  errors?: { code?: string; context?: { propertyName?: string[] } }[];
}

async function expectRejected(res: Response, code?: string): Promise<ErrorBody> {
  expect(res.status).toBe(400);
  expect(res.headers.get('x-hubspot-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await res.json()) as ErrorBody;
  expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', correlationId: res.headers.get('x-hubspot-correlation-id') });
  if (code) expect(body.errors?.[0]?.code).toBe(code);
  return body;
}

describe('demo CRM rejects bad input and writes nothing', () => {
  it.each([
    ['unknown property', { name: 'X', no_such_prop: '1' }, 'PROPERTY_DOESNT_EXIST'],
    ['wrong type', { name: 'X', nps_score: 'ten' }, 'INVALID_INTEGER'],
    ['invalid enum option', { name: 'X', csm_sentiment: 'Ecstatic' }, 'INVALID_OPTION'],
    ['invalid date', { name: 'X', renewal_date: 'tomorrow' }, 'INVALID_DATE'],
    ['read-only property', { name: 'X', hs_object_id: '5' }, 'READ_ONLY_VALUE'],
  ])('%s', async (_label, properties, code) => {
    const before = await read();
    const body = await expectRejected(await crm.api(`/crm/v3/objects/companies/${id}`, { method: 'PATCH', body: { properties } }), code);
    expect(body.message).toMatch(/^Property values were not valid: \[/);
    expect(await read()).toEqual(before);
  });

  it('malformed JSON', async () => {
    const before = await read();
    await expectRejected(await crm.api(`/crm/v3/objects/companies/${id}`, { method: 'PATCH', body: '{"properties": {' }));
    expect(await read()).toEqual(before);
  });

  it('over-sized batch', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { name: `Batch ${i}`, cs_client_id: `oversize-${i}` } }));
    await expectRejected(await crm.api('/crm/v3/objects/companies/batch/create', { body: { inputs } }));
    const search = await crm.api('/crm/v3/objects/companies/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'cs_client_id', operator: 'HAS_PROPERTY' }] }] },
    });
    expect(((await search.json()) as { total: number }).total).toBe(0);
  });

  it('a batch with one bad input writes none of it', async () => {
    const before = await read();
    const res = await crm.api('/crm/v3/objects/companies/batch/update', {
      body: {
        inputs: [
          { id, properties: { csm_sentiment: 'Good', nps_score: '10' } },
          { id: otherId, properties: { csm_sentiment: 'Nope' } },
        ],
      },
    });
    await expectRejected(res, 'INVALID_OPTION');
    expect(await read()).toEqual(before);
  });

  it('missing required stage property on create', async () => {
    const res = await crm.api('/crm/v3/objects/deals', {
      body: { properties: { dealname: 'No amount', pipeline: '1001', dealstage: '1001003', cs_client_id: 'stage-rule-1' } },
    });
    const body = await expectRejected(res);
    expect(body.message).toContain('amount');
    const check = await crm.api('/crm/v3/objects/deals/stage-rule-1?idProperty=cs_client_id');
    expect(check.status).toBe(404);
  });

  it('too many search filters', async () => {
    const filters = Array.from({ length: 11 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' }));
    await expectRejected(await crm.api('/crm/v3/objects/companies/search', { body: { filterGroups: [{ filters }] } }));
    const groups = Array.from({ length: 6 }, () => ({ filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }] }));
    await expectRejected(await crm.api('/crm/v3/objects/companies/search', { body: { filterGroups: groups } }));
  });

  it('paging search past 10,000 results', async () => {
    await expectRejected(await crm.api('/crm/v3/objects/companies/search', { body: { after: '10000', limit: 100 } }));
  });

  it('missing or wrong token', async () => {
    const res = await fetch(`${crm.url}/crm/v3/objects/companies`, { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('unknown and archived ids are 404 OBJECT_NOT_FOUND', async () => {
    const created = (await (await crm.api('/crm/v3/objects/companies', { body: { properties: { name: 'Temp' } } })).json()) as { id: string };
    expect((await crm.api(`/crm/v3/objects/companies/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await crm.api(`/crm/v3/objects/companies/${created.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
    const archived = (await (await crm.api(`/crm/v3/objects/companies/${created.id}?archived=true`)).json()) as { archived: boolean; archivedAt: string };
    expect(archived).toMatchObject({ archived: true, archivedAt: expect.any(String) });
  });
});
