import type { Page } from '@playwright/test';
import { colleagueEdits, crmApi, DRAIN_TIMEOUT_MS, expect, openWorkspace, reconnectAndDrain, test, waitForOfflineReady, type Workspace } from './fixtures';
import { DAY, ME, crmCount, openPortfolio, type CrmRecord } from './portfolio-support';

/** Portfolio as a board: grouped by an enumeration property (drag = edit), by renewal window, in Polish. */

const board = (page: Page) => page.getByRole('group', { name: /^Accounts board grouped by/ });
const column = (page: Page, name: string) => page.getByRole('list', { name, exact: true });
const heading = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const card = (page: Page, id: string) => page.locator(`li[data-id="${id}"]`);
const mine = { propertyName: 'csm_owner', operator: 'EQ', value: ME };

async function openBoard(page: Page, workspace: Workspace, groupBy: string) {
  await openPortfolio(page, workspace);
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByLabel('Group by').selectOption({ label: groupBy });
  await expect(board(page)).toBeVisible();
}

/** Renders every card of every column (columns render 50 at a time). */
async function showAll(page: Page) {
  const more = board(page).getByRole('button', { name: /^Show more/ });
  while ((await more.count()) > 0) await more.first().click();
}

/** Every account of mine in the demo CRM, with the given properties (paged search). */
async function myAccounts(workspace: Workspace, properties: string[]): Promise<CrmRecord[]> {
  const out: CrmRecord[] = [];
  let after: string | undefined;
  do {
    const res = await crmApi(workspace, '/crm/v3/objects/companies/search', {
      body: { filterGroups: [{ filters: [mine] }], properties, limit: 200, ...(after ? { after } : {}) },
    });
    const body = (await res.json()) as { results: CrmRecord[]; paging?: { next?: { after: string } } };
    out.push(...body.results);
    after = body.paging?.next?.after;
  } while (after);
  return out;
}

async function crmProperty(workspace: Workspace, id: string, property: string) {
  const res = await crmApi(workspace, `/crm/v3/objects/companies/${id}?properties=${property}`);
  return ((await res.json()) as { properties: Record<string, string | null> }).properties[property];
}

test('grouped by Plan: one column per option plus No value, counted as the CRM counts them', async ({ page, workspace }) => {
  const expected: Record<string, number> = {};
  for (const plan of ['Starter', 'Professional', 'Enterprise'])
    expected[plan] = await crmCount(workspace, [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: plan }] }]);
  expected['No value'] = await crmCount(workspace, [{ filters: [mine, { propertyName: 'plan', operator: 'NOT_HAS_PROPERTY' }] }]);
  expect(expected.Enterprise).toBeGreaterThan(0);

  await openBoard(page, workspace, 'Plan');
  await expect(page.getByRole('button', { name: 'Board', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const titles = board(page).getByRole('heading', { level: 2 });
  await expect(titles).toHaveText(['Starter', 'Professional', 'Enterprise', 'No value']);
  for (const [name, n] of Object.entries(expected)) await expect(heading(page, name).getByTestId('stage-count')).toHaveText(String(n));
  await expect(page.getByText('Drag a card to another column')).toBeVisible();

  // A card opens the record preview, as a row of the table does.
  const first = column(page, 'Enterprise').getByRole('listitem').first();
  const name = (await first.getAttribute('aria-label')) ?? '';
  await first.click({ position: { x: 12, y: 8 } });
  await expect(page.getByRole('complementary', { name }).getByRole('heading', { name })).toBeVisible();
});

test('offline: a card dragged to another plan stays after a reload and reaches the CRM once online', async ({ page, context, workspace }) => {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', {
    body: { filterGroups: [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: 'Starter' }] }], properties: ['name'], limit: 1 },
  });
  const account = ((await res.json()) as { results: CrmRecord[] }).results[0];
  if (!account) throw new Error('no Starter account of mine');
  const starter = await crmCount(workspace, [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: 'Starter' }] }]);
  const enterprise = await crmCount(workspace, [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: 'Enterprise' }] }]);

  await openBoard(page, workspace, 'Plan');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');
  await column(page, 'Starter').scrollIntoViewIfNeeded();
  // Show every Starter card, so the one we drag is rendered whatever its place.
  const more = heading(page, 'Starter').getByRole('button', { name: /^Show more/ });
  while (await more.isVisible()) await more.click();

  await card(page, account.id).dragTo(column(page, 'Enterprise'), { sourcePosition: { x: 12, y: 8 } });
  const moved = column(page, 'Enterprise').locator(`li[data-id="${account.id}"]`);
  await expect(moved).toContainText('Pending');
  await expect(column(page, 'Starter').locator(`li[data-id="${account.id}"]`)).toHaveCount(0);
  await expect(heading(page, 'Enterprise').getByTestId('stage-count')).toHaveText(String(enterprise + 1));
  await expect(heading(page, 'Starter').getByTestId('stage-count')).toHaveText(String(starter - 1));

  await page.reload();
  // The layout and grouping are remembered; the edit is in the local store, still pending.
  await expect(board(page)).toBeVisible();
  await expect(heading(page, 'Enterprise').getByTestId('stage-count')).toHaveText(String(enterprise + 1));
  const pending = column(page, 'Enterprise').locator(`li[data-id="${account.id}"]`);
  const moreEnterprise = heading(page, 'Enterprise').getByRole('button', { name: /^Show more/ });
  while (await moreEnterprise.isVisible()) await moreEnterprise.click();
  await expect(pending).toContainText('Pending');
  expect(await crmProperty(workspace, account.id, 'plan')).toBe('Starter');

  await reconnectAndDrain(page, context);
  expect(await crmProperty(workspace, account.id, 'plan')).toBe('Enterprise');
  await expect(pending).not.toContainText('Pending', { timeout: DRAIN_TIMEOUT_MS });
});

