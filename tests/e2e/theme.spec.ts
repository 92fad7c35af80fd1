import { expect, openWorkspace, test } from './fixtures';

const LIGHT_BG = 'rgb(245, 247, 250)';
const DARK_BG = 'rgb(15, 20, 26)';

test('the Theme choice in Settings overrides the OS, sets color-scheme and survives a reload', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openWorkspace(page, workspace);
  const html = page.locator('html');
  await expect(html).toHaveCSS('background-color', LIGHT_BG);
  await expect(html).not.toHaveAttribute('data-theme');

  await page.getByRole('button', { name: 'Settings' }).click();
  const theme = page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  await theme.selectOption({ label: 'Dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('background-color', DARK_BG);
  await expect(html).toHaveCSS('color-scheme', 'dark');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('background-color', DARK_BG);

  // Light wins over a dark OS; System follows it again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await theme.selectOption({ label: 'Light' });
  await expect(html).toHaveCSS('background-color', LIGHT_BG);
  await expect(html).toHaveCSS('color-scheme', 'light');
  await theme.selectOption({ label: 'System' });
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(html).toHaveCSS('background-color', DARK_BG);
});

test('with reduced motion asked for, nothing moves: transitions are cut to nothing', async ({ page, workspace }) => {
  // The suite runs as a user who asked for less motion (playwright.config.ts); this one starts as one who did not.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openWorkspace(page, workspace);
  const duration = () =>
    page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.transition = 'opacity 1s';
      const value = getComputedStyle(probe).transitionDuration;
      probe.remove();
      return parseFloat(value);
    });
  expect(await duration()).toBe(1);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBeLessThan(0.001);
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });
  test('the Theme choice is named in Polish', async ({ page, workspace }) => {
    await openWorkspace(page, workspace);
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    const theme = page.getByRole('dialog', { name: 'Ustawienia' }).getByLabel('Motyw');
    await expect(theme.getByRole('option')).toHaveText(['Systemowy', 'Jasny', 'Ciemny']);
  });
});
