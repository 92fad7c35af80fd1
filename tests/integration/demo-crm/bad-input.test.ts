import { Client } from '@hubspot/api-client';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, TEST_NOW, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;
let client: Client;
let companyId: string;

beforeAll(async () => {
  // Lag off: these tests count, right after a refused write, that nothing was created.
  crm = await startTestDemoCrm({ searchLag: false });
  // A marker property to find what a refused write might have created (no portal has one built in).
  for (const type of ['companies', 'tasks', 'notes', 'calls', 'emails', 'meetings']) {
    const res = await crm.api(`/crm/v3/properties/${type}`, {
      body: { name: 'cs_client_id', label: 'Client id', type: 'string', fieldType: 'text', groupName: `${type.replace(/s$/, '')}information` },
    });
    if (res.status !== 201) throw new Error(`creating cs_client_id on ${type}: ${res.status} ${await res.text()}`);
  }
  client = new Client({ accessToken: crm.token, basePath: crm.url });
  companyId = (await client.crm.companies.basicApi.getPage(1)).results[0]?.id ?? '';
});
afterAll(() => crm.stop());
// After every case the server still serves ordinary requests.
afterEach(async () => {
  expect((await crm.api(`/crm/v3/objects/companies/${companyId}`)).status).toBe(200);
});

interface ErrorBody {
  status: string;
  message: string;
  correlationId: string;
  category: string;
  errors?: { message: string; code?: string; context?: Record<string, string[]> }[];
  context?: Record<string, string[]>;
}

async function expectError(res: Response, status = 400): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body).toMatchObject({ status: 'error', message: expect.any(String), correlationId: res.headers.get('x-hubspot-correlation-id') });
  expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  if (status === 400) expect(body.category).toBe('VALIDATION_ERROR');
  return body;
}

const search = (type: string, body: unknown): Promise<Response> => crm.api(`/crm/v3/objects/${type}/search`, { body });
const filter = (f: Record<string, unknown>): unknown => ({ filterGroups: [{ filters: [f] }] });
const total = async (type: string, f: Record<string, unknown>): Promise<number> => ((await (await search(type, filter(f))).json()) as { total: number }).total;

describe('bad search input → 400 VALIDATION_ERROR', () => {
  it.each([
    ['IN without values', { propertyName: 'industry', operator: 'IN', value: 'RETAIL' }, 'INVALID_FILTER'],
    ['NOT_IN with a string for values', { propertyName: 'industry', operator: 'NOT_IN', values: 'RETAIL' }, 'INVALID_FILTER'],
    ['IN with an empty array', { propertyName: 'industry', operator: 'IN', values: [] }, 'INVALID_FILTER'],
    ['BETWEEN without highValue', { propertyName: 'numberofemployees', operator: 'BETWEEN', value: '10' }, 'INVALID_FILTER'],
    ['EQ without value', { propertyName: 'name', operator: 'EQ' }, 'INVALID_FILTER'],
    ['unknown property', { propertyName: 'no_such_property', operator: 'EQ', value: 'x' }, 'PROPERTY_DOESNT_EXIST'],
    ['malformed date', { propertyName: 'renewal_date', operator: 'GT', value: 'next tuesday' }, 'INVALID_DATE'],
    ['non-existent calendar date', { propertyName: 'hs_lastmodifieddate', operator: 'LT', value: '2026-02-30' }, 'INVALID_DATE'],
    ['out-of-range epoch', { propertyName: 'createdate', operator: 'GTE', value: '99999999999999999' }, 'INVALID_DATE'],
    ['out-of-range BETWEEN bound', { propertyName: 'createdate', operator: 'BETWEEN', value: '0', highValue: '10000-01-01' }, 'INVALID_DATE'],
  ])('%s', async (_label, f, code) => {
    const body = await expectError(await search('companies', filter(f)));
    expect(body.errors?.[0]).toMatchObject({ code, context: { propertyName: [f.propertyName] } });
  });

  it('a well-formed IN / BETWEEN still works', async () => {
    expect(await total('companies', { propertyName: 'industry', operator: 'IN', values: ['RETAIL', 'FINANCIAL_SERVICES'] })).toBeGreaterThan(0);
    expect(await total('companies', { propertyName: 'createdate', operator: 'BETWEEN', value: '0', highValue: String(TEST_NOW) })).toBe(200);
  });

  it('an unknown sort property and a bad sort direction', async () => {
    const unknown = await expectError(await search('companies', { sorts: [{ propertyName: 'no_such_property', direction: 'ASCENDING' }] }));
    expect(unknown.errors?.[0]).toMatchObject({ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['no_such_property'] } });
    await expectError(await search('companies', { sorts: ['-no_such_property'] }));
    const direction = await expectError(await search('companies', { sorts: [{ propertyName: 'name', direction: 'UPWARDS' }] }));
    expect(direction.errors?.[0]).toMatchObject({ code: 'INVALID_SORT', context: { propertyName: ['name'] } });
    await expectError(await search('companies', { sorts: [null] }));
  });

  it('through @hubspot/api-client: the client sees a 400 with HubSpot’s body', async () => {
    const err = await client.crm.companies.searchApi
      .doSearch({ filterGroups: [{ filters: [{ propertyName: 'name', operator: 'IN' as never }] }] })
      .catch((e: unknown) => e as { code: number; body: ErrorBody });
    expect(err).toMatchObject({ code: 400, body: { status: 'error', category: 'VALIDATION_ERROR', errors: [{ code: 'INVALID_FILTER' }] } });
  });
});

