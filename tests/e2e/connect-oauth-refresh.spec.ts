import { expect, openWorkspace } from './fixtures';
import { dumpStorage, whoScreen } from './connect-support';
import { firstSynced, JORDAN, oauthSeen, refreshes, signInFirst, test } from './oauth-support';

// The small book, paced as on HubSpot: its first sync lasts longer than an access token lives,
// and takes a while on a shared 2-core machine.
test.use({ oauthBook: 'small' });
test.describe.configure({ timeout: 300_000 });

/** How many records of a type the CRM holds (search total: the dataset was written long before). */
async function crmTotal(api: (path: string, init?: { body?: unknown }) => Promise<Response>, type: string): Promise<number> {
  const res = await api(`/crm/v3/objects/${type}/search`, { body: { limit: 1, filterGroups: [] } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

test('the access token is refreshed while the first sync runs: no error, no page lost, and HubSpot saw the refreshes', async ({ page, workspace, hubspot }) => {
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
