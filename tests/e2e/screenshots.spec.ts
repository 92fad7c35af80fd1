import type { Locator, Page } from '@playwright/test';
import { WORKSPACE_TABS } from '../../shared/domain/permissions';
import { expect, FIXED_NOW, test, type Workspace } from './fixtures';

/**
 * Screenshots of every tab in light and dark, English and Polish, plus the record preview and
 * Settings (issue 22, "Done when"; docs/design.md). They catch what the other specs cannot name:
 * an unstyled control, text unreadable in dark, a layout that broke. Update them after a
 * deliberate change with `npx playwright test tests/e2e/screenshots.spec.ts --update-snapshots`
 * and look at each new image before committing it.
 *
 * Deterministic: the page's clock stands still at FIXED_NOW (timers still run), the window is
 * 1280×800, animations and the caret are off, the prepared synced state is the data, and what
 * depends on the machine or the wall clock (what the sync did last and when, the demo CRM's
 * port) is masked in grey.
 */

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 120_000 });

/** A grey mask, so that a masked box reads as "left out" and not as a broken colour. */
const SHOT = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01, maskColor: '#9aa5b1' } as const;

/** What changes from run to run whatever the code: what the sync did last (its time), masked in every shot. */
function volatile(page: Page): Locator[] {
  return [page.locator('.sync-status .sync-activity')];
}

async function open(page: Page, workspace: Workspace, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(`${workspace.url}#/summary`);
  await expect(page.locator('main h1').first()).toBeVisible();
}

/** A tab once its data is in: no skeleton left, the sync idle with nothing to send, the network quiet. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // The session's first pass has finished (its line says when), so nothing is "First sync…".
  await expect(page.locator('.sync-status .sync-activity')).toHaveText(/^(Last synced|Ostatnia synchronizacja) /, { timeout: 60_000 });
  await expect(page.getByTestId('skeleton')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // "Sync now" is enabled again once a pass is over (its line then says when it last synced).
  await expect(page.locator('.sync-status button').last()).toBeEnabled({ timeout: 30_000 });
}

async function shootTabs(page: Page, workspace: Workspace, name: string) {
  for (const tab of WORKSPACE_TABS) {
    await page.goto(`${workspace.url}#/${tab}`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await settle(page);
    await expect(page, `#/${tab} ${name}`).toHaveScreenshot(`${tab}-${name}.png`, { ...SHOT, mask: volatile(page) });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every tab in English, ${scheme}`, async ({ page, workspace }) => {
    await open(page, workspace, scheme);
    await shootTabs(page, workspace, `en-${scheme}`);
  });
}

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });
  for (const scheme of ['light', 'dark'] as const) {
    test(`every tab in Polish, ${scheme}`, async ({ page, workspace }) => {
      await open(page, workspace, scheme);
      await shootTabs(page, workspace, `pl-${scheme}`);
    });
  }
});

test('the record preview and Settings, light', async ({ page, workspace }) => {
  await open(page, workspace, 'light');
  await page.goto(`${workspace.url}#/portfolio`);
  await settle(page);
  const first = page.getByRole('table', { name: 'Accounts' }).getByRole('row').nth(1).getByRole('button').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  const preview = page.getByRole('complementary', { name });
  await expect(preview.getByRole('heading', { name })).toBeVisible();
  await expect(preview.getByTestId('skeleton')).toHaveCount(0);
  await expect(preview).not.toHaveAttribute('aria-busy', 'true');
  await expect(page).toHaveScreenshot('record-preview-en-light.png', { ...SHOT, mask: volatile(page) });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The dialog covers the sync status; the demo CRM's address has this run's port.
  const crmAddress = settings.getByRole('region', { name: 'CRM connection' }).locator('p').first().locator('.muted');
  await expect(crmAddress).toContainText('http://127.0.0.1:');
  await expect(page).toHaveScreenshot('settings-en-light.png', { ...SHOT, mask: [crmAddress] });
});
