import { crmApi, expect, openWorkspace, test } from './fixtures';
import { count, openPortfolio } from './portfolio-support';

/**
 * States (issue 22 item 5, docs/design.md "States"): a skeleton while a value is not there yet,
 * then the value; an empty state that says what to do; a long value cut with its whole text in
 * the title and the accessible name.
 */

test.describe('during the first sync', () => {
  test.use({ workspaceOptions: { prepared: false } });

  test('Portfolio shows a still skeleton until the accounts and their scores are in, then the table', async ({ page, context, workspace }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The CRM's answers are held until the skeleton was seen: the small book's first sync, with
    // no rate limits, can bring the accounts in before a first look finds the skeleton.
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await context.route('**/__host/call/crm:request', async (route) => {
      await held;
      await route.continue();
    });
    await openWorkspace(page, workspace, '/portfolio');
    const skeleton = page.getByRole('main').getByTestId('skeleton').first();
    await expect(skeleton).toBeVisible();
    // Named for screen readers, and not moving under reduced motion.
    await expect(skeleton).toContainText('Waiting for the first sync…');
    expect(
      await skeleton
        .locator('.skeleton')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('none');
    answer();

    // Replaced by the table once synced; each health cell turns from a skeleton into a badge
    // ("No score": this portal has no health score yet), never a bare dash before it is computed.
    const table = page.getByRole('table', { name: 'Accounts' });
    await expect(table).toBeVisible({ timeout: 120_000 });
    await expect(table.getByTestId('health-badge').first()).toHaveAttribute('aria-label', 'No score', { timeout: 30_000 });
    await expect(table.getByTestId('health-badge').first()).toHaveAttribute('title', /no health score in Settings covers this account/);
    await expect(page.getByRole('main').getByTestId('skeleton')).toHaveCount(0);
  });
});

test('a filter that matches nothing says so and offers to clear it', async ({ page, workspace }) => {
  await openPortfolio(page, workspace);
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  const before = await count(page).textContent();

  const created = page.getByRole('group', { name: 'Create date' });
  await created.getByRole('combobox').selectOption({ label: 'Custom range' });
  await created.getByLabel('From', { exact: true }).fill('2000-01-01');
  await created.getByLabel('To', { exact: true }).fill('2000-01-31');
  const empty = page.locator('.empty-state');
  await expect(empty.getByRole('heading', { name: 'No accounts match this view' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Accounts' })).toHaveCount(0);

  await empty.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  await expect(count(page)).toHaveText(before!);
  await expect(created.getByRole('combobox')).toHaveValue('');
});

test('a long account name is cut to one line; its whole text is the title, the accessible name, and shown on keyboard focus', async ({ page, workspace }) => {
  await openPortfolio(page, workspace);
  const table = page.getByRole('table', { name: 'Accounts' });
  const first = table.getByRole('row').nth(1).getByRole('button').first();
  const name = (await first.textContent())!.trim();
  const found = await crmApi(workspace, '/crm/v3/objects/companies/search', {
    body: { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ', value: name }] }], limit: 1 },
  });
  const id = ((await found.json()) as { results: Array<{ id: string }> }).results[0]!.id;
  const long = `${name} — International Holdings for Enterprise Customer Success and Renewals, Central and Eastern Europe`;
  const patched = await crmApi(workspace, `/crm/v3/objects/companies/${id}`, { method: 'PATCH', body: { properties: { name: long } } });
  expect(patched.ok).toBe(true);

  await page.getByRole('button', { name: 'Sync now' }).click();
  const cell = table.getByRole('button', { name: long, exact: true });
  await expect(cell).toBeVisible({ timeout: 30_000 });
  await expect(cell).toHaveAttribute('title', long);
  await expect(cell).toHaveClass(/\btruncate\b/);
  // Cut on screen: its text is wider than its box, which ends in an ellipsis.
  const cut = await cell.evaluate((el) => ({ over: el.scrollWidth > el.clientWidth, ellipsis: getComputedStyle(el).textOverflow }));
  expect(cut).toEqual({ over: true, ellipsis: 'ellipsis' });
  // Keyboard focus shows the whole value, wrapped (hover has the title).
  await cell.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(cell).toBeFocused();
  expect(await cell.evaluate((el) => ({ over: el.scrollWidth > el.clientWidth, wrap: getComputedStyle(el).whiteSpace }))).toEqual({
    over: false,
    wrap: 'normal',
  });
});
