import { crmApi, expect, openWorkspace, test } from './fixtures';

// These are about the first sync: they start from an empty local store, not the prepared one.
// The first runs against a portal that enforces HubSpot's rate limits and a gateway that paces
// itself under them.
test.describe('rate limited', () => {
  test.use({ workspaceOptions: { prepared: false, rateLimits: true } });

  test('the first sync fills the local store and the status says when it finished', async ({ page, workspace }) => {
    test.setTimeout(180_000); // a whole first sync, rate limited as on HubSpot, on a shared 2-core machine
    await openWorkspace(page, workspace);
    const status = page.getByRole('status', { name: 'Sync status' });
    await expect(status).toContainText('Last synced', { timeout: 150_000 });
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
});

// A refused type is about what the app says, not about the book or the limits: the tiny book, unpaced.
test.describe('a refused type', () => {
  test.use({ workspaceOptions: { prepared: false, size: 'tiny' } });

  test('a type the CRM refuses is named in the status and on Summary and Portfolio, never "Last synced"', async ({ page, workspace }) => {
    test.setTimeout(120_000); // two first syncs of the tiny book
    const faults = (failPaths: string[]) => crmApi(workspace, '/__demo/faults', { method: 'PUT', body: { failPaths } });
    expect((await faults(['/crm/v3/objects/tickets'])).status).toBe(200);
    await openWorkspace(page, workspace);
    const status = page.getByRole('status', { name: 'Sync status' });
    await expect(status).toContainText("Tickets could not be synced: This app hasn't been granted all required scopes", { timeout: 120_000 });
    await expect(status).not.toContainText('Last synced');
    const banner = page.getByTestId('sync-incomplete');
    await expect(banner).toHaveText(/local data is incomplete: tickets could not be synced/);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Portfolio', exact: true }).click();
    await expect(banner).toHaveText(/local data is incomplete: tickets could not be synced/);

    expect((await faults([])).status).toBe(200);
    await status.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Last synced', { timeout: 120_000 });
    await expect(banner).toHaveCount(0);
  });
});
