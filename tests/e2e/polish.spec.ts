import type { Page } from '@playwright/test';
import { WORKSPACE_TABS } from '../../shared/domain/permissions';
import { expect, openWorkspace, test } from './fixtures';
import { englishOnlyPhrases } from './i18n-support';

/**
 * The workspace complete in Polish: with the system in Polish, every tab, the Portfolio board,
 * Settings and the record preview show none of the phrases only the English messages have.
 */
test.use({ locale: 'pl-PL' });

let phrases: string[] = [];
test.beforeAll(async () => {
  phrases = await englishOnlyPhrases();
  // The check is only as good as its list: the app has hundreds of English-only phrases.
  expect(phrases.length).toBeGreaterThan(300);
});

/** The English-only phrases the page shows now, visible text and accessible names alike. */
async function englishOn(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, ...names].join('\n');
  });
  return phrases.filter((p) => shown.includes(p));
}

test('every screen speaks Polish: no English-only phrase on any tab, the board, Settings or the record preview', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  await openWorkspace(page, workspace);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  for (const tab of WORKSPACE_TABS) {
    await page.goto(`${workspace.url}#/${tab}`);
    await expect(page.locator('main h1, main h2').first()).toBeVisible();
    // Let the tab's data arrive: its loading texts are Polish too, but its rows bring more text.
    await page.waitForLoadState('networkidle');
    expect(await englishOn(page), `#/${tab}`).toEqual([]);
  }

  await page.goto(`${workspace.url}#/portfolio`);
  const table = page.getByRole('table').first();
  await table.getByRole('row').nth(1).getByRole('button').first().click();
  await expect(page.getByRole('complementary').first()).toBeVisible();
  expect(await englishOn(page), 'record preview').toEqual([]);

  await page.getByRole('button', { name: 'Ustawienia' }).click();
  const settings = page.getByRole('dialog');
  await expect(settings).toBeVisible();
  expect(await englishOn(page), 'Settings').toEqual([]);
});
