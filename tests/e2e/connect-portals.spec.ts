import { advancingClock, startTestDemoCrm, type TestDemoCrm } from '../support/demo-crm';
import { connectScreen, dumpStorage, ONE_EDIT_SAVED, pickUser, savedEdits, test as base, TOKEN } from './connect-support';
import { expect, FIXED_NOW, openWorkspace, TIME_ZONE } from './fixtures';
import { firstSynced } from './oauth-support';

/**
 * Two HubSpot portals at one API address (as every portal is at `https://api.hubapi.com`): the
 * test's "HubSpot" is portal A, then portal B on the same port, both taking the same key.
 */
const startPortal = (portalId: number, seed: number, port = 0) =>
  startTestDemoCrm({ token: TOKEN, size: 'small', seed, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE, leanDataset: true, portalId, port });

const test = base.extend<{ portals: { a: TestDemoCrm; b: () => Promise<TestDemoCrm> } }>({
  // eslint-disable-next-line no-empty-pattern
  hubspot: async ({}, use) => {
    const crm = await startPortal(9000001, 2);
    await use(crm);
    await crm.stop();
  },
  portals: async ({ hubspot }, use) => {
    let b: TestDemoCrm | undefined;
    await use({ a: hubspot, b: async () => (b = await startPortal(9000002, 3, Number(new URL(hubspot.url).port))) });
    await b?.stop();
  },
});

test.describe.configure({ timeout: 420_000 });

test('another portal at the same address is caught: it asks, saves portal A’s unsent edit to a file, and nothing of A reaches B', async ({
  page,
  workspace,
  portals,
}) => {
  const { a } = portals;
  await openWorkspace(page, workspace, '/summary');
  const connect = async () => {
    await connectScreen(page).getByLabel('Service key or private-app token').fill(TOKEN);
    await connectScreen(page).getByRole('button', { name: 'Connect HubSpot' }).click();
    await pickUser(page, 'jordan', 'Jordan Lee');
  };
  await connect();
  await firstSynced(page);
  expect((await dumpStorage(page)).databases['cs-workspace']?.meta).toContainEqual({
    key: 'crmSource',
    value: { kind: 'hubspot', baseUrl: a.url, portalId: 9000001 },
  });

  // One edit that cannot reach portal A.
  expect((await a.api('/__demo/faults', { method: 'PUT', body: { errorRate: 1, errorStatuses: [503] } })).status).toBe(200);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  const taskId = (await page.locator('tbody tr[data-task-id]').first().getAttribute('data-task-id')) ?? '';
  const complete = page.locator(`tr[data-task-id="${taskId}"]`).getByRole('checkbox', { name: /^Complete / });
  await complete.click();
  await expect(complete).toBeChecked();
  await expect.poll(async () => (await dumpStorage(page)).databases['cs-workspace']?.outbox?.length, { timeout: 30_000 }).toBe(1);

  // Portal A goes; portal B answers at the very same address with the same key.
  await workspace.app.connections.disconnect();
  await a.stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const b = await portals.b();
  expect(b.url).toBe(a.url);
  // A connection this process kept open to portal A may be handed out once more after A closed it.
  const onB = (path: string) => b.api(path).catch(() => b.api(path));
  const statusOnB = async () =>
    ((await (await onB(`/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`)).json()) as { properties?: { hs_task_status?: string } }).properties
      ?.hs_task_status;
  const before = await statusOnB();
  await page.reload();
  await connect();

  const warn = page.getByRole('main', { name: 'Data of another CRM is on this computer' });
  await expect(warn).toContainText('This computer holds data from HubSpot portal 9000001; you are now connected to HubSpot portal 9000002.');
  await expect(warn.getByRole('alert')).toHaveText(ONE_EDIT_SAVED);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveCount(0);
  await warn.getByRole('button', { name: 'Delete local data and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await firstSynced(page);

  // A's edit is in a file, labelled as portal A's; B's store is B's alone, and the edit never reached B.
  const [saved, ...more] = await savedEdits(workspace);
  expect(more).toEqual([]);
  expect(saved?.entries).toEqual([expect.objectContaining({ intent: expect.objectContaining({ kind: 'update', objectType: 'tasks', recordId: taskId }) })]);
  expect((saved as unknown as { source?: unknown }).source).toEqual({ kind: 'hubspot', baseUrl: a.url, portalId: 9000001 });
  const stored = (await dumpStorage(page)).databases['cs-workspace'] ?? {};
  expect(stored.outbox).toEqual([]);
  expect(stored.meta).toContainEqual({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: b.url, portalId: 9000002 } });
  expect(await statusOnB()).toBe(before);
});
