import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { advancingClock, startTestDemoCrm, type TestDemoCrm } from '../support/demo-crm';
import { crmApi, expect, FIXED_NOW, openWorkspace, test as base, TIME_ZONE } from './fixtures';

/**
 * Connect and Disconnect, as a newcomer meets them: the web host starts with no CRM
 * connected. A second demo CRM on its own port plays HubSpot, with a private-app-shaped
 * token; the web host's `hubspotBaseUrl` points at it.
 */
const TOKEN = 'pat-na1-5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b';

const test = base.extend<{ hubspot: TestDemoCrm }>({
  // eslint-disable-next-line no-empty-pattern
  hubspot: async ({}, use) => {
    const crm = await startTestDemoCrm({ token: TOKEN, size: 'small', seed: 2, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE });
    await use(crm);
    await crm.stop();
  },
  workspaceOptions: async ({ hubspot }, use) => {
    await use({ startConnected: false, hubspotBaseUrl: hubspot.url });
  },
});

// A first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
}

/** Everything the page keeps: every IndexedDB database (all rows of all stores) and both Web Storages. */
function dumpStorage(page: Page) {
  return page.evaluate(async () => {
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const databases: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) stores[name] = await request(db.transaction(name).objectStore(name).getAll());
      db.close();
      databases[info.name] = stores;
    }
    return { databases, localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } };
  });
}

const connectScreen = (page: Page) => page.getByRole('main', { name: 'Connect your CRM' });

test('first run offers both choices; “Use the demo CRM” opens the workspace, which stays connected on reload', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  const screen = connectScreen(page);
  await expect(screen.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Use the demo CRM' })).toBeEnabled();
  await expect(screen.getByRole('button', { name: 'Connect HubSpot' })).toBeEnabled();
  await expect(screen.getByLabel('Private-app access token')).toHaveAttribute('type', 'password');
  // Nothing syncs before a CRM is chosen.
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveCount(0);
  expect(workspace.app.connections.current()).toBeNull();

  await screen.getByRole('button', { name: 'Use the demo CRM' }).click();
  await expect(connectScreen(page)).toHaveCount(0);
  // The existing first-run setup follows on Summary.
  await expect(page.getByRole('region', { name: 'Workspace setup' })).toBeVisible();
  expect(workspace.app.connections.current()?.kind).toBe('demo');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(connectScreen(page)).toHaveCount(0);
  await synced(page);
});

test('Connect HubSpot: a malformed token is caught, a wrong one is refused and stays, the right one connects and syncs; the token is kept nowhere in the page', async ({ page, workspace, hubspot }) => {
  await openWorkspace(page, workspace, '/summary');
  const screen = connectScreen(page);
  const field = screen.getByLabel('Private-app access token');
  const connect = screen.getByRole('button', { name: 'Connect HubSpot' });

  await connect.click();
  await expect(screen.getByRole('alert')).toHaveText('Paste your access token first.');
  await field.fill('pat na1 copied with spaces');
  await connect.click();
  await expect(screen.getByRole('alert')).toContainText('This does not look like an access token');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();

  await field.fill('pat-na1-00000000-0000-0000-0000-000000000000');
  await connect.click();
  await expect(screen.getByRole('alert')).toHaveText(
    'HubSpot did not accept this token. Check that you copied the whole token of your private app and that it has the CRM scopes.',
  );
  await expect(screen.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  expect(workspace.app.connections.current()).toBeNull();

  // Pasted with a trailing line break, as copying from a web page often does.
  await field.fill(`${TOKEN}\n`);
  await connect.click();
  await expect(connectScreen(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  expect(workspace.app.connections.current()).toMatchObject({ kind: 'hubspot', baseUrl: hubspot.url });
  await synced(page);

  // The records came from "HubSpot", not from the embedded demo CRM (a different seed).
  const first = ((await (await hubspot.api('/crm/v3/objects/companies?limit=1&properties=name')).json()) as { results: Array<{ id: string }> }).results[0];
  const fromDemo = await crmApi(workspace, `/crm/v3/objects/companies?limit=1`);
  expect(fromDemo.status).toBe(200);
  const stored = await dumpStorage(page);
  expect(Object.keys(stored.databases)).toContain('cs-workspace');
  expect(JSON.stringify(stored.databases['cs-workspace']?.companies ?? [])).toContain(`"${first?.id}"`);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('region', { name: 'CRM connection' })).toContainText(`Connected to HubSpot · ${hubspot.url}`);

  // The token: not in IndexedDB, localStorage or sessionStorage, not in the web host's log.
  const everything = JSON.stringify(await dumpStorage(page));
  expect(everything.length).toBeGreaterThan(10_000);
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(TOKEN.slice(8));
  const log = await readFile(join(workspace.dataDir, 'logs', 'web-host.log'), 'utf8');
  expect(log).toContain('connected to HubSpot');
  expect(log).not.toContain(TOKEN);
  // And the host never hands it back.
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TOKEN);
});

test('Disconnect asks first and counts the edits that would be lost, then clears this computer and returns to the first-run screen', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await connectScreen(page).getByRole('button', { name: 'Use the demo CRM' }).click();
  await synced(page);

  // The CRM starts failing, so the next edit stays in the outbox.
  expect((await crmApi(workspace, '/__demo/faults', { method: 'PUT', body: { errorRate: 1, errorStatuses: [503] } })).status).toBe(200);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  const complete = page.getByRole('checkbox', { name: /^Complete / }).first();
  await complete.click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'CRM connection' });
  await expect(section).toContainText('Connected to the demo CRM');

  await section.getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect from the CRM?' });
  await expect(confirm).toContainText('deletes everything CS Workspace keeps on this computer');
  await expect(confirm.getByRole('alert')).toHaveText('1 edit has not reached the CRM yet and will be lost.');
  // The safe choice has the focus; Cancel changes nothing.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(workspace.app.connections.current()?.kind).toBe('demo');
  const before = await dumpStorage(page);
  expect(before.databases['cs-workspace']?.outbox).toHaveLength(1);

  await section.getByRole('button', { name: 'Disconnect…' }).click();
  await confirm.getByRole('button', { name: 'Disconnect and delete local data' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  expect(workspace.app.connections.current()).toBeNull();
  const after = await dumpStorage(page);
  const rows = Object.values(after.databases).flatMap((stores) => Object.values(stores).flat());
  expect(rows).toEqual([]);
  // The language choice is a preference of this computer, not CRM data; nothing else is left.
  expect(Object.keys(after.localStorage).filter((k) => k !== 'cs.locale')).toEqual([]);

  // Choosing again starts from scratch: the first-run setup and a fresh first sync.
  expect((await crmApi(workspace, '/__demo/faults', { method: 'PUT', body: { errorRate: 0 } })).status).toBe(200);
  await connectScreen(page).getByRole('button', { name: 'Use the demo CRM' }).click();
  await expect(page.getByRole('region', { name: 'Workspace setup' })).toBeVisible({ timeout: 30_000 });
  await synced(page);
});
