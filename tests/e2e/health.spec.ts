import type { Page } from '@playwright/test';
import { crmApi, expect, FIXED_NOW, openWorkspace, reconnectAndDrain, test, waitForOfflineReady, type Workspace } from './fixtures';
import { searchAll } from './summary-support';

// The first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const DAY = 86_400_000;
const BADGE = /^Health (\d+) of 100, (Healthy|Neutral|At risk)$/;

async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
}

async function openPortfolio(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/portfolio');
  await synced(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
}

async function companiesTotal(workspace: Workspace): Promise<number> {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', { body: { filterGroups: [], limit: 1 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

const count = (page: Page) => page.getByTestId('portfolio-count');
const accounts = (text: string) => (text === '1 account' ? 1 : Number(/^(\d+) accounts$/.exec(text)?.[1] ?? NaN));
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

/** The score of a badge, from its accessible name ("Health 35 of 100, At risk"). */
async function badge(locator: ReturnType<Page['getByTestId']>): Promise<{ score: number; status: string }> {
  const m = BADGE.exec((await locator.getAttribute('aria-label')) ?? '');
  expect(m, 'a scored badge').not.toBeNull();
  return { score: Number(m![1]), status: m![2]! };
}

test('a score from the template: statuses in Portfolio, the At risk filter, the breakdown, an offline edit across a threshold, Summary’s counts', async ({
  page,
  context,
  workspace,
}) => {
  const total = await companiesTotal(workspace);
  await openPortfolio(page, workspace);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^All accounts/ })
    .click();
  await expect(count(page)).toHaveText(`${total} accounts`);
  const table = page.getByRole('table', { name: 'Accounts' });
  await expect(table.getByRole('columnheader', { name: 'Health score', exact: true })).toBeVisible();
  await expect(table.getByTestId('health-badge').first()).toHaveAttribute('aria-label', 'No score');

  // "Take me to setup" starts from HubSpot's groups; saving it scores every account.
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const section = dialog.getByRole('region', { name: 'Health scores' });
  await section.getByRole('button', { name: 'Take me to setup' }).click();
  await section.getByRole('button', { name: 'Save score' }).click();
  await expect(section.getByRole('listitem').filter({ hasText: 'Customer health' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(table.getByTestId('health-badge').first()).toHaveAttribute('aria-label', BADGE);
  // Computed off the UI thread, by the health worker.
  expect(page.workers().some((w) => /health\.worker/.test(w.url()))).toBe(true);
  // Stored in the CRM as a shared workspace document, where every client of the account gets it.
  await expect
    .poll(
      async () => {
        const res = await crmApi(workspace, '/crm/v3/objects/p_cs_workspace_docs?properties=cs_doc_key,cs_doc_value');
        const docs = ((await res.json()) as { results: Array<{ properties: Record<string, string | null> }> }).results;
        const doc = docs.find((d) => d.properties.cs_doc_key === 'health:scores');
        return doc ? (JSON.parse(doc.properties.cs_doc_value ?? '[]') as Array<{ name: string }>).map((x) => x.name) : [];
      },
      { timeout: 20_000 },
    )
    .toEqual(['Customer health']);

  // Filter by status through the views engine (the virtual "Health status" property).
  await page.getByRole('button', { name: 'Advanced filters' }).click();
  await page.getByRole('button', { name: 'Add filter' }).click();
  const g1 = page.getByRole('group', { name: 'Filter group 1' });
  await g1.getByLabel('Property').selectOption({ label: 'Health status' });
  await g1.getByRole('checkbox', { name: 'At risk' }).check();
  await expect(count(page)).not.toHaveText(`${total} accounts`);
  const atRisk = accounts(await count(page).innerText());
  expect(atRisk).toBeGreaterThan(0);
  for (const b of await table.getByTestId('health-badge').all()) expect((await badge(b)).status).toBe('At risk');

  // At risk with a Bad CSM sentiment and at least 20 points: "Good" adds 20 and makes it Neutral.
  await g1.getByRole('button', { name: 'Add filter' }).click();
  await g1.getByLabel('Property').nth(1).selectOption({ label: 'CSM sentiment' });
  await g1.getByRole('checkbox', { name: 'Bad' }).check();
  await g1.getByRole('button', { name: 'Add filter' }).click();
  await g1.getByLabel('Property').nth(2).selectOption({ label: 'Health score' });
  await g1.getByLabel('Operator').nth(2).selectOption('gte');
  await g1.getByLabel('Value').fill('20');
  await expect(count(page)).not.toHaveText(`${atRisk} accounts`);

  const first = table.getByRole('row').nth(1);
  const name = await first.getByRole('button').first().innerText();
  await first.getByRole('button', { name, exact: true }).click();
  const preview = page.getByRole('complementary', { name });
  const breakdown = preview.getByRole('region', { name: 'Health score breakdown' });
  // The breakdown comes from the health worker: wait for it before reading the score.
  await expect(breakdown.getByTestId('health-badge')).toHaveAttribute('aria-label', BADGE);
  const before = await badge(breakdown.getByTestId('health-badge'));
  expect(before.status).toBe('At risk');
  expect(before.score).toBeGreaterThanOrEqual(20);
  // Every group with its points, every criterion with what it added.
  for (const group of ['1:1 engagement', '1:1 call engagement', 'Supported tickets', 'CSM sentiment', 'NPS']) await expect(breakdown).toContainText(group);
  await expect(breakdown.getByRole('listitem').filter({ hasText: /^CSM sentiment/ })).toContainText('0 of 20');
  await expect(breakdown.getByRole('heading', { name: 'Health trend' })).toBeVisible();
  await expect(breakdown).toContainText(/The trend appears after a day with a snapshot\.|Health score per day/);

  // Read once the three filters have long settled.
  const candidates = accounts(await count(page).innerText());
  expect(candidates).toBeGreaterThan(0);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');
  await preview.getByRole('button', { name: 'Edit CSM sentiment' }).click();
  await preview.getByRole('combobox', { name: 'CSM sentiment' }).selectOption('Good');
  await preview.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(breakdown.getByTestId('health-badge')).toHaveAttribute('aria-label', `Health ${before.score + 20} of 100, Neutral`);
  await expect(breakdown.getByRole('listitem').filter({ hasText: /^CSM sentiment/ })).toContainText('20 of 20');
  // The account left the At risk view at once.
  await expect(count(page)).toHaveText(candidates - 1 === 1 ? '1 account' : `${candidates - 1} accounts`);

  // Summary's health card counts the same statuses, offline too.
  await go(page, '#/summary');
  const overview = page.getByRole('region', { name: 'Health overview' });
  await expect(overview.getByTestId('health-count-atRisk')).toHaveText(`${atRisk - 1} At risk`);
  const counts = await Promise.all(
    ['healthy', 'neutral', 'atRisk'].map(async (s) => Number(/^(\d+)/.exec(await overview.getByTestId(`health-count-${s}`).innerText())?.[1])),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  await reconnectAndDrain(page, context);
  await synced(page);
});

test('a super admin without a paid seat may look at health scores but is refused editing them', async ({ page, workspace }) => {
  expect((await crmApi(workspace, '/__demo/whoami', { body: { userId: '1000006' } })).status).toBe(200);
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Health scores' });
  await section.getByRole('button', { name: 'Take me to setup' }).click();
  await expect(section.getByRole('note')).toContainText('Refused: editing health scores needs a paid seat.');
  // The store refuses the save itself, not only the form.
  await section.getByRole('button', { name: 'Save score' }).click();
  await expect(section.getByTestId('health-save-message')).toHaveText('Refused: editing health scores needs a paid seat.');
  await section.getByRole('button', { name: 'Close' }).click();
  await expect(section).toContainText('No health score yet.');
  await expect(page.getByTestId('health-no-scores')).toBeVisible();
});

test('the renewals view lists exactly the accounts the CRM has renewing in the next 30 days', async ({ page, workspace }) => {
  // A renewal date is a calendar day (midnight UTC); today is FIXED_NOW's day in Warsaw.
  const today = Math.floor((FIXED_NOW + 3_600_000) / DAY);
  const all = await searchAll(workspace, 'companies', [{ propertyName: 'renewal_date', operator: 'HAS_PROPERTY' }], ['name', 'renewal_date']);
  const expected = all
    .filter((c) => {
      const days = Math.floor(Date.parse(c.properties.renewal_date!.slice(0, 10)) / DAY) - today;
      return days >= 0 && days < 30;
    })
    .map((c) => c.properties.name!)
    .sort();
  expect(expected.length).toBeGreaterThan(0);

  await openPortfolio(page, workspace);
  const next30 = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Next 30 days/ });
  await expect(next30).toContainText(String(expected.length));
  await next30.click();
  await expect(next30).toHaveAttribute('aria-current', 'true');
  const list = page.getByRole('region', { name: 'Next 30 days' });
  await expect(list.getByTestId('renewal-row')).toHaveCount(expected.length);
  const names = (await list.getByTestId('renewal-row').getByRole('button').allInnerTexts()).sort();
  expect(names).toEqual(expected);
  await expect(list.getByTestId('renewal-badge').first()).toHaveText(/^Renews (today|tomorrow|in \d+ days)$/);
});
