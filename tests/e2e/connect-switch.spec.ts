import { join } from 'node:path';
import { crmApi, expect, openWorkspace, type Workspace } from './fixtures';
import {
  TOKEN,
  ONE_EDIT_SAVED,
  savedEdits,
  test,
  synced,
  dumpStorage,
  connectScreen,
  whoScreen,
  pickUser,
  asCrm,
  useDemoCrm,
  demoCrmFailing,
} from './connect-support';

// A first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

test('data of two CRMs never mix: connecting to another CRM asks when edits wait, saves them to a file, and clears this computer first', async ({
  page,
  workspace,
  hubspot,
}) => {
  test.setTimeout(300_000); // two first syncs (one per CRM) on a shared 2-core machine
  await useDemoCrm(page, workspace);
  // One edit that cannot reach the demo CRM.
  await demoCrmFailing(workspace, true);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  await page
    .getByRole('checkbox', { name: /^Complete / })
    .first()
    .click();
  await expect.poll(async () => (await dumpStorage(page)).databases['cs-workspace']?.outbox?.length).toBe(1);

  // The web host forgets its connection when it restarts; the local data stays.
  await workspace.app.connections.disconnect();
  await demoCrmFailing(workspace, false);
  await page.reload();
  const field = connectScreen(page).getByLabel('Service key or private-app token');
  await field.fill(TOKEN);
  await connectScreen(page).getByRole('button', { name: 'Connect HubSpot' }).click();
  await pickUser(page, 'alex', 'Alex Morgan');

  const warn = page.getByRole('main', { name: 'Data of another CRM is on this computer' });
  await expect(warn).toContainText('This computer holds data from the demo CRM; you are now connected to HubSpot portal 9000001.');
  await expect(warn.getByRole('alert')).toHaveText(ONE_EDIT_SAVED);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveCount(0);
  // Keeping the data disconnects from the new CRM; nothing is deleted.
  await warn.getByRole('button', { name: 'Keep it and disconnect' }).click();
  await expect(connectScreen(page)).toBeVisible();
  expect(workspace.app.connections.current()).toBeNull();
  expect((await dumpStorage(page)).databases['cs-workspace']?.outbox).toHaveLength(1);

  await field.fill(TOKEN);
  await connectScreen(page).getByRole('button', { name: 'Connect HubSpot' }).click();
  await pickUser(page, 'alex', 'Alex Morgan');
  await warn.getByRole('button', { name: 'Delete local data and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  // The demo CRM's unsent edit was saved to a file first, and the workspace says where.
  const [saved, ...more] = await savedEdits(workspace);
  expect(more).toEqual([]);
  expect(saved?.entries).toEqual([expect.objectContaining({ intent: expect.objectContaining({ kind: 'update', objectType: 'tasks' }) })]);
  await expect(page.getByTestId('saved-edits-notice')).toContainText(join(workspace.dataDir, 'exports', saved?.file ?? ''));
  await synced(page);
  // (Importing them into HubSpot's data is refused: tests/integration/host/saved-edits.test.ts.)

  // HubSpot's portal has a database of its own; the demo CRM's is gone.
  const databases = (await dumpStorage(page)).databases;
  expect([databases['cs-workspace']?.companies ?? [], databases['cs-workspace']?.outbox ?? []]).toEqual([[], []]);
  const stored = databases['cs-workspace-hubspot-9000001'] ?? {};
  expect(stored.outbox).toEqual([]);
  expect(stored.meta).toContainEqual({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: hubspot.url, portalId: 9000001 } });
  // Only "HubSpot"'s companies are here: the two CRMs are seeded differently, so the same id
  // names another company in each; every stored company is HubSpot's version.
  const namesById = async (crm: Workspace) =>
    new Map(
      (
        (await (await crmApi(crm, '/crm/v3/objects/companies?limit=100&properties=name')).json()) as {
          results: Array<{ id: string; properties: { name: string } }>;
        }
      ).results.map((r) => [r.id, r.properties.name] as const),
    );
  const fromHubspot = await namesById(asCrm(workspace, hubspot));
  const fromDemo = await namesById(workspace);
  expect([...fromHubspot].filter(([id, name]) => fromDemo.has(id) && fromDemo.get(id) !== name).length).toBeGreaterThan(0);
  const storedCompanies = (stored.companies ?? []) as Array<{ id: string; properties: { name: string } }>;
  expect(storedCompanies.length).toBeGreaterThan(0);
  const notHubspots = storedCompanies.filter((c) => fromHubspot.has(c.id) && fromHubspot.get(c.id) !== c.properties.name).map((c) => c.id);
  expect(notHubspots).toEqual([]);
  expect(storedCompanies.filter((c) => fromHubspot.has(c.id)).length).toBeGreaterThan(10);
});

test('Disconnect asks first, saves the edits that have not reached the CRM to a file, clears this computer and returns to the first-run screen; Settings brings the edits back', async ({
  page,
  workspace,
}) => {
  await useDemoCrm(page, workspace);

  // The CRM starts failing, so the next edit stays in the outbox.
  await demoCrmFailing(workspace, true);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  const taskId = (await page.locator('tbody tr[data-task-id]').first().getAttribute('data-task-id')) ?? '';
  const complete = page.locator(`tr[data-task-id="${taskId}"]`).getByRole('checkbox', { name: /^Complete / });
  await complete.click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'CRM connection' });
  await expect(section).toContainText('Connected to the demo CRM');

  await section.getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect from the CRM?' });
  await expect(confirm).toContainText('deletes everything CS Workspace keeps on this computer');
  await expect(confirm.getByRole('alert')).toHaveText(ONE_EDIT_SAVED);
  // The safe choice has the focus; Cancel changes nothing.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(workspace.app.connections.current()?.kind).toBe('demo');
  const before = await dumpStorage(page);
  expect(before.databases['cs-workspace']?.outbox).toHaveLength(1);

  await section.getByRole('button', { name: 'Disconnect…' }).click();
  // The page reloads once the local store is gone (the first-run screen may show just before).
  await Promise.all([page.waitForEvent('load'), confirm.getByRole('button', { name: 'Disconnect and delete local data' }).click()]);

  await expect(page.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  expect(workspace.app.connections.current()).toBeNull();
  const after = await dumpStorage(page);
  const rows = Object.values(after.databases).flatMap((stores) => Object.values(stores).flat());
  expect(rows).toEqual([]);
  // The language choice is a preference of this computer, not CRM data; besides it only the
  // note of where the unsent edit was saved is left (it names a file, holds no CRM data).
  expect(Object.keys(after.localStorage).filter((k) => k !== 'cs.locale')).toEqual(['cs.savedEdits']);
  // The edit went to a file in the data folder before the local store was deleted.
  const [saved, ...more] = await savedEdits(workspace);
  expect(more).toEqual([]);
  expect(saved?.entries).toEqual([
    expect.objectContaining({
      intent: expect.objectContaining({ kind: 'update', objectType: 'tasks', recordId: taskId, desired: { hs_task_status: 'COMPLETED' } }),
    }),
  ]);
  await expect(page.getByTestId('saved-edits-notice')).toContainText(
    `1 edit that had not reached the CRM was saved to ${join(workspace.dataDir, 'exports', saved?.file ?? '')}.`,
  );

  // Choosing again starts from scratch: the first-run setup and a fresh first sync.
  await demoCrmFailing(workspace, false);
  await connectScreen(page).getByRole('button', { name: 'Use the demo CRM' }).click();
  await whoScreen(page).getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('region', { name: 'Workspace setup' })).toBeVisible({ timeout: 30_000 });
  await synced(page);
  expect((await crmApi(workspace, `/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`).then((r) => r.json())).properties.hs_task_status).not.toBe(
    'COMPLETED',
  );

  // Settings → Saved edits → Import: the edit is queued again and reaches the CRM.
  await page.getByRole('button', { name: 'Settings' }).click();
  const savedSection = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Saved edits' });
  await expect(savedSection).toContainText(join(workspace.dataDir, 'exports'));
  await savedSection.getByRole('button', { name: /^Import the edits saved / }).click();
  await expect(savedSection.getByRole('status')).toHaveText('1 edit brought back; it goes to the CRM with the next sync.');
  await expect(page.getByTestId('saved-edits-notice')).toHaveCount(0);
  await expect
    .poll(async () => (await crmApi(workspace, `/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`).then((r) => r.json())).properties.hs_task_status, {
      timeout: 30_000,
    })
    .toBe('COMPLETED');
});

