import type { BrowserContext, Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, openWorkspace, TIME_ZONE } from './fixtures';
import { connectScreen, dumpStorage } from './connect-support';
import { firstSynced, JORDAN, oauthSeen, refreshes, signInFirst, test } from './oauth-support';

// Signing in, a first sync of the tiny book, a token refresh and signing out, with room for a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Which of `needles` occur in which files under `dir`, as bytes: Latin-1/UTF-8 (logs, JSON,
 * IndexedDB's serialized one-byte strings) and UTF-16LE (localStorage, two-byte strings).
 */
async function grep(dir: string, needles: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    for (const n of needles) {
      if (bytes.includes(Buffer.from(n, 'latin1')) || bytes.includes(Buffer.from(n, 'utf16le'))) {
        found.set(n, [...(found.get(n) ?? []), relative(dir, file)]);
      }
    }
  }
  return found;
}

test('after signing in, refreshing and signing out, no access token, refresh token or code is in the data folder, the browser profile or the logs', async ({
  workspace,
  hubspot,
  playwright,
  launchOptions,
}) => {
  // The app's browser keeps its profile in the data folder, so one grep covers the host's
  // files, its logs and the page's IndexedDB and localStorage on disk.
  const profile = join(workspace.dataDir, 'chromium-profile');
  const errors: string[] = [];
  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, timezoneId: TIME_ZONE, locale: 'en-US' });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
    await openWorkspace(page, workspace, '/summary');
    return { context, page };
  };

  let { context, page } = await open();
  await signInFirst(page, workspace, JORDAN.userId);
  await firstSynced(page);
  await expect.poll(() => refreshes(hubspot)).toBeGreaterThanOrEqual(1);
  const stored = await dumpStorage(page);
  // A control: the longest company name on this computer must be found by the same grep.
  const names = ((stored.databases['cs-workspace-hubspot-9000001']?.companies ?? []) as Array<{ properties: { name?: string } }>).map(
    (c) => c.properties.name ?? '',
  );
  const control = names.reduce((a, b) => (b.length > a.length ? b : a), '');
  expect(control.length).toBeGreaterThan(8);
  await context.close();

  const signedIn = (await oauthSeen(hubspot)).issued;
  // One code, and more than one access token: the cycle included a refresh.
  expect(signedIn.filter((s) => s.startsWith('demo-code-'))).toHaveLength(1);
  expect(signedIn.filter((s) => s.startsWith('demo-at-')).length).toBeGreaterThan(1);
  expect(JSON.stringify(stored)).not.toMatch(/demo-(at|rt|code)-/);
  const whileSignedIn = await grep(workspace.dataDir, [...signedIn, control]);
  expect(whileSignedIn.get(control)?.some((f) => f.startsWith('chromium-profile'))).toBe(true);
  whileSignedIn.delete(control);
  expect([...whileSignedIn]).toEqual([]);

  // Sign out: Settings → Disconnect (revokes the grant at HubSpot, clears this computer).
  ({ context, page } = await open());
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'CRM connection' }).getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect from the CRM?' });
  await Promise.all([page.waitForEvent('load'), confirm.getByRole('button', { name: 'Disconnect and delete local data' }).click()]);
  await expect(connectScreen(page)).toBeVisible();
  await context.close();
  expect(workspace.app.connections.current()).toBeNull();

  const all = (await oauthSeen(hubspot)).issued;
  const log = await readFile(join(workspace.dataDir, 'logs', 'web-host.log'), 'utf8');
  // The log covers the whole cycle (so grepping it means something).
  expect(log).toContain('(signed in)');
  expect(log).toContain('refreshed the HubSpot sign-in');
  expect(log).toContain('disconnected from the CRM');
  expect([...(await grep(workspace.dataDir, all))]).toEqual([]);
  expect(errors).toEqual([]);
});
