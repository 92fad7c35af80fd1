import type { Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { advancingClock, startTestDemoCrm, type TestDemoCrm } from '../support/demo-crm';
import { crmApi, expect, FIXED_NOW, openWorkspace, test as base, TIME_ZONE, type Workspace } from './fixtures';

/**
 * Connect and Disconnect, as a newcomer meets them: the web host starts with no CRM
 * connected. A second demo CRM on its own port plays HubSpot, with a private-app-shaped
 * token; the web host's `hubspotBaseUrl` points at it.
 */
export const TOKEN = 'pat-na1-5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b';

/** What Disconnect and a CRM switch say about one edit that has not reached the CRM. */
export const ONE_EDIT_SAVED =
  '1 edit has not reached the CRM yet. It is saved to a file in the data folder before anything is deleted, and Settings → Saved edits brings it back.';

/** The saved-edits files in the data folder (what the host wrote before the local data went). */
export async function savedEdits(
  workspace: Workspace,
): Promise<Array<{ file: string; entries: Array<{ intent: { kind: string; objectType?: string; recordId?: string; desired?: Record<string, string> } }> }>> {
  const folder = join(workspace.dataDir, 'exports');
  const files = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(files.map(async (file) => ({ file, ...(JSON.parse(await readFile(join(folder, file), 'utf8')) as { entries: [] }) })));
}

export const test = base.extend<{ hubspot: TestDemoCrm }>({
  // eslint-disable-next-line no-empty-pattern
  hubspot: async ({}, use) => {
    // The tiny book (40 accounts, no heavy account): these specs are about connecting and switching, and wait for each first sync.
    // No search lag, as in every e2e test not about it (fixtures.ts).
    const crm = await startTestDemoCrm({ token: TOKEN, size: 'tiny', seed: 2, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE, searchLag: false });
    await use(crm);
    await crm.stop();
  },
  workspaceOptions: async ({ hubspot }, use) => {
    await use({ startConnected: false, hubspotBaseUrl: hubspot.url, size: 'tiny' });
  },
});

export async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
}

/** From the first-run screen: "Use the demo CRM" as its preselected user, until the first sync is done. */
export async function useDemoCrm(page: Page, workspace: Workspace) {
  const screen = await openConnectScreen(page, workspace);
  await screen.getByRole('button', { name: 'Use the demo CRM' }).click();
  await whoScreen(page).getByRole('button', { name: 'Continue' }).click();
  await synced(page);
}

/** The workspace's demo CRM answers every call with a 503 from now on (`failing`), or works again. */
export async function demoCrmFailing(workspace: Workspace, failing: boolean) {
  const body = failing ? { errorRate: 1, errorStatuses: [503] } : { errorRate: 0 };
  expect((await crmApi(workspace, '/__demo/faults', { method: 'PUT', body })).status).toBe(200);
}

/** Everything the page keeps: every IndexedDB database (all rows of all stores) and both Web Storages. */
export function dumpStorage(page: Page) {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
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

export const connectScreen = (page: Page) => page.getByRole('main', { name: 'Connect your CRM' });

/** Opens a workspace that has no CRM yet (at Summary's address) and gives its "Connect your CRM" screen. */
export async function openConnectScreen(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/summary');
  return connectScreen(page);
}
export const whoScreen = (page: Page) => page.getByRole('main', { name: 'Who are you?' });

/** "Who are you?": search, pick by name, continue. */
export async function pickUser(page: Page, search: string, name: string) {
  const who = whoScreen(page);
  await who.getByRole('searchbox', { name: 'Search users' }).fill(search);
  await who.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await who.getByRole('button', { name: 'Continue' }).click();
  await expect(whoScreen(page)).toHaveCount(0);
}

/** The test's "HubSpot" as the workspace helpers' CRM, to compute what its user should see. */
export const asCrm = (workspace: Workspace, hubspot: TestDemoCrm): Workspace =>
  ({ ...workspace, app: { ...workspace.app, demoCrm: { url: hubspot.url, token: TOKEN } } }) as unknown as Workspace;
