import type { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../support/demo-crm';
import { demoCrmWithClient } from '../../support/demo-crm-client';

let client: Client;
demoCrmWithClient((_crm, c) => (client = c));

describe('demo CRM through @hubspot/api-client', () => {
  it('lists companies page by page with after cursors', async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await client.crm.companies.basicApi.getPage(100, after, ['name', 'csm_owner', 'renewal_date']);
      for (const c of page.results) {
        expect(c.id).toMatch(/^\d+$/);
        expect(c.properties.hs_object_id).toBe(c.id);
        expect(c.createdAt).toBeInstanceOf(Date);
        expect(c.archived).toBe(false);
        seen.add(c.id);
      }
      after = page.paging?.next?.after;
      pages++;
    } while (after);
    expect(seen.size).toBe(200);
    expect(pages).toBe(2);
  });

  it('gets one record with history and associations', async () => {
    const page = await client.crm.companies.basicApi.getPage(1);
    const id = page.results[0]?.id ?? '';
    const company = await client.crm.companies.basicApi.getById(id, ['name', 'csm_owner'], ['csm_owner'], ['contacts']);
    expect(company.properties.name).toBeTruthy();
    expect(company.propertiesWithHistory?.csm_owner?.[0]?.value).toBe(company.properties.csm_owner);
    expect(company.associations?.contacts?.results.length).toBeGreaterThan(0);
  });

  it('searches with a hs_lastmodifieddate filter, a sort and paging', async () => {
    const since = String(TEST_NOW - 14 * 86_400_000);
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gte, value: since }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }] as unknown as string[],
      properties: ['name', 'hs_lastmodifieddate'],
      limit: 20,
      after: '0',
    };
    const first = await client.crm.companies.searchApi.doSearch(request);
    expect(first.total).toBeGreaterThan(20);
    expect(first.results).toHaveLength(20);
    const times = first.results.map((r) => Date.parse(r.properties.hs_lastmodifieddate ?? ''));
    expect(times.every((t) => t >= Number(since))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const second = await client.crm.companies.searchApi.doSearch({ ...request, after: first.paging?.next?.after ?? '' });
    expect(second.results[0]?.id).not.toBe(first.results[0]?.id);
    expect(new Set([...first.results, ...second.results].map((r) => r.id)).size).toBe(first.results.length + second.results.length);
  });

  it('batch-updates and reads back the change', async () => {
    const page = await client.crm.companies.basicApi.getPage(2);
    const inputs = page.results.map((c) => ({ id: c.id, properties: { csm_sentiment: 'Bad', nps_score: '3' } }));
    const res = await client.crm.companies.batchApi.update({ inputs });
    expect(res.status).toBe('COMPLETE');
    expect(res.results.map((r) => r.properties.csm_sentiment)).toEqual(['Bad', 'Bad']);
    const back = await client.crm.companies.basicApi.getById(inputs[0]?.id ?? '', ['csm_sentiment', 'hs_lastmodifieddate'], ['csm_sentiment']);
    expect(back.properties.csm_sentiment).toBe('Bad');
    expect(back.propertiesWithHistory?.csm_sentiment?.[0]).toMatchObject({ value: 'Bad', sourceType: 'INTEGRATION' });
  });

  it('serves pipelines with stage metadata and the stage-rule extension', async () => {
    const deals = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(deals.results).toHaveLength(2);
    const won = deals.results[0]?.stages.find((s) => s.id === 'closedwon');
    expect(won?.metadata).toMatchObject({ isClosed: 'true', probability: '1.0', 'x-demo-requiredProperties': 'amount,closedate' });
    const tickets = await client.crm.pipelines.pipelinesApi.getAll('tickets');
    expect(tickets.results.flatMap((p) => p.stages.map((s) => s.metadata?.ticketState))).toContain('CLOSED');
  });

  it('lists owners and finds one by email', async () => {
    const owners = await client.crm.owners.ownersApi.getPage();
    expect(owners.results.length).toBe(6);
    const alex = await client.crm.owners.ownersApi.getPage('alex.morgan@demo-crm.test');
    expect(alex.results[0]).toMatchObject({ id: '60000001', userId: 1000001, type: 'PERSON' });
  });

  it('creates, reads and removes associations with v4', async () => {
    const contact = await client.crm.contacts.basicApi.create({ properties: { firstname: 'Ada', lastname: 'Test' }, associations: [] });
    const company = (await client.crm.companies.basicApi.getPage(1)).results[0]?.id ?? '';
    await client.crm.associations.v4.basicApi.createDefault('contacts', contact.id, 'companies', company);
    const list = await client.crm.associations.v4.basicApi.getPage('companies', company, 'contacts');
    const link = list.results.find((r) => String(r.toObjectId) === contact.id);
    expect(link?.associationTypes[0]).toMatchObject({ category: 'HUBSPOT_DEFINED', typeId: 280 });
    const batch = await client.crm.associations.v4.batchApi.getPage('contacts', 'companies', { inputs: [{ id: contact.id }] });
    // HubSpot sends int64 ids as JSON numbers here; the generated model types them as string.
    expect(String(batch.results[0]?.to[0]?.toObjectId)).toBe(company);
    await client.crm.associations.v4.basicApi.archive('contacts', contact.id, 'companies', company);
    const after = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'companies');
    expect(after.results).toHaveLength(0);
  });
});
