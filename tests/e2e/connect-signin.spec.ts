import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from './fixtures';
import { SCOPES_WITHOUT_EMAILS } from '../support/oauth-browser';
import { dumpStorage, openConnectScreen, test as base, whoScreen } from './connect-support';

/** The web host with "Sign in with HubSpot" set up for the demo CRM playing HubSpot. */
const test = base.extend({
  workspaceOptions: async ({ hubspot }, use) => {
    await use({ startConnected: false, hubspotBaseUrl: hubspot.url, oauth: { clientId: 'cs-workspace-demo' } });
  },
});

// A first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

test('Sign in with HubSpot as a demo user: the workspace opens as that user, with no “Who are you?”, and no token reaches the page', async ({
  page,
  context,
  workspace,
}) => {
  const screen = await openConnectScreen(page, workspace);
  await screen.getByRole('button', { name: 'Sign in with HubSpot' }).click();
  await expect(screen.getByRole('status')).toContainText('Waiting for you to sign in in the browser');
  // The host handed the authorize page to the system browser; the test plays that browser.
  await expect.poll(() => workspace.openedLinks.length).toBe(1);
  const authorize = new URL(workspace.openedLinks[0] ?? '');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  const browser = await context.newPage();
  await browser.goto(authorize.href);
  await browser.getByRole('link', { name: 'Jordan Lee' }).click();
  await expect(browser.getByText('You are signed in')).toBeVisible();
  await browser.close();

  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible({ timeout: 60_000 });
  await expect(whoScreen(page)).toHaveCount(0);
  expect(workspace.app.connections.identity()).toEqual({ userId: '1000003', ownerId: '60000003', email: 'jordan.lee@demo-crm.test' });
  expect(workspace.app.connections.status()).toMatchObject({ auth: 'oauth', portalId: 9000001 });

  const token = workspace.app.connections.current()?.token ?? '';
  expect(token.length).toBeGreaterThan(20);
  expect(JSON.stringify(await dumpStorage(page))).not.toContain(token);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(token);
  expect(await readFile(join(workspace.dataDir, 'logs', 'web-host.log'), 'utf8')).not.toContain(token);
});

test('a service key without the emails read scope is refused, naming the scope in plain words; nothing changes', async ({ page, workspace, hubspot }) => {
  const made = await hubspot.api('/__demo/service-keys', {
    body: { scopes: SCOPES_WITHOUT_EMAILS },
  });
  const { key } = (await made.json()) as { key: string };
  const screen = await openConnectScreen(page, workspace);
  await screen.getByLabel('Service key or private-app token').fill(key);
  await screen.getByRole('button', { name: 'Connect HubSpot' }).click();
  await expect(screen.getByRole('alert')).toHaveText(
    'Not connected: this key lacks read logged emails (sales-email-read). Add these scopes in HubSpot and try again.',
  );
  expect(workspace.app.connections.current()).toBeNull();
});
