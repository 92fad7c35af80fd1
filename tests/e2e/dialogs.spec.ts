import { expect, openWorkspace, test } from './fixtures';

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
