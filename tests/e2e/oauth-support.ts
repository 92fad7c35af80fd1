import type { Page } from '@playwright/test';
import { advancingClock, startTestDemoCrm, type TestDemoCrm } from '../support/demo-crm';
import { demoBrowser } from '../support/oauth-browser';
import { connectScreen, test as base, TOKEN } from './connect-support';
import { expect, FIXED_NOW, TIME_ZONE, type Workspace } from './fixtures';

/**
 * An access token's life on the test's "HubSpot" (HubSpot's: 30 minutes). The session renews
 * a fifth of a life ahead (2.4 s), so a first sync sees several refreshes.
 */
export const ACCESS_TOKEN_TTL_S = 12;

/** Jordan Lee, a demo CSM, signs in in these tests. */
export const JORDAN = { userId: '1000003', email: 'jordan.lee@demo-crm.test' };

/**
 * The book the test's "HubSpot" holds. `tiny` (the default) where the test is about signing in,
 * refreshing and signing out: its first sync is a few seconds. `small` with the gateway pacing
 * itself as on HubSpot, for the test whose first sync must outlive an access token.
 */
export type OauthBook = 'tiny' | 'small';

/** The web host with "Sign in with HubSpot" set up for a demo CRM playing HubSpot, its tokens short-lived. */
export const test = base.extend<{ oauthBook: OauthBook }>({
  oauthBook: ['tiny', { option: true }],
  hubspot: async ({ oauthBook }, use) => {
    const crm = await startTestDemoCrm({
      token: TOKEN,
      size: oauthBook,
      seed: 2,
      now: advancingClock(FIXED_NOW),
      timeZone: TIME_ZONE,
      accessTokenTtlS: ACCESS_TOKEN_TTL_S,
      // Without the heavy accounts and the full property catalogue, nor search lag: the first sync is what these tests wait for.
      leanDataset: true,
      searchLag: false,
    });
    await use(crm);
    await crm.stop();
  },
  workspaceOptions: async ({ hubspot, oauthBook }, use) => {
    const paced = oauthBook === 'small' ? { rateLimits: true } : {};
    await use({ startConnected: false, hubspotBaseUrl: hubspot.url, oauth: { clientId: 'cs-workspace-demo' }, size: oauthBook, ...paced });
  },
});

/** What the demo CRM saw of OAuth: each token endpoint call, and every code and token it issued. */
export async function oauthSeen(hubspot: TestDemoCrm): Promise<{ tokenCalls: { grantType: string; ok: boolean }[]; issued: string[] }> {
  const res = await hubspot.api('/__demo/oauth');
  expect(res.status).toBe(200);
  return (await res.json()) as { tokenCalls: { grantType: string; ok: boolean }[]; issued: string[] };
}

export const refreshes = async (hubspot: TestDemoCrm): Promise<number> =>
  (await oauthSeen(hubspot)).tokenCalls.filter((c) => c.grantType === 'refresh_token' && c.ok).length;

/**
 * Signs in as a demo user once the page has asked for it (`click`): the host hands the
 * authorize page to the "system browser", which the test plays over HTTP (not in the app's
 * browser profile, as a real system browser is another program).
 */
export async function signInAs(workspace: Workspace, userId: string, click: () => Promise<void>): Promise<void> {
  const before = workspace.openedLinks.length;
  await click();
  await expect.poll(() => workspace.openedLinks.length).toBe(before + 1);
  expect(await demoBrowser(workspace.openedLinks[before] ?? '', userId)).toBe(200);
}

/** First run: "Sign in with HubSpot" on the Connect screen. */
/** The first sync of the lean small dataset, with room for a loaded 2-core machine. */
export async function firstSynced(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 200_000 });
}

export const signInFirst = (page: Page, workspace: Workspace, userId: string) =>
  signInAs(workspace, userId, () => connectScreen(page).getByRole('button', { name: 'Sign in with HubSpot' }).click());
