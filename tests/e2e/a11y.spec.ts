import { expectNoSeriousA11yViolations as expectAccessible } from './a11y-support';
import { expect, test } from './fixtures';
import { openPortfolio } from './portfolio-support';

/** axe-core on every tab, the Settings dialog and the record preview: no serious or critical violation. */

const TABS = ['Summary', 'Portfolio', 'Pipelines', 'Schedule', 'Tasks', 'Feed'];

test('every tab, the board, Settings and the record preview pass axe-core (WCAG 2.1 AA)', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  await openPortfolio(page, workspace);
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  for (const tab of TABS) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `the ${tab} tab`);
  }

  await nav.getByRole('link', { name: 'Portfolio', exact: true }).click();
  const table = page.getByRole('table', { name: 'Accounts' });
  const first = table.getByRole('row').nth(1).getByRole('button').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('complementary', { name }).getByRole('heading', { name })).toBeVisible();
  await expectAccessible(page, 'the record preview');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(page.getByRole('group', { name: /^Accounts board grouped by/ })).toBeVisible();
  await expectAccessible(page, 'the Portfolio board');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'the Settings dialog');
});

test('in dark mode (from the OS), Summary, Portfolio, Schedule and Settings pass axe-core too', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPortfolio(page, workspace);
  // The dark tokens apply: the page is dark, not the light theme with a dark media query ignored.
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(15, 20, 26)');
  await expectAccessible(page, 'Portfolio (dark)');
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  for (const tab of ['Summary', 'Schedule']) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `the ${tab} tab (dark)`);
  }
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'the Settings dialog (dark)');
});