test.describe('the HubSpot API address in Settings', () => {
  // No --hubspot-url: "Connect HubSpot" goes where Settings says (HubSpot's own until then).
  test.use({ workspaceOptions: { startConnected: false, size: 'tiny' } });

  test("Settings → Advanced: HubSpot API address sends the next “Connect HubSpot” to the test's CRM; changing it while connected asks, disconnects and keeps the data", async ({
    page,
    workspace,
    hubspot,
  }) => {
    await openWorkspace(page, workspace, '/summary');
    await expect(connectScreen(page).getByRole('button', { name: 'Connect HubSpot' })).toBeEnabled();
    await expect(connectScreen(page)).not.toContainText('HubSpot API address');
    await connectScreen(page).getByRole('button', { name: 'Use the demo CRM' }).click();
    await whoScreen(page).getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    let section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'CRM connection' });
    let field = section.getByLabel('Advanced: HubSpot API address');
    await expect(field).toHaveValue('https://api.hubapi.com');
    await expect(field).toBeEditable();
    // A token must never travel unencrypted over a network: refused before anything is sent.
    await field.fill('http://crm.example.com');
    await section.getByRole('button', { name: 'Save address' }).click();
    await expect(section.getByRole('alert')).toHaveText(
      'Plain http:// is allowed only for this computer (127.0.0.1, ::1, localhost): elsewhere the token would travel unencrypted. Use https://.',
    );
    await expect(field).toBeFocused();
    await field.fill('https://user:secret@crm.example.com');
    await section.getByRole('button', { name: 'Save address' }).click();
    await expect(section.getByRole('alert')).toContainText('may not contain a user name or password');
    expect(workspace.app.connections.hubspotUrl()).toMatchObject({ url: 'https://api.hubapi.com', source: 'default' });

    await field.fill(`  ${hubspot.url}/ `);
    await section.getByRole('button', { name: 'Save address' }).click();
    await expect(section.getByRole('status')).toHaveText(`Saved. The next “Connect HubSpot” connects to ${hubspot.url}.`);
    await expect(field).toHaveValue(hubspot.url);
    await expect(section.getByRole('alert')).toHaveCount(0);
    // Connected to the demo CRM, which this does not touch.
    expect(workspace.app.connections.current()?.kind).toBe('demo');

    // As after a web host restart (it keeps the connection in memory only): the Connect screen,
    // this computer's demo CRM data kept. "Connect HubSpot" goes to the saved address, with the
    // token that CRM knows; its data replaces the demo CRM's (the usual CRM switch).
    await workspace.app.connections.disconnect();
    await page.reload();
    const screen = connectScreen(page);
    await expect(screen).toContainText(`HubSpot API address: ${hubspot.url}`);
    await screen.getByLabel('Service key or private-app token').fill(TOKEN);
    await screen.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(whoScreen(page).getByRole('radio')).toHaveCount(6);
    expect(workspace.app.connections.current()).toMatchObject({ kind: 'hubspot', baseUrl: hubspot.url });
    await pickUser(page, 'alex', 'Alex Morgan');
    await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
    // The data comes from there: the local store names it as its source.
    await expect
      .poll(async () => (await dumpStorage(page)).databases['cs-workspace-hubspot-9000001']?.meta)
      .toContainEqual({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: hubspot.url, portalId: 9000001 } });

    await page.getByRole('button', { name: 'Settings' }).click();
    section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'CRM connection' });
    field = section.getByLabel('Advanced: HubSpot API address');
    await expect(section).toContainText(`Connected to HubSpot · ${hubspot.url}`);
    await expect(field).toHaveValue(hubspot.url);

    // Back to HubSpot's own while connected here: a live connection never moves, so it asks.
    await section.getByRole('button', { name: 'Use HubSpot’s own address' }).click();
    const confirm = page.getByRole('dialog', { name: 'Change the HubSpot address?' });
    await expect(confirm).toContainText(`HubSpot is connected at ${hubspot.url}. To use https://api.hubapi.com, CS Workspace disconnects now`);
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect(workspace.app.connections.hubspotUrl()).toMatchObject({ url: hubspot.url, source: 'saved' });
    expect(workspace.app.connections.current()).toMatchObject({ kind: 'hubspot', baseUrl: hubspot.url });

    await section.getByRole('button', { name: 'Use HubSpot’s own address' }).click();
    await Promise.all([page.waitForEvent('load'), confirm.getByRole('button', { name: 'Disconnect and use the new address' }).click()]);
    await expect(connectScreen(page).getByRole('button', { name: 'Connect HubSpot' })).toBeEnabled();
    await expect(connectScreen(page)).not.toContainText('HubSpot API address');
    expect(workspace.app.connections.current()).toBeNull();
    expect(workspace.app.connections.hubspotUrl()).toMatchObject({ url: 'https://api.hubapi.com', source: 'default' });
    // This computer's data stays until the next connect decides (the usual CRM switch).
    expect((await dumpStorage(page)).databases['cs-workspace-hubspot-9000001']?.meta).toContainEqual({
      key: 'crmSource',
      value: { kind: 'hubspot', baseUrl: hubspot.url, portalId: 9000001 },
    });
  });
});