describe('bad values on write → 400, nothing written', () => {
  const readCompany = async (): Promise<Record<string, string | null>> =>
    (
      (await (await crm.api(`/crm/v3/objects/companies/${companyId}?properties=name,renewal_date,notes_last_contacted,about_us`)).json()) as {
        properties: Record<string, string | null>;
      }
    ).properties;

  it.each([
    ['malformed date', { renewal_date: '27/11/2026' }, 'INVALID_DATE'],
    ['non-existent date', { renewal_date: '2026-02-30' }, 'INVALID_DATE'],
    ['out-of-range date', { renewal_date: '99999999999999999' }, 'INVALID_DATE'],
    ['out-of-range datetime', { closedate: '-99999999999999999' }, 'INVALID_DATE'],
    ['malformed datetime', { closedate: '2026-11-27T25:61:00Z' }, 'INVALID_DATE'],
    ['a value over 65,536 characters', { about_us: 'x'.repeat(65_537) }, 'INVALID_PROPERTY_VALUE'],
  ])('%s', async (_label, properties, code) => {
    const before = await readCompany();
    const body = await expectError(
      await crm.api(`/crm/v3/objects/companies/${companyId}`, { method: 'PATCH', body: { properties: { name: 'Changed', ...properties } } }),
    );
    expect(body.errors?.[0]).toMatchObject({ code, context: { propertyName: [Object.keys(properties)[0]] } });
    expect(await readCompany()).toEqual(before);
  });

  it('a value of exactly 65,536 characters is kept', async () => {
    const created = await client.crm.companies.basicApi.create({ properties: { name: 'Long text Co', about_us: 'y'.repeat(65_536) }, associations: [] });
    expect(created.properties.about_us).toHaveLength(65_536);
  });

  it('an over-long value in a batch create writes none of the batch', async () => {
    const inputs = [
      { properties: { name: 'Fine', cs_client_id: 'long-batch-1' } },
      { properties: { name: 'Too long', about_us: 'z'.repeat(70_000), cs_client_id: 'long-batch-2' } },
    ];
    await expectError(await crm.api('/crm/v3/objects/companies/batch/create', { body: { inputs } }));
    expect(await total('companies', { propertyName: 'cs_client_id', operator: 'HAS_PROPERTY' })).toBe(0);
  });
});

