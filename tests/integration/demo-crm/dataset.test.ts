import { DateTime } from 'luxon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientIdProperty, startTestDemoCrm, TEST_NOW, TEST_ZONE, type TestDemoCrm } from '../../support/demo-crm';

let crm: TestDemoCrm;
const dataDir = mkdtempSync(join(tmpdir(), 'demo-crm-restart-'));

beforeAll(async () => {
  crm = await startTestDemoCrm({ dataDir, now: () => TEST_NOW, timeZone: TEST_ZONE });
});
afterAll(async () => {
  await crm.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Page = { total: number; results: { id: string; properties: Record<string, string | null> }[] };
const search = async (type: string, body: unknown): Promise<Page> => (await (await crm.api(`/crm/v3/objects/${type}/search`, { body })).json()) as Page;

describe('demo CRM dataset and persistence', () => {
  it('gives the default CSM overdue, today, tomorrow tasks and meetings today', async () => {
    const who = (await (await crm.api('/__demo/whoami')).json()) as { userId: string; ownerId: string; email: string };
    expect(who).toEqual({ userId: '1000001', ownerId: '60000001', email: 'alex.morgan@demo-crm.test' });
    const today = DateTime.fromMillis(TEST_NOW, { zone: TEST_ZONE }).startOf('day');
    const day = (n: number): number => today.plus({ days: n }).toMillis();
    const count = async (type: string, from: number, to: number, open: boolean): Promise<number> => {
      const filters = [
        { propertyName: 'hubspot_owner_id', operator: 'EQ', value: who.ownerId },
        { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(from), highValue: String(to - 1) },
        ...(open ? [{ propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' }] : []),
      ];
      return (await search(type, { filterGroups: [{ filters }], limit: 1 })).total;
    };
    expect(await count('tasks', day(-30), day(0), true)).toBeGreaterThanOrEqual(3);
    expect(await count('tasks', day(0), day(1), true)).toBeGreaterThanOrEqual(3);
    expect(await count('tasks', day(1), day(2), true)).toBeGreaterThanOrEqual(3);
    const meetings = await search('meetings', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: who.ownerId },
            { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(day(0)), highValue: String(day(1) - 1) },
          ],
        },
      ],
      properties: ['hs_meeting_external_url'],
    });
    expect(meetings.total).toBeGreaterThanOrEqual(2);
    expect(meetings.results[0]?.properties.hs_meeting_external_url).toMatch(/^https:\/\//);
    const withReminder = await search('tasks', { filterGroups: [{ filters: [{ propertyName: 'hs_task_reminders', operator: 'HAS_PROPERTY' }] }] });
    expect(withReminder.total).toBeGreaterThan(0);
  });

  it('has users with roles, seats and the settings-permission extension', async () => {
    const users = (
      (await (await crm.api('/settings/v3/users')).json()) as { results: { id: string; superAdmin: boolean; seatNames: string[]; roleIds: string[] }[] }
    ).results;
    expect(users.find((u) => u.id === '1000001')?.seatNames).toEqual(['service-hub-professional']);
    expect(users.some((u) => u.superAdmin && u.seatNames.length > 0)).toBe(true);
    expect(users.some((u) => u.superAdmin && u.seatNames.length === 0)).toBe(true);
    const roles = ((await (await crm.api('/settings/v3/users/roles')).json()) as { results: { id: string; 'x-demo-permissions': string[] }[] }).results;
    expect(roles.some((r) => r['x-demo-permissions'].includes('manage-customer-success-settings'))).toBe(true);
  });

  it('serves properties and the custom object under both path families', async () => {
    const csm = (await (await crm.api('/crm/v3/properties/companies/csm_owner')).json()) as Record<string, unknown>;
    expect(csm).toMatchObject({ type: 'enumeration', referencedObjectType: 'OWNER', externalOptions: true });
    const schema = (await (await crm.api('/crm-object-schemas/v3/schemas/p_subscriptions')).json()) as { objectTypeId: string };
    expect(schema.objectTypeId).toBe('2-1001');
    const viaId = (await (await crm.api('/crm/objects/2026-03/2-1001?limit=2')).json()) as Page;
    expect(viaId.results).toHaveLength(2);
    const viaName = (await (await crm.api('/crm/objects/2026-03/0-2?limit=2')).json()) as Page;
    expect(viaName.results).toHaveLength(2);
  });

  it('upserts by a created unique cs_client_id idempotently', async () => {
    await createClientIdProperty(crm, ['companies']);
    const body = { inputs: [{ id: 'client-abc', idProperty: 'cs_client_id', properties: { name: 'Upserted Ltd' } }] };
    const first = (await (await crm.api('/crm/v3/objects/companies/batch/upsert', { body })).json()) as { results: { id: string; new: boolean }[] };
    const second = (await (await crm.api('/crm/v3/objects/companies/batch/upsert', { body })).json()) as { results: { id: string; new: boolean }[] };
    expect(first.results[0]?.new).toBe(true);
    expect(second.results[0]).toMatchObject({ id: first.results[0]?.id, new: false });
  });

  it('keeps every change across a restart', async () => {
    const created = (await (await crm.api('/crm/v3/objects/companies', { body: { properties: { name: 'Survivor Ltd', csm_sentiment: 'Good' } } })).json()) as {
      id: string;
    };
    const existing = (await (await crm.api('/crm/v3/objects/companies?limit=1')).json()) as Page;
    const existingId = existing.results[0]?.id ?? '';
    await crm.api(`/crm/v3/objects/companies/${existingId}`, { method: 'PATCH', body: { properties: { nps_score: '7' } } });
    await crm.api(
      `/crm/v4/objects/companies/${created.id}/associations/default/contacts/${((await (await crm.api('/crm/v3/objects/contacts?limit=1')).json()) as Page).results[0]?.id}`,
      { method: 'PUT' },
    );
    await crm.close();

    crm = await startTestDemoCrm({ dataDir, now: () => TEST_NOW, timeZone: TEST_ZONE });
    const back = (await (await crm.api(`/crm/v3/objects/companies/${created.id}?properties=name,csm_sentiment&associations=contacts`)).json()) as {
      properties: Record<string, string>;
      associations?: { contacts: { results: unknown[] } };
    };
    expect(back.properties).toMatchObject({ name: 'Survivor Ltd', csm_sentiment: 'Good' });
    expect(back.associations?.contacts.results.length).toBe(1);
    const patched = (await (await crm.api(`/crm/v3/objects/companies/${existingId}?properties=nps_score`)).json()) as { properties: Record<string, string> };
    expect(patched.properties.nps_score).toBe('7');
    const next = (await (await crm.api('/crm/v3/objects/companies', { body: { properties: { name: 'After restart' } } })).json()) as { id: string };
    // The property created before the restart is still there and still unique.
    const byKey = (await (await crm.api('/crm/v3/objects/companies/client-abc?idProperty=cs_client_id&properties=name')).json()) as {
      properties: Record<string, string>;
    };
    expect(byKey.properties.name).toBe('Upserted Ltd');
    expect(Number(next.id)).toBeGreaterThan(Number(created.id));
  });
});
