import { electronBinary, expect, launch, SKIP_REASON, test, windowVisible, secondLaunch } from './electron-app';

test.skip(electronBinary() === null, SKIP_REASON);

test('starts, and the first run connects the built-in demo CRM; a restart opens the workspace', async ({ dataDir }) => {
  const first = await launch(dataDir);
  await expect(first.page.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  await first.page.getByRole('button', { name: 'Use the demo CRM' }).click();
  const who = first.page.getByRole('main', { name: 'Who are you?' });
  await expect(who.getByRole('radio', { name: /^Alex Morgan/ })).toBeChecked();
  await who.getByRole('button', { name: 'Continue' }).click();
  await expect(first.page.getByRole('region', { name: 'Workspace setup' })).toBeVisible();
  await expect(first.page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
  await first.app.evaluate(({ app }) => app.exit(0));

  const again = await launch(dataDir);
  await expect(again.page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(again.page.getByRole('main', { name: 'Connect your CRM' })).toHaveCount(0);
  await again.app.evaluate(({ app }) => app.exit(0));
});

test('closing the window hides it to the tray; the app keeps running and comes back', async ({ dataDir }) => {
  const { app, page } = await launch(dataDir);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect.poll(() => windowVisible(app)).toBe(false);
  // Still running: main answers, and the page is still there behind the hidden window.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // What the tray's "Open CS Workspace" and a second launch both do.
  await secondLaunch(app, []);
  await expect.poll(() => windowVisible(app)).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect your CRM' })).toBeVisible();
  await app.evaluate(({ app: electronApp }) => electronApp.exit(0));
});
