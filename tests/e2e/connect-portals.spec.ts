import type { Page } from '@playwright/test';
import { advancingClock, startTestDemoCrm, type TestDemoCrm } from '../support/demo-crm';
import { startPortalProxy, type PortalProxy } from '../support/portal-proxy';
import { connectScreen, dumpStorage, pickUser, test as base, whoScreen } from './connect-support';
import { expect, FIXED_NOW, openWorkspace, TIME_ZONE } from './fixtures';
import { firstSynced } from './oauth-support';

/**
 * Two HubSpot portals at one API address, as every portal is at `https://api.hubapi.com` and
 * the key decides the portal: a small proxy in front of two demo CRMs sends each request to
 * the portal whose key it carries. Each portal's data and queued edits live in its own local
 * database; Settings switches between them with the key the host kept.
 */
const KEY_A = 'pat-na1-aaaaaaaa-1111-2222-3333-444444444444';
const KEY_B = 'pat-na1-bbbbbbbb-1111-2222-3333-444444444444';
const startPortal = (token: string, portalId: number, seed: number) =>
  startTestDemoCrm({ token, size: 'tiny', seed, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE, leanDataset: true, portalId, searchLag: false });

const test = base.extend<{ portals: { a: TestDemoCrm; b: TestDemoCrm; proxy: PortalProxy } }>({
  // eslint-disable-next-line no-empty-pattern
  portals: async ({}, use) => {
    const [a, b] = await Promise.all([startPortal(KEY_A, 9000001, 2), startPortal(KEY_B, 9000002, 3)]);
    const proxy = await startPortalProxy([
      { name: 'a', url: a.url, token: KEY_A },
      { name: 'b', url: b.url, token: KEY_B },
    ]);
    await use({ a, b, proxy });
    await proxy.stop();
    await Promise.all([a.stop(), b.stop()]);
  },
  workspaceOptions: async ({ portals }, use) => {
    await use({ startConnected: false, hubspotBaseUrl: portals.proxy.url, size: 'tiny' });
  },
});

test.describe.configure({ timeout: 420_000 });

const DB_A = 'cs-workspace-hubspot-9000001';
const DB_B = 'cs-workspace-hubspot-9000002';

const taskStatus = async (crm: TestDemoCrm, id: string) =>
  ((await (await crm.api(`/crm/v3/objects/tasks/${id}?properties=hs_task_status`)).json()) as { properties?: { hs_task_status?: string } }).properties
    ?.hs_task_status;

const companyNames = async (crm: TestDemoCrm): Promise<string[]> => {
  const names: string[] = [];
  let after: string | undefined;
  do {
    const page = (await (await crm.api(`/crm/v3/objects/companies?limit=100&properties=name${after ? `&after=${after}` : ''}`)).json()) as {
      results: Array<{ properties: { name?: string } }>;
      paging?: { next?: { after: string } };
    };
    names.push(...page.results.map((r) => r.properties.name ?? ''));
    after = page.paging?.next?.after;
  } while (after);
  return names.sort();
};

const storedNames = (rows: unknown[] | undefined) => (rows ?? []).map((r) => (r as { properties?: { name?: string } }).properties?.name ?? '').sort();

function portalsSection(page: Page) {
  return page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'HubSpot portals' });
}

async function openPortals(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return portalsSection(page);
}

test('a second portal gets its own data; switching back in Settings brings portal A’s data and queued edit, which reaches A and never B', async ({
  page,
  workspace,
  portals,
}) => {
  const { a, b, proxy } = portals;
  await openWorkspace(page, workspace, '/summary');
  await connectScreen(page).getByLabel('Service key or private-app token').fill(KEY_A);
  await connectScreen(page).getByRole('button', { name: 'Connect HubSpot' }).click();
  await pickUser(page, 'jordan', 'Jordan Lee');
  await firstSynced(page);
  const afterA = await dumpStorage(page);
  expect(afterA.databases[DB_A]?.meta).toContainEqual({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: proxy.url, portalId: 9000001 } });
  expect(storedNames(afterA.databases[DB_A]?.companies)).toEqual(await companyNames(a));

  // One edit that cannot reach portal A yet.
  expect((await a.api('/__demo/faults', { method: 'PUT', body: { errorRate: 1, errorStatuses: [503] } })).status).toBe(200);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  const taskId = (await page.locator('tbody tr[data-task-id]').first().getAttribute('data-task-id')) ?? '';
  const complete = page.locator(`tr[data-task-id="${taskId}"]`).getByRole('checkbox', { name: /^Complete / });
  await complete.click();
  await expect.poll(async () => (await dumpStorage(page)).databases[DB_A]?.outbox?.length, { timeout: 30_000 }).toBe(1);
  const onB = await taskStatus(b, taskId);
  const onA = await taskStatus(a, taskId);

  // Portal B is added in Settings: A stays connected, the page reloads onto B's own database.
  let section = await openPortals(page);
  await expect(section.getByRole('listitem')).toHaveText([/Portal 9000001.*current/]);
  await section.getByText('Add another HubSpot portal').click();
  await section.getByLabel('Service key or private-app token').fill(KEY_B);
  await Promise.all([page.waitForEvent('load'), section.getByRole('button', { name: 'Add portal' }).click()]);
  await expect(whoScreen(page)).toBeVisible();
  await pickUser(page, 'jordan', 'Jordan Lee');
  await firstSynced(page);
  let stored = (await dumpStorage(page)).databases;
  expect(stored[DB_B]?.meta).toContainEqual({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: proxy.url, portalId: 9000002 } });
  // B's store holds B's companies only, and none of A's queue.
  expect(storedNames(stored[DB_B]?.companies)).toEqual(await companyNames(b));
  expect(storedNames(stored[DB_B]?.companies)).not.toEqual(storedNames(stored[DB_A]?.companies));
  expect(stored[DB_B]?.outbox).toEqual([]);
  expect(stored[DB_A]?.outbox).toHaveLength(1);
  expect(await taskStatus(b, taskId)).toBe(onB);
  // The first-run page's store (no CRM yet) holds nothing of either.
  expect([stored['cs-workspace']?.companies ?? [], stored['cs-workspace']?.outbox ?? []]).toEqual([[], []]);

  // A answers again; switching back needs no key: A's data and its queued edit are there, and the edit reaches A.
  expect((await a.api('/__demo/faults', { method: 'PUT', body: { errorRate: 0 } })).status).toBe(200);
  section = await openPortals(page);
  await expect(section.getByRole('listitem')).toHaveText([/Portal 9000002.*current/, /Portal 9000001/]);
  await Promise.all([page.waitForEvent('load'), section.getByRole('button', { name: 'Switch to portal 9000001' }).click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect.poll(async () => (await dumpStorage(page)).databases[DB_A]?.outbox?.length, { timeout: 120_000 }).toBe(0);
  expect(await taskStatus(a, taskId)).toBe('COMPLETED');
  expect(onA).not.toBe('COMPLETED');
  expect(await taskStatus(b, taskId)).toBe(onB);

  // And to B again: B's data as it was, nothing of A's in it.
  section = await openPortals(page);
  await Promise.all([page.waitForEvent('load'), section.getByRole('button', { name: 'Switch to portal 9000002' }).click()]);
  await firstSynced(page);
  stored = (await dumpStorage(page)).databases;
  expect(storedNames(stored[DB_B]?.companies)).toEqual(await companyNames(b));
  expect(storedNames(stored[DB_A]?.companies)).toEqual(await companyNames(a));
  expect(stored[DB_B]?.outbox).toEqual([]);
  expect(await taskStatus(b, taskId)).toBe(onB);
});