test('the Move to menu moves a card without a mouse', async ({ page, workspace }) => {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', {
    body: { filterGroups: [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: 'Enterprise' }] }], properties: ['name'], limit: 1 },
  });
  const account = ((await res.json()) as { results: CrmRecord[] }).results[0] as CrmRecord;
  await openBoard(page, workspace, 'Plan');
  const more = heading(page, 'Enterprise').getByRole('button', { name: /^Show more/ });
  while (await more.isVisible()) await more.click();
  const menu = card(page, account.id).getByRole('combobox', { name: `Move ${account.properties.name} to` });
  await menu.focus();
  await menu.selectOption({ label: 'No value' });
  await expect(column(page, 'No value').locator(`li[data-id="${account.id}"]`)).toBeVisible();
  await expect.poll(() => crmProperty(workspace, account.id, 'plan'), { timeout: 20_000 }).toBeNull();
});

test('a plan changed in the CRM meanwhile shows up as a conflict on the card', async ({ page, context, workspace }) => {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', {
    body: { filterGroups: [{ filters: [mine, { propertyName: 'plan', operator: 'EQ', value: 'Enterprise' }] }], properties: ['name'], limit: 1 },
  });
  const account = ((await res.json()) as { results: CrmRecord[] }).results[0] as CrmRecord;
  await openBoard(page, workspace, 'Plan');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  const more = heading(page, 'Enterprise').getByRole('button', { name: /^Show more/ });
  while (await more.isVisible()) await more.click();
  await card(page, account.id)
    .getByRole('combobox', { name: `Move ${account.properties.name} to` })
    .selectOption({ label: 'Starter' });
  const moreStarter = heading(page, 'Starter').getByRole('button', { name: /^Show more/ });
  while (await moreStarter.isVisible()) await moreStarter.click();
  await expect(column(page, 'Starter').locator(`li[data-id="${account.id}"]`)).toContainText('Pending');

  await colleagueEdits(workspace, 'companies', account.id, { plan: 'Professional' });

  await context.setOffline(false);
  await expect(page.getByRole('status', { name: 'Sync status' })).not.toContainText('Offline');
  await expect(async () => {
    await showAll(page);
    await expect(card(page, account.id)).toContainText('Conflict', { timeout: 1_000 });
  }).toPass({ timeout: DRAIN_TIMEOUT_MS });
  expect(await crmProperty(workspace, account.id, 'plan')).toBe('Professional');
});

test('grouped by renewal window on the fixed clock: the windows hold the CRM’s renewal dates; no drags there', async ({ page, workspace }) => {
  // Days from Friday 27 Nov 2026 (today in Warsaw) to each renewal date, counted here on their own.
  const today = Date.UTC(2026, 10, 27);
  const windows: Record<string, number> = { Overdue: 0, 'In 30 days or less': 0, 'In 31–90 days': 0, 'In 91–180 days': 0, Later: 0, 'No renewal date': 0 };
  for (const a of await myAccounts(workspace, ['renewal_date'])) {
    const v = a.properties.renewal_date;
    const days = v ? Math.round((Date.parse(`${v}T00:00:00Z`) - today) / DAY) : undefined;
    const w =
      days === undefined
        ? 'No renewal date'
        : days < 0
          ? 'Overdue'
          : days <= 30
            ? 'In 30 days or less'
            : days <= 90
              ? 'In 31–90 days'
              : days <= 180
                ? 'In 91–180 days'
                : 'Later';
    windows[w] = (windows[w] ?? 0) + 1;
  }
  expect(windows.Overdue).toBeGreaterThan(0);
  expect(windows.Later).toBeGreaterThan(0);

  await openBoard(page, workspace, 'Renewal window');
  await expect(board(page).getByRole('heading', { level: 2 })).toHaveText(Object.keys(windows));
  for (const [name, n] of Object.entries(windows)) await expect(heading(page, name).getByTestId('stage-count')).toHaveText(String(n));
  await expect(page.getByText('Renewal window is computed by the workspace, so cards cannot be dragged here.')).toBeVisible();
  await expect(board(page).getByRole('combobox')).toHaveCount(0);
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('the board speaks Polish', async ({ page, workspace }) => {
    await openWorkspace(page, workspace, '/portfolio');
    await expect(page.getByRole('heading', { level: 1, name: 'Portfel' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Tablica', exact: true }).click();
    await page.getByLabel('Grupuj według').selectOption({ label: 'Stan konta' });
    const grouped = page.getByRole('group', { name: 'Tablica kont pogrupowana według: Stan konta' });
    await expect(grouped.getByRole('heading', { level: 2 })).toHaveText(['W dobrej kondycji', 'Neutralny', 'Zagrożony', 'Brak oceny']);
    await expect(page.getByText('Stan konta wylicza aplikacja, więc kart nie można tu przeciągać.', { exact: false })).toBeVisible();
    await page.getByLabel('Grupuj według').selectOption({ label: 'Okno odnowienia' });
    await expect(page.getByRole('heading', { level: 2, name: 'Po terminie' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Bez daty odnowienia' })).toBeVisible();
  });
});
