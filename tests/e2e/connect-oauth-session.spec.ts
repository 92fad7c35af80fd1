import { expect, openWorkspace } from './fixtures';
import { dumpStorage } from './connect-support';
import { firstSynced, JORDAN, signInAs, signInFirst, test } from './oauth-support';

// A first sync of the tiny book, with room for a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

test('revoked at HubSpot: “Sign in again” shows, the edit waits on this computer, and signing in again as the same user delivers it', async ({
  page,
  workspace,
  hubspot,
}) => {
  await openWorkspace(page, workspace, '/summary');
  await signInFirst(page, workspace, JORDAN.userId);
  await firstSynced(page);

  // An admin uninstalls the app in HubSpot: every sign-in is revoked, its access tokens too.
  expect((await hubspot.api('/__demo/oauth/revoke', { method: 'POST' })).status).toBe(200);
  await page.goto(`${workspace.url}#/tasks?view=all-open`);
  const taskId = (await page.locator('tbody tr[data-task-id]').first().getAttribute('data-task-id')) ?? '';
  expect(taskId).not.toBe('');
  await page
    .locator(`tr[data-task-id="${taskId}"]`)
    .getByRole('checkbox', { name: /^Complete / })
    .click();

  const banner = page.getByTestId('sign-in-again');
  await expect(banner).toContainText(`Your edits are kept on this computer; sign in again as ${JORDAN.email} to send them.`, { timeout: 60_000 });
  expect(workspace.app.connections.status()).toMatchObject({ connected: true, auth: 'oauth', signedOut: true });
  // The edit is kept, and has not reached the CRM.
  expect((await dumpStorage(page)).databases['cs-workspace-hubspot-9000001']?.outbox).toHaveLength(1);
  const taskStatus = async () =>
    ((await (await hubspot.api(`/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`)).json()) as { properties: { hs_task_status: string } }).properties
      .hs_task_status;
  expect(await taskStatus()).not.toBe('COMPLETED');

  await signInAs(workspace, JORDAN.userId, () => banner.getByRole('button', { name: 'Sign in again' }).click());
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  // Sent at once, not after the sync's backoff.
  await expect.poll(taskStatus, { timeout: 30_000 }).toBe('COMPLETED');
  await expect.poll(async () => (await dumpStorage(page)).databases['cs-workspace-hubspot-9000001']?.outbox?.length, { timeout: 60_000 }).toBe(0);
  expect(workspace.app.connections.identity()?.email).toBe(JORDAN.email);
  expect(workspace.app.connections.status().signedOut).toBeUndefined();
});
