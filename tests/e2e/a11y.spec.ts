import type { Page } from '@playwright/test';
import { COLOUR_RULES, expectNoSeriousA11yViolations as expectAccessible } from './a11y-support';
import { expect, test } from './fixtures';
import { openPortfolio } from './portfolio-support';

/** axe-core on every tab, the board, the record preview, Settings, the dialogs and the palette (their colours in dark too): no serious or critical violation. */

const TABS = ['Summary', 'Portfolio', 'Pipelines', 'Schedule', 'Tasks', 'Feed'];

// Up to nine axe runs a test, Pipelines' board the longest: seconds each, many more on a busy machine.
test.describe.configure({ timeout: 120_000 });

/**
 * Visits every tab, opens a record's preview, the board (unless `board` is false) and Settings,
 * running axe on each (only `rules`, when given).
 */
async function walk(page: Page, theme: string, board = true, rules?: string[]) {
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  for (const tab of TABS) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `the ${tab} tab (${theme})`, rules);
  }

  await nav.getByRole('link', { name: 'Portfolio', exact: true }).click();
  const first = page.getByRole('table', { name: 'Accounts' }).getByRole('row').nth(1).getByRole('button').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('complementary', { name }).getByRole('heading', { name })).toBeVisible();
  await expectAccessible(page, `the record preview (${theme})`, rules);
  await page.keyboard.press('Escape');

  if (board) {
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await expect(page.getByRole('group', { name: /^Accounts board grouped by/ })).toBeVisible();
    await expectAccessible(page, `the Portfolio board (${theme})`, rules);
  }

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, `the Settings dialog (${theme})`, rules);
}

test('every tab, the board, the record preview and Settings pass axe-core (WCAG 2.1 AA)', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openPortfolio(page, workspace);
  await walk(page, 'light');
});

test('in dark mode (from the OS) their colours pass axe-core too', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPortfolio(page, workspace);
  // The dark tokens apply: without them this would check the light theme again.
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(15, 20, 26)');
  // The same markup in other tokens: only the colour rules can judge it differently. The board's
  // cards are the table's rows in the same tokens: left out to keep the spec short.
  await walk(page, 'dark', false, COLOUR_RULES);
});

test('the dialogs, the command palette and the shortcuts sheet pass axe-core too', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openPortfolio(page, workspace);
  const dialogs: Array<[button: string, dialog: string]> = [
    ['+ Create view', 'Create view'],
    ['Edit columns', 'Edit columns'],
  ];
  for (const [button, name] of dialogs) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await expectAccessible(page, `the ${name} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name })).toHaveCount(0);
  }

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Summary', exact: true }).click();
  await page.getByRole('region', { name: 'Reporting' }).getByRole('button', { name: '+ Add report' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a report' })).toBeVisible();
  await expectAccessible(page, 'the Add a report dialog');
  await page.keyboard.press('Escape');

  // The palette listing commands with their keys, then the shortcuts sheet.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('>');
  await expect(page.getByRole('dialog', { name: 'Search and commands' }).getByRole('group', { name: 'Commands' })).toBeVisible();
  await expectAccessible(page, 'the command palette');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, 'the shortcuts sheet');
});
