import type { Page } from '@playwright/test';
import { crmApi, expect, openWorkspace, test, waitForOfflineReady } from './fixtures';
import type { CrmRecord } from './portfolio-support';
import { row } from './tasks-support';

/**
 * Search everything offline and the command palette (issue 21 items 3 and 4), from the
 * prepared, synced state with the browser offline: Ctrl+K finds an account by name and opens
 * its preview with the keyboard, a task renamed offline is found under its new name, `>`
 * lists commands and one runs, and `?` opens the shortcuts sheet.
 */
const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });
const box = (page: Page) => palette(page).getByRole('combobox', { name: /Search records/ });

/** Arrow down through the options until the active one has `text`, then Enter. */
async function openWithKeyboard(page: Page, group: string, text: string) {
  const option = palette(page).getByRole('group', { name: group }).getByRole('option', { name: text });
  await expect(option).toBeVisible({ timeout: 20_000 });
  for (let i = 0; i < 40 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await box(page).press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) as string);
  await box(page).press('Enter');
  await expect(palette(page)).toHaveCount(0);
}

test('Ctrl+K searches offline, opens records with the keyboard, finds local edits; > runs commands; ? lists shortcuts', async ({
  page,
  context,
  workspace,
}) => {
  const listed = (await (await crmApi(workspace, '/crm/v3/objects/companies?limit=20&properties=name')).json()) as { results: CrmRecord[] };
  const company = listed.results.find((c) => (c.properties.name ?? '').length > 4)!;
  const name = company.properties.name!;

  await openWorkspace(page, workspace, '/summary');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 60_000 });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');

  // Ctrl+K from anywhere; the account by (most of) its name, opened with arrows and Enter.
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  // The word being typed matches by its start (from three letters).
  await box(page).fill((name.split(' ').pop() ?? '').length >= 4 ? name.slice(0, -1) : name);
  await openWithKeyboard(page, 'Accounts', name);
  await expect(page).toHaveURL(new RegExp(`#/portfolio\\?record=companies/${company.id}$`));
  await expect(page.getByRole('complementary', { name }).getByRole('heading', { name })).toBeVisible();

  // `>` lists commands with their keys; "Go to Tasks" runs.
  await page.keyboard.press('Control+k');
  await box(page).fill('>');
  const commands = palette(page).getByRole('group', { name: 'Commands' });
  await expect(commands.getByRole('option')).toHaveText([
    /Go to Summary/,
    /Go to Portfolio/,
    /Go to Pipelines/,
    /Go to Schedule/,
    /Go to Tasks/,
    /Go to Feed/,
    /Create a task/,
    /Sync now/,
    /Open settings/,
    /Keyboard shortcuts/,
  ]);
  await expect(commands.getByRole('option', { name: /Go to Tasks/ })).toContainText('GT');
  await box(page).fill('> go ta');
  await expect(palette(page).getByRole('option')).toHaveCount(1);
  await box(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();

  // A task renamed offline is found under its new name, and not under the old one.
  const first = page.locator('tbody tr[data-task-id]').first();
  const taskId = (await first.getAttribute('data-task-id')) as string;
  await first.getByRole('button', { name: /^Edit / }).click();
  const editor = page.getByRole('dialog', { name: 'Edit task' });
  const oldSubject = await editor.getByLabel('Subject').inputValue();
  await editor.getByLabel('Subject').fill('Zanzibar onboarding checklist');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, taskId)).toContainText('Zanzibar onboarding checklist');
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).click();

  await page.keyboard.press('Control+k');
  await box(page).fill('zanzibar onboa');
  await expect(palette(page).locator(`[data-record="tasks/${taskId}"]`)).toBeVisible();
  await openWithKeyboard(page, 'Tasks', 'Zanzibar onboarding checklist');
  await expect(page).toHaveURL(new RegExp(`task=${taskId}`));
  await expect(page.getByRole('dialog', { name: 'Edit task' }).getByLabel('Subject')).toHaveValue('Zanzibar onboarding checklist');
  await page.getByRole('dialog', { name: 'Edit task' }).press('Escape');
  // Closed before the next shortcut, as a user sees it go: a key pressed into the closing
  // dialog is its own, not the page's.
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toHaveCount(0);
  if (oldSubject.trim().length >= 3) {
    // Once in a loaded CI run (2026-12-07), a Ctrl+K pressed a millisecond after this dialog
    // left opened no palette, and the test waited out its minute; not reproduced alone (the
    // same press right after Escape, with and without waiting, opened it every time). A user
    // who sees no palette presses again: so does the test, within a few seconds.
    await expect(async () => {
      await page.keyboard.press('Control+k');
      await expect(box(page)).toBeFocused({ timeout: 2_000 });
    }).toPass({ timeout: 10_000 });
    await box(page).fill(oldSubject);
    await expect(palette(page).getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
    await expect(palette(page).locator(`[data-record="tasks/${taskId}"]`)).toHaveCount(0);
    await box(page).press('Escape');
    await expect(palette(page)).toHaveCount(0);
  }

  // `?` opens the shortcuts sheet, but not while typing in a field; G then F goes to the Feed.
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Search and commands/ })).toContainText('Ctrl + K');
  await expect(sheet.getByRole('row', { name: /Go to Tasks/ })).toContainText('G then T');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);
  await page.getByRole('button', { name: 'Search and commands' }).click();
  await box(page).press('?');
  await expect(sheet).toHaveCount(0);
  await expect(box(page)).toHaveValue('?');
  await box(page).press('Escape');
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('f');
  await expect(page.getByRole('heading', { level: 1, name: 'Feed' })).toBeVisible();
  // N: the Tasks tab's create form, once (the query that asked for it is dropped).
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Create task' })).toBeVisible();
  await expect(page).toHaveURL(/#\/tasks$/);
});
