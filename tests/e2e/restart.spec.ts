import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { startWebHostApp } from '../../src-main/web-host/app';
import { advancingClock } from '../support/demo-crm';
import { crmApi, expect, expectDrained, openWorkspace, test, TIME_ZONE, waitForOfflineReady } from './fixtures';

const row = (page: Page, id: string) => page.locator(`tr[data-task-id="${id}"]`);

// Leave the page before the fixture stops the web host, so its open connections do not log errors.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

/**
 * The browser keeps the local store per origin. An edit queued offline must still be there,
 * and reach the CRM, after the web host is stopped and started again on the same data
 * folder: the host comes back at the same address, and the open page picks up its new secret.
 */
test('an edit queued offline reaches the CRM after the web host restarts on the same data folder', async ({ page, context, workspace }) => {
  await openWorkspace(page, workspace, '/tasks?view=due-tomorrow');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 30_000 });
  const first = page.locator('tbody tr[data-task-id]').first();
  const id = (await first.getAttribute('data-task-id')) as string;
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await expect(page.getByRole('alert')).toContainText('You are offline');
  await row(page, id)
    .getByRole('button', { name: /^Edit / })
    .click();
  const editor = page.getByRole('dialog', { name: 'Edit task' });
  await editor.getByLabel('Subject').fill('Queued before the restart');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, id)).toContainText('Queued before the restart');
  await expect(row(page, id).getByText('Pending')).toBeVisible();

  // Stop the web host (and its demo CRM) and start it again on the same data folder.
  await workspace.app.close();
  const restarted = await startWebHostApp({
    dataDir: workspace.dataDir,
    rootDir: join(process.env.CSW_OUT_DIR ?? join(process.cwd(), 'out'), 'renderer'),
    version: '0.0.0-test',
    demoCrm: { now: advancingClock(workspace.crmStart + 60_000), timeZone: TIME_ZONE, tier: 'enterprise', leanDataset: true },
  });
  try {
    expect(restarted.host.url).toBe(workspace.url);
    const again = { ...workspace, url: restarted.host.url, app: restarted };

    await context.setOffline(false);
    await expectDrained(page);
    const task = await (await crmApi(again, `/crm/v3/objects/tasks/${id}?properties=hs_task_subject`)).json();
    expect(task.properties.hs_task_subject).toBe('Queued before the restart');
    await page.goto('about:blank');
  } finally {
    await restarted.close();
  }
});
