import { expect, openWorkspace } from './fixtures';
import { dumpStorage, whoScreen } from './connect-support';
import { firstSynced, JORDAN, oauthSeen, refreshes, signInAs, signInFirst, test } from './oauth-support';

// A first sync takes a while on a shared 2-core machine (the small book's most of all).
test.describe.configure({ timeout: 300_000 });

/** How many records of a type the CRM holds (search total: the dataset was written long before). */
async function crmTotal(api: (path: string, init?: { body?: unknown }) => Promise<Response>, type: string): Promise<number> {
  const res = await api(`/crm/v3/objects/${type}/search`, { body: { limit: 1, filterGroups: [] } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

test.describe('a first sync that outlives an access token', () => {
  // The small book, paced as on HubSpot: its first sync lasts longer than a token lives.
  test.use({ oauthBook: 'small' });

  test('the access token is refreshed while the first sync runs: no error, no page lost, and HubSpot saw the refreshes', async ({
    page,
    workspace,
    hubspot,
  }) => {
    await openWorkspace(page, workspace, '/summary');
    await signInFirst(page, workspace, JORDAN.userId);
    await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible({ timeout: 60_000 });
    await expect(whoScreen(page)).toHaveCount(0);
    const startedAt = Date.now();
    const refreshedBefore = await refreshes(hubspot);
    await firstSynced(page);
    const took = Date.now() - startedAt;
    const during = (await refreshes(hubspot)) - refreshedBefore;
    test.info().annotations.push({ type: 'first sync', description: `${took} ms, ${during} refreshes during it` });
    // The sync outlived several access tokens: each was renewed at the token endpoint ahead of its expiry.
    expect(during).toBeGreaterThanOrEqual(1);
    const status = page.getByRole('status', { name: 'Sync status' });
    await expect(status).toContainText('No pending edits');
    await expect(status).not.toContainText(/error|failed|sign in/i);
    await expect(page.getByTestId('sign-in-again')).toHaveCount(0);
    // No page lost: every company and contact of the portal is on this computer.
    const stored = (await dumpStorage(page)).databases['cs-workspace-hubspot-9000001'] ?? {};
    expect(stored.companies?.length).toBe(await crmTotal(hubspot.api, 'companies'));
    expect(stored.contacts?.length).toBe(await crmTotal(hubspot.api, 'contacts'));
    // Refreshing kept the same grant: the token endpoint never refused, and no second sign-in was asked.
    const seen = await oauthSeen(hubspot);
    expect(seen.tokenCalls.filter((c) => !c.ok)).toEqual([]);
    expect(seen.tokenCalls.filter((c) => c.grantType === 'authorization_code')).toHaveLength(1);
    expect(workspace.openedLinks).toHaveLength(1);
  });
});

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
