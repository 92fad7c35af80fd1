import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;
let client: Client;

beforeAll(async () => {
  crm = await startTestDemoCrm();
  client = new Client({ accessToken: crm.token, basePath: crm.url, numberOfApiCallRetries: 0 });
});
afterAll(() => crm.stop());

async function json<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await crm.api(path, body === undefined ? {} : { body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const listIds = async (type: string, archived = false): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await json<{ results: { id: string }[]; paging?: { next?: { after: string } } }>(
      `/crm/v3/objects/${type}?limit=100&archived=${archived}${after ? `&after=${after}` : ''}`,
    );
    ids.push(...page.body.results.map((r) => r.id));
    after = page.body.paging?.next?.after;
  } while (after);
  return ids;
};

const contactIdsOf = async (companyId: string): Promise<string[]> =>
  (await json<{ results: { toObjectId: number }[] }>(`/crm/v4/objects/companies/${companyId}/associations/contacts`)).body.results.map((r) =>
    String(r.toObjectId),
  );

describe('merge', () => {
  it('reads the merged-away id as the survivor, which lists it and takes over its associations', async () => {
    const [a, b] = (await client.crm.companies.basicApi.getPage(2)).results;
    const survivorId = a!.id;
    const loserId = b!.id;
    const loserContacts = await contactIdsOf(loserId);
    expect(loserContacts.length).toBeGreaterThan(0);

    const merged = await client.crm.companies.basicApi.merge({ primaryObjectId: survivorId, objectIdToMerge: loserId });
    expect(merged.id).toBe(survivorId);
    expect(merged.properties.hs_merged_object_ids).toBe(loserId);

    // GET by the old id answers the survivor, under the survivor's id.
    const viaOld = await client.crm.companies.basicApi.getById(loserId, ['name', 'hs_merged_object_ids']);
    expect(viaOld.id).toBe(survivorId);
    const read = await client.crm.companies.batchApi.read({ inputs: [{ id: loserId }], properties: ['hs_merged_object_ids'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.id)).toEqual([survivorId]);

    expect(await contactIdsOf(survivorId)).toEqual(expect.arrayContaining(loserContacts));
    expect(await listIds('companies')).not.toContain(loserId);
    expect(await listIds('companies', true)).not.toContain(loserId);
    const search = await json<{ total: number }>('/crm/v3/objects/companies/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: loserId }] }],
    });
    expect(search.body.total).toBe(0);

    // A second merge appends with HubSpot's `;` separator.
    const third = (await client.crm.companies.basicApi.getPage(1, survivorId)).results[0]!.id;
    const again = await json<{ properties: Record<string, string> }>('/crm/v3/objects/companies/merge', {
      primaryObjectId: survivorId,
      objectIdToMerge: third,
    });
    expect(again.body.properties.hs_merged_object_ids).toBe(`${loserId};${third}`);
  });

  it('refuses types HubSpot cannot merge, unknown ids and a record merged with itself, changing nothing', async () => {
    const [t1, t2] = await listIds('tasks').then((ids) => ids.slice(0, 2));
    const refused = await json<{ category: string }>('/crm/v3/objects/tasks/merge', { primaryObjectId: t1, objectIdToMerge: t2 });
    expect(refused.status).toBe(400);
    expect(refused.body.category).toBe('VALIDATION_ERROR');
    expect(await listIds('tasks')).toContain(t2);
    const [d1] = await listIds('deals');
    expect((await json('/crm/v3/objects/deals/merge', { primaryObjectId: d1, objectIdToMerge: '999999999' })).status).toBe(404);
    expect((await json('/crm/v3/objects/deals/merge', { primaryObjectId: d1, objectIdToMerge: d1 })).status).toBe(400);
    expect((await json('/crm/v3/objects/deals/merge', { primaryObjectId: d1 })).status).toBe(400);
  });
});

describe('GDPR delete', () => {
  it('removes a contact for good: not listed, not archived, 404 by id', async () => {
    const id = (await client.crm.contacts.basicApi.getPage(1)).results[0]!.id;
    await client.crm.contacts.basicApi.purge({ objectId: id });
    expect((await json(`/crm/v3/objects/contacts/${id}`)).status).toBe(404);
    expect((await json(`/crm/v3/objects/contacts/${id}?archived=true`)).status).toBe(404);
    expect(await listIds('contacts')).not.toContain(id);
    expect(await listIds('contacts', true)).not.toContain(id);
    // Only contacts offer it.
    const [companyId] = await listIds('companies');
    expect((await json('/crm/v3/objects/companies/gdpr-delete', { objectId: companyId })).status).toBe(400);
    expect(await listIds('companies')).toContain(companyId);
  });
});

describe('archive, restore and the 90-day purge', () => {
  it('restores an archived record with its id and a new modified date; after 90 days it is purged', async () => {
    const [keep, lose] = await listIds('deals').then((ids) => ids.slice(-2));
    const before = (await json<{ properties: Record<string, string> }>(`/crm/v3/objects/deals/${keep}`)).body.properties.hs_lastmodifieddate!;
    await client.crm.deals.basicApi.archive(keep!);
    await client.crm.deals.basicApi.archive(lose!);
    expect(await listIds('deals', true)).toEqual(expect.arrayContaining([keep, lose]));

    const restored = await json<{ id: string; archived: boolean; properties: Record<string, string> }>('/__demo/restore', { type: 'deals', id: keep });
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(keep);
    expect(restored.body.archived).toBe(false);
    expect(Date.parse(restored.body.properties.hs_lastmodifieddate!)).toBeGreaterThan(Date.parse(before));
    expect(await listIds('deals')).toContain(keep);
    expect((await json('/__demo/restore', { type: 'deals', id: keep })).status).toBe(404);

    await json('/__demo/clock', { advanceMs: 91 * 86_400_000 });
    expect(await listIds('deals', true)).not.toContain(lose);
    expect((await json(`/crm/v3/objects/deals/${lose}?archived=true`)).status).toBe(404);
    const late = await json<{ category: string }>('/__demo/restore', { type: 'deals', id: lose });
    expect(late.status).toBe(404);
    expect(await listIds('deals')).toContain(keep);
    expect((await json('/__demo/restore', { type: 'deals' })).status).toBe(400);
  });

  it('keeps the result after a restart (purged and merged records stay gone)', async () => {
    const ids = await listIds('tickets');
    await json('/crm/v3/objects/tickets/merge', { primaryObjectId: ids[0], objectIdToMerge: ids[1] });
    const { startTestDemoCrm: start } = await import('../../support/demo-crm');
    await crm.close();
    const again = await start({ dataDir: crm.dataDir });
    try {
      const res = await again.api(`/crm/v3/objects/tickets/${ids[1]}`);
      expect(((await res.json()) as { id: string }).id).toBe(ids[0]);
      const list = await again.api('/crm/v3/objects/tickets?limit=100');
      expect(((await list.json()) as { results: { id: string }[] }).results.map((r) => r.id)).not.toContain(ids[1]);
    } finally {
      await again.close();
    }
  });
});
