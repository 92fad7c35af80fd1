import { expect, openWorkspace, test } from './fixtures';
import { openTasks } from './tasks-support';

/**
 * AppDialog (Reka UI): focus moves into the dialog and stays there, Escape closes it, and focus
 * goes back to the control that opened it, whether it was closed by Escape or by a button.
 */
test('a dialog traps focus, closes on Escape and gives focus back to its opener', async ({ page, workspace }) => {
  await openWorkspace(page, workspace);
  const opener = page.getByRole('button', { name: 'Settings' });
  const dialog = page.getByRole('dialog', { name: 'Settings' });

  await opener.click();
  await expect(dialog).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  // Shift+Tab from the first control wraps inside the dialog instead of leaving it.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('a menu works from the keyboard, and the dialog it opens gives focus back to its button', async ({ page, workspace }) => {
  await openTasks(page, workspace, '/tasks?view=all-open');
  const menuButton = page
    .locator('tbody tr[data-task-id]')
    .first()
    .getByRole('button', { name: /^Reschedule / });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Custom date/time…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const custom = page.getByRole('dialog', { name: /^Reschedule / });
  await expect(custom).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(custom).toBeHidden();
  await expect(menuButton).toBeFocused();
});
