import type { Client } from '@hubspot/api-client';
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum, type PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { describe, expect, it } from 'vitest';
import { type TestDemoCrm } from '../../support/demo-crm';
import { demoCrmWithClient } from '../../support/demo-crm-client';

/** HubSpot's property batch create, through the official client; here all or nothing. */
let crm: TestDemoCrm;
let client: Client;
demoCrmWithClient((c, cl) => ((crm = c), (client = cl)));

const prop = (name: string, extra: Partial<PropertyCreate> = {}): PropertyCreate => ({
  name,
  label: name,
  type: PropertyCreateTypeEnum.String,
  fieldType: PropertyCreateFieldTypeEnum.Text,
  groupName: 'companyinformation',
  ...extra,
});

describe('properties batch/create', () => {
  it('creates every input in one call; they are then listed', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `batch_prop_${i}`);
    const res = await client.crm.properties.batchApi.create('companies', { inputs: names.map((n) => prop(n)) });
    expect(res.status).toBe('COMPLETE');
    expect(res.results.map((p) => p.name)).toEqual(names);
    const listed = new Set((await client.crm.properties.coreApi.getAll('companies')).results.map((p) => p.name));
    for (const n of names) expect(listed.has(n)).toBe(true);
  });

  it('an existing name or an invalid input creates none of the batch', async () => {
    const before = (await client.crm.properties.coreApi.getAll('deals')).results.length;
    const existing = await crm.api('/crm/v3/properties/deals/batch/create', { body: { inputs: [prop('fresh_one'), prop('dealname')] } });
    expect(existing.status).toBe(409);
    const invalid = await crm.api('/crm/v3/properties/deals/batch/create', { body: { inputs: [prop('fresh_two'), { ...prop('Bad Name') }] } });
    expect(invalid.status).toBe(400);
    const unique = await crm.api('/crm/v3/properties/notes/batch/create', { body: { inputs: [prop('fresh_three', { hasUniqueValue: true })] } });
    expect(unique.status).toBe(400);
    expect((await client.crm.properties.coreApi.getAll('deals')).results.length).toBe(before);
  });
});