describe('engagements need hs_timestamp', () => {
  it.each([
    ['tasks', { hs_task_subject: 'No due date' }, 'TASK'],
    ['notes', { hs_note_body: 'No time' }, 'NOTE'],
    ['calls', { hs_call_title: 'No time' }, 'CALL'],
    ['emails', { hs_email_subject: 'No time' }, 'EMAIL'],
    ['meetings', { hs_meeting_title: 'No time' }, 'MEETING'],
  ])('%s created without it → 400, nothing created', async (type, properties, singular) => {
    const marker = `no-ts-${type}`;
    const body = await expectError(await crm.api(`/crm/v3/objects/${type}`, { body: { properties: { ...properties, cs_client_id: marker } } }));
    expect(body.message).toBe(`Error creating ${singular}. Some required properties were not set.`);
    expect(body.context).toEqual({ properties: ['hs_timestamp'] });
    expect(await total(type, { propertyName: 'cs_client_id', operator: 'EQ', value: marker })).toBe(0);
  });

  it('batch create and upsert refuse it too; with it the create succeeds', async () => {
    await expectError(await crm.api('/crm/v3/objects/tasks/batch/create', { body: { inputs: [{ properties: { hs_task_subject: 'x' } }] } }));
    await expectError(
      await crm.api('/crm/v3/objects/notes/batch/upsert', {
        body: { inputs: [{ id: 'upsert-no-ts', idProperty: 'cs_client_id', properties: { hs_note_body: 'x' } }] },
      }),
    );
    const task = await client.crm.objects.tasks.basicApi.create({ properties: { hs_task_subject: 'Due', hs_timestamp: String(TEST_NOW) }, associations: [] });
    expect(task.properties.hs_timestamp).toBe(new Date(TEST_NOW).toISOString());
    const cleared = await expectError(await crm.api(`/crm/v3/objects/tasks/${task.id}`, { method: 'PATCH', body: { properties: { hs_timestamp: '' } } }));
    expect(cleared.errors?.[0]).toMatchObject({ code: 'REQUIRED_PROPERTY', context: { propertyName: ['hs_timestamp'] } });
  });

  it('a meeting takes its start time when hs_timestamp is missing', async () => {
    const start = new Date(TEST_NOW).toISOString();
    const res = await crm.api('/crm/v3/objects/meetings', { body: { properties: { hs_meeting_title: 'Kickoff', hs_meeting_start_time: start } } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { properties: Record<string, string> }).properties.hs_timestamp).toBe(start);
  });
});

/** A raw request, so a malformed URL reaches the server as written (fetch would re-encode it). */
function rawGet(path: string): Promise<{ status: number; body: ErrorBody }> {
  return new Promise((resolve, reject) => {
    const url = new URL(crm.url);
    const req = request({ host: url.hostname, port: url.port, path, headers: { Authorization: `Bearer ${crm.token}` } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ErrorBody }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('malformed URLs, unknown ids and types', () => {
  it.each([
    ['a bad escape in the path', '/crm/v3/objects/companies/12%zz'],
    ['invalid UTF-8 in the path', '/crm/v3/objects/companies/%ff%fe'],
    ['a bad escape in the query', '/crm/v3/objects/companies?properties=name%2'],
    ['a bad escape in a search path', '/crm/v3/objects/comp%anies?limit=1'],
  ])('%s → 400', async (_label, path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringMatching(/percent-encoding/) });
  });

  it('unknown ids and object types → 404 OBJECT_NOT_FOUND', async () => {
    for (const [method, path] of [
      ['GET', '/crm/v3/objects/companies/999999999'],
      ['PATCH', '/crm/v3/objects/companies/999999999'],
      ['GET', '/crm/v3/objects/no_such_type'],
      ['GET', '/crm/v3/objects/no_such_type/1'],
      ['POST', '/crm/v3/objects/no_such_type/search'],
      ['GET', '/crm/v3/properties/no_such_type'],
      ['GET', '/crm/v3/properties/companies/no_such_property'],
    ] as const) {
      const res = await crm.api(path, { method, ...(method === 'GET' ? {} : { body: { properties: { name: 'x' } } }) });
      const body = await expectError(res, 404);
      expect(body.category, `${method} ${path}`).toBe('OBJECT_NOT_FOUND');
    }
  });

  it('odd shapes never give a 500', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/crm/v3/objects/companies/search', { filterGroups: [null, { filters: [null] }] }],
      ['POST', '/crm/v3/objects/companies/search', { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ', value: { a: 1 } }] }] }],
      ['POST', '/crm/v3/objects/companies/search', { sorts: [42] }],
      ['POST', '/crm/v3/objects/companies', { properties: { name: 'X' }, associations: [{ to: { id: '1' }, types: [null] }] }],
      ['POST', '/crm/v3/objects/companies', { properties: { name: ['array'] } }],
      ['POST', '/crm/v3/objects/companies/batch/create', { inputs: [null] }],
      ['POST', '/crm/v3/objects/companies/batch/read', { inputs: [{ id: { nested: true } }], properties: [1, null] }],
      ['PATCH', `/crm/v3/objects/companies/${companyId}`, { properties: null }],
      ['PATCH', `/crm/v3/objects/companies/${companyId}`, 'not an object'],
    ];
    for (const [method, path, body] of cases) {
      const res = await crm.api(path, { method, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
    }
  });
});
