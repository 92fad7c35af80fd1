import { expect, openWorkspace, test } from './fixtures';

const TABS = ['Summary', 'Portfolio', 'Pipelines', 'Schedule', 'Tasks', 'Feed'];
const TABS_PL = ['Podsumowanie', 'Portfel', 'Lejki', 'Harmonogram', 'Zadania', 'Aktywność'];

test('every tab is reachable by its name and shows an honest empty state', async ({ page, workspace }) => {
  await openWorkspace(page, workspace);
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  for (const tab of TABS) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${tab.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
    await expect(nav.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  await expect(page.getByRole('status', { name: 'Sync status' })).toBeVisible();
});

test('the language switches to Polish and back, and the choice survives a reload', async ({ page, workspace }) => {
  await openWorkspace(page, workspace);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('pl');
  // Settings is a modal dialog: the page behind it is aria-hidden until it closes, hence includeHidden.
  const nav = page.getByRole('navigation', { name: 'Obszar roboczy', includeHidden: true });
  for (const tab of TABS_PL) await expect(nav.getByRole('link', { name: tab, exact: true, includeHidden: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.getByRole('button', { name: 'Zamknij' }).click();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Podsumowanie' })).toBeVisible();

  await page.getByRole('button', { name: 'Ustawienia' }).click();
  await page.getByRole('dialog', { name: 'Ustawienia' }).getByLabel('Język').selectOption('en');
  await expect(
    page.getByRole('navigation', { name: 'Workspace', includeHidden: true }).getByRole('link', { name: 'Summary', exact: true, includeHidden: true }),
  ).toBeVisible();
});

test.describe('with a Polish operating system', () => {
  test.use({ locale: 'pl-PL' });
  test('the workspace starts in Polish', async ({ page, workspace }) => {
    await openWorkspace(page, workspace);
    await expect(page.getByRole('heading', { level: 1, name: 'Podsumowanie' })).toBeVisible();
  });
});

test('the offline banner appears when the browser goes offline and goes when it is back', async ({ page, context, workspace }) => {
  await openWorkspace(page, workspace);
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Online');
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  await context.setOffline(true);
  await expect(page.getByRole('alert')).toContainText('You are offline');
  await expect(status).toContainText('Offline');

  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect(status).toContainText('Online');
});
