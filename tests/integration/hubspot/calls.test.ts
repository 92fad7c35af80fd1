import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspot, send, type HubspotCall } from '../../../shared/hubspot';
import { gatewayPort, startTestCrm, type CountingPort, type TestCrm } from '../sync/support/crm';

/**
 * Every read in shared/hubspot, sent over HTTP through the app's gateway to the demo CRM, and
 * read with its documented shape: the demo CRM answers as HubSpot does, and our parsers take
 * HubSpot's answers (writes are exercised by the sync suites).
 */
let crm: TestCrm;
let port: CountingPort;

beforeAll(async () => {
  crm = await startTestCrm({ tier: 'enterprise', searchLag: false });
  port = gatewayPort(crm);
});
afterAll(async () => {
  await crm?.close();
});

async function value<T>(call: HubspotCall<T>): Promise<T> {
  const sent = await send(port, call);
  if (!sent.ok) throw new Error(`${call.request.method} ${call.request.path}: ${sent.error.kind} ${sent.error.message}`);
  return sent.value;
}

describe('the HubSpot calls against the demo CRM', () => {
  it('lists, reads, searches and pages records, with property history', async () => {
    const first = await value(hubspot.objects.list('companies', { limit: 3, properties: ['name'] }));
    expect(first.results).toHaveLength(3);
    expect(first.paging?.next?.after).toEqual(expect.any(String));
    const second = await value(hubspot.objects.list('companies', { limit: 3, after: first.paging?.next?.after }));
    expect(second.results.map((r) => r.id)).not.toContain(first.results[0]?.id);

    const ids = first.results.map((r) => r.id);
    const read = await value(hubspot.objects.batchRead('companies', ids, ['name', 'domain'], { withHistory: ['name'] }));
    expect(read.results.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(read.results[0]?.propertiesWithHistory?.name?.[0]?.value).toEqual(read.results[0]?.properties.name);

    const one = await value(hubspot.objects.readWithHistory('companies', ids[0] as string, 'name'));
    expect(one.id).toBe(ids[0]);

    const found = await value(
      hubspot.objects.search('companies', {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: ids[0] }] }],
        properties: ['name'],
        limit: 1,
      }),
    );
    expect(found.total).toBe(1);
    expect(found.results[0]?.id).toBe(ids[0]);
  });

  it('reads associations in batch and of one record, ids as strings', async () => {
    const company = (await value(hubspot.objects.list('companies', { limit: 1 }))).results[0]?.id as string;
    const batch = await value(hubspot.associations.batchRead('companies', 'contacts', [{ id: company }]));
    const partners = batch.results.flatMap((r) => r.to.map((t) => t.toObjectId));
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.every((id) => typeof id === 'string')).toBe(true);
    const ofRecord = await value(hubspot.associations.ofRecord('companies', company, 'contacts', { limit: 500 }));
    expect(ofRecord.results.map((r) => r.toObjectId).sort()).toEqual([...partners].sort());
  });

  it('reads properties, pipelines, custom objects, users, owners and the portal', async () => {
    expect((await value(hubspot.properties.list('companies'))).results.some((p) => p.name === 'name')).toBe(true);
    expect((await value(hubspot.properties.get('deals', 'dealstage'))).options?.length).toBeGreaterThan(0);
    expect((await value(hubspot.pipelines.list('deals'))).results[0]?.stages.length).toBeGreaterThan(0);
    expect((await value(hubspot.schemas.list())).results.length).toBeGreaterThan(0);
    const users = await value(hubspot.users.list({ limit: 100 }));
    expect(users.results.length).toBeGreaterThan(0);
    expect((await value(hubspot.users.get(users.results[0]?.id as string))).id).toBe(users.results[0]?.id);
    expect((await value(hubspot.owners.list({ limit: 100 }))).results.length).toBeGreaterThan(0);
    expect((await value(hubspot.account.details())).portalId).toEqual(expect.any(Number));
  });

  it('a refused call says what HubSpot said and changes nothing', async () => {
    const sent = await send(port, hubspot.properties.get('companies', 'no_such_property'));
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(sent.error).toMatchObject({ kind: 'refused', status: 404 });
    expect(sent.error.message).toMatch(/no_such_property/);
  });
});
