import { Client } from '@hubspot/api-client';
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum, type PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { ObjectTypePropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/**
 * Unique properties and custom object schemas as a real portal allows them: nothing of the
 * app's own exists in a fresh portal; unique values only on companies, contacts, deals,
 * tickets and custom objects (≤ 10 per type); custom objects only on Enterprise.
 */
let pro: TestDemoCrm;
let ent: TestDemoCrm;
let proClient: Client;
let entClient: Client;

beforeAll(async () => {
  [pro, ent] = await Promise.all([startTestDemoCrm(), startTestDemoCrm({ tier: 'enterprise' })]);
  proClient = new Client({ accessToken: pro.token, basePath: pro.url });
  entClient = new Client({ accessToken: ent.token, basePath: ent.url });
});
afterAll(async () => {
  await Promise.all([pro.stop(), ent.stop()]);
});

const prop = (name: string, hasUniqueValue = true): PropertyCreate => ({
  name,
  label: name,
  type: PropertyCreateTypeEnum.String,
  fieldType: PropertyCreateFieldTypeEnum.Text,
  groupName: 'cs_workspace',
  hasUniqueValue,
});

/** The client throws ApiException for non-2xx answers: its status and HubSpot's body. */
async function refusal(p: Promise<unknown>): Promise<{ code: number; body: { category?: string; message?: string } }> {
  try {
    await p;
  } catch (e) {
    const x = e as { code: number; body: unknown };
    return { code: x.code, body: (typeof x.body === 'string' ? JSON.parse(x.body) : x.body) as { category?: string; message?: string } };
  }
  throw new Error('expected a refusal');
}

describe('unique properties', () => {
  it('a fresh portal has no cs_client_id on any type', async () => {
    for (const type of ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'notes', 'calls', 'emails', 'meetings', 'p_subscriptions']) {
      const all = await proClient.crm.properties.coreApi.getAll(type);
      expect(all.results.map((p) => p.name)).not.toContain('cs_client_id');
    }
    const res = await pro.api('/crm/v3/objects/companies/batch/upsert', {
      body: { inputs: [{ id: 'k1', idProperty: 'cs_client_id', properties: { name: 'X' } }] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('PROPERTY_DOESNT_EXIST');
  });

  it('creates a unique property on the four standard types and shows it in the list', async () => {
    for (const type of ['companies', 'contacts', 'deals', 'tickets']) {
      const created = await proClient.crm.properties.coreApi.create(type, prop('cs_client_id'));
      expect(created).toMatchObject({ name: 'cs_client_id', hasUniqueValue: true, hubspotDefined: false, groupName: 'cs_workspace' });
      const listed = (await proClient.crm.properties.coreApi.getAll(type)).results.find((p) => p.name === 'cs_client_id');
      expect(listed?.hasUniqueValue).toBe(true);
    }
    // …and the property works as idProperty at once.
    const up = await pro.api('/crm/v3/objects/deals/batch/upsert', {
      body: { inputs: [{ id: 'deal-key', idProperty: 'cs_client_id', properties: { dealname: 'Keyed' } }] },
    });
    expect(up.status).toBe(200);
    const got = await pro.api('/crm/v3/objects/deals/deal-key?idProperty=cs_client_id&properties=dealname');
    expect(((await got.json()) as { properties: { dealname: string } }).properties.dealname).toBe('Keyed');
  });

  it('refuses a duplicate name with 409 and writes nothing', async () => {
    const r = await refusal(proClient.crm.properties.coreApi.create('companies', prop('cs_client_id', false)));
    expect(r.code).toBe(409);
    expect(r.body.category).toBe('OBJECT_ALREADY_EXISTS');
    expect((await proClient.crm.properties.coreApi.getByName('companies', 'cs_client_id')).hasUniqueValue).toBe(true);
  });

  it('refuses hasUniqueValue on every engagement type, but allows a plain property there', async () => {
    for (const type of ['tasks', 'notes', 'calls', 'emails', 'meetings']) {
      const r = await refusal(proClient.crm.properties.coreApi.create(type, prop('cs_client_id')));
      expect(r.code).toBe(400);
      expect(r.body.category).toBe('VALIDATION_ERROR');
      expect((await proClient.crm.properties.coreApi.getAll(type)).results.map((p) => p.name)).not.toContain('cs_client_id');
    }
    const plain = await proClient.crm.properties.coreApi.create('notes', prop('cs_client_id', false));
    expect(plain.hasUniqueValue).toBe(false);
  });

  it('idProperty with a non-unique or unknown property → 400', async () => {
    for (const [type, idProperty] of [
      ['notes', 'cs_client_id'],
      ['companies', 'name'],
      ['companies', 'no_such_property'],
    ] as const) {
      const up = await pro.api(`/crm/v3/objects/${type}/batch/upsert`, { body: { inputs: [{ id: 'x', idProperty, properties: {} }] } });
      expect(up.status).toBe(400);
      const read = await pro.api(`/crm/v3/objects/${type}/batch/read`, { body: { idProperty, inputs: [{ id: 'x' }] } });
      expect(read.status).toBe(400);
      const get = await pro.api(`/crm/v3/objects/${type}/x?idProperty=${idProperty}`);
      expect(get.status).toBe(400);
    }
  });

  it('allows at most 10 unique properties per type', async () => {
    // companies already has cs_client_id: nine more fit, the eleventh is refused.
    for (let i = 1; i <= 9; i++) await proClient.crm.properties.coreApi.create('companies', prop(`key_${i}`));
    const r = await refusal(proClient.crm.properties.coreApi.create('companies', prop('key_10')));
    expect(r.code).toBe(400);
    expect(r.body.message).toMatch(/limit of 10 unique/);
    expect((await proClient.crm.properties.coreApi.getAll('companies')).results.filter((p) => p.hasUniqueValue)).toHaveLength(10);
  });

  it('bad input → 400 with HubSpot’s body, nothing created', async () => {
    for (const body of [
      { name: 'Bad Name', label: 'x', type: 'string', fieldType: 'text', groupName: 'g' },
      { name: 'no_group', label: 'x', type: 'string', fieldType: 'text' },
      { name: 'e', label: 'x', type: 'enumeration', fieldType: 'select', groupName: 'g' },
      'nope',
    ]) {
      const res = await pro.api('/crm/v3/properties/tickets', { body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
    const names = (await proClient.crm.properties.coreApi.getAll('tickets')).results.map((p) => p.name);
    expect(names.filter((n) => ['no_group', 'e'].includes(n))).toEqual([]);
  });
});

describe('custom object schemas', () => {
  const docsSchema = {
    name: 'cs_workspace_docs',
    labels: { singular: 'CS Workspace document', plural: 'CS Workspace documents' },
    primaryDisplayProperty: 'cs_doc_key',
    requiredProperties: ['cs_doc_key'],
    searchableProperties: ['cs_doc_key'],
    associatedObjects: [],
    properties: [
      { name: 'cs_doc_key', label: 'Document key', type: ObjectTypePropertyCreateTypeEnum.String, fieldType: 'text', hasUniqueValue: true },
      { name: 'cs_doc_value', label: 'Document value', type: ObjectTypePropertyCreateTypeEnum.String, fieldType: 'textarea' },
      { name: 'cs_client_id', label: 'Client id', type: ObjectTypePropertyCreateTypeEnum.String, fieldType: 'text', hasUniqueValue: true },
    ],
  };

  it('Professional: creating a schema → 403 MISSING_SCOPES, nothing created', async () => {
    const r = await refusal(proClient.crm.schemas.coreApi.create(docsSchema));
    expect(r.code).toBe(403);
    expect(r.body.category).toBe('MISSING_SCOPES');
    expect((await pro.api('/crm/v3/objects/p_cs_workspace_docs')).status).toBe(404);
    // The portal's own custom object is still there to read.
    expect((await proClient.crm.schemas.coreApi.getAll()).results.map((s) => s.name)).toEqual(['subscriptions']);
  });

  it('Enterprise: cs_workspace_docs does not exist until created, then serves records', async () => {
    expect((await ent.api('/crm/v3/objects/p_cs_workspace_docs')).status).toBe(404);
    const created = await entClient.crm.schemas.coreApi.create(docsSchema);
    expect(created).toMatchObject({ name: 'cs_workspace_docs', fullyQualifiedName: 'p9000001_cs_workspace_docs', labels: docsSchema.labels });
    expect(created.objectTypeId).toMatch(/^2-\d+$/);
    expect((await entClient.crm.schemas.coreApi.getById('p_cs_workspace_docs')).objectTypeId).toBe(created.objectTypeId);
    expect((await entClient.crm.schemas.coreApi.getAll()).results.map((s) => s.name)).toEqual(['subscriptions', 'cs_workspace_docs']);

    const doc = { properties: { cs_doc_key: 'view:1', cs_doc_value: '{}', cs_client_id: 'c1' } };
    expect((await ent.api('/crm/v3/objects/p_cs_workspace_docs', { body: doc })).status).toBe(201);
    expect((await ent.api(`/crm/v3/objects/${created.objectTypeId}`, { body: doc })).status).toBe(409);
    const byKey = await ent.api('/crm/v3/objects/p_cs_workspace_docs/view:1?idProperty=cs_doc_key&properties=cs_doc_value');
    expect(byKey.status).toBe(200);

    const again = await refusal(entClient.crm.schemas.coreApi.create(docsSchema));
    expect(again.code).toBe(409);
  });

  it('Enterprise: the /crm/v3/schemas alias creates too; bad input → 400', async () => {
    const res = await ent.api('/crm/v3/schemas', { body: { ...docsSchema, name: 'cs_other', properties: [docsSchema.properties[0]] } });
    expect(res.status).toBe(201);
    const bad = await ent.api('/crm/v3/schemas', { body: { ...docsSchema, name: 'cs_bad', requiredProperties: ['missing'] } });
    expect(bad.status).toBe(400);
    expect((await ent.api('/crm/v3/objects/p_cs_bad')).status).toBe(404);
  });
});
