import { crmApi, expect, openWorkspace, test } from './fixtures';

test('the first sync fills the local store and the status says when it finished', async ({ page, workspace }) => {
  await openWorkspace(page, workspace);
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Last synced', { timeout: 60_000 });
  const counts = await page.evaluate(async () => {
    const open = indexedDB.open('cs-workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
    return { companies: await count('companies'), tasks: await count('tasks') };
  });
  const crm = await (await crmApi(workspace, '/crm/v3/objects/companies/search', { body: { limit: 1, filterGroups: [] } })).json();
  expect(counts.companies).toBe(crm.total);
  expect(counts.tasks).toBeGreaterThan(0);
});
