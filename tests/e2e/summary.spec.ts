import { expect, openWorkspace, test, waitForOfflineReady } from './fixtures';
import { createTeamEnterpriseView } from './portfolio-support';
import { expectedSummary } from './summary-support';
import type { Page } from '@playwright/test';

// The first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
}

async function expectCards(page: Page, e: Awaited<ReturnType<typeof expectedSummary>>) {
  const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
  await expect(tasks.getByRole('region', { name: 'Due today' }).getByTestId('count')).toHaveText(String(e.dueToday));
  await expect(tasks.getByRole('region', { name: 'Overdue' }).getByTestId('count')).toHaveText(String(e.overdue));
  await expect(tasks.getByRole('region', { name: 'Due tomorrow' }).getByTestId('count')).toHaveText(String(e.dueTomorrow));
  const progress = page.getByRole('region', { name: 'Today’s task progress' });
  await expect(progress.getByTestId('progress-count')).toHaveText(
    e.todayTotal > 0 ? `${e.todayDone} of ${e.todayTotal} tasks done` : 'No tasks are due today.',
  );
  const portfolio = page.getByRole('region', { name: 'Portfolio' });
  await expect(portfolio.getByTestId('owned-count')).toHaveText(String(e.owned));
  await expect(portfolio.getByTestId('recent-count')).toHaveText(String(e.recent));
}

test('every Summary card matches the demo CRM for the signed-in CSM and today', async ({ page, workspace }) => {
  const expected = await expectedSummary(workspace, '60000001');
  // The dataset gives the default CSM overdue, today's and tomorrow's tasks and three meetings today.
  expect(expected.overdue).toBeGreaterThan(0);
  expect(expected.meetingsToday).toBeGreaterThanOrEqual(3);
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await expectCards(page, expected);

  // The due dropdown switches the progress card's list between today's open tasks and overdue ones.
  const progress = page.getByRole('region', { name: 'Today’s task progress' });
  await progress.getByLabel('Due').selectOption('overdue');
  await expect(progress.getByRole('list', { name: 'Overdue' }).getByRole('listitem')).toHaveCount(
    Math.min(expected.overdue, 5) + (expected.overdue > 5 ? 1 : 0),
  );

  const schedule = page.getByRole('region', { name: 'Today’s schedule' });
  await expect(schedule.getByRole('button', { name: /^Meeting: / })).toHaveCount(expected.meetingsToday);
  await expect(schedule.getByRole('button', { name: /^Task: / })).toHaveCount(expected.todayTotal);
});

test('"View all" opens the Tasks tab filtered the same way', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
  for (const [list, view] of [
    ['Due today', 'due-today'],
    ['Overdue', 'overdue'],
    ['Due tomorrow', 'due-tomorrow'],
  ] as const) {
    await tasks.getByRole('link', { name: `View all: ${list}` }).click();
    await expect(page).toHaveURL(new RegExp(`#/tasks\\?view=${view}$`));
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  }
  await page.getByRole('region', { name: 'Portfolio' }).getByRole('link', { name: 'View accounts' }).click();
  await expect(page).toHaveURL(/#\/portfolio$/);
});

test('a meeting’s summary opens from the schedule and "Start meeting" opens its link through the host', async ({ page, workspace }) => {
  const opened: string[] = [];
  // The web host would hand the link to the OS; the test only checks what the app asked for.
  await page.route('**/__host/call/shell:openExternal', async (route) => {
    opened.push((route.request().postDataJSON() as { url: string }).url);
    await route.fulfill({ json: { ok: true, data: { opened: true } } });
  });
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  const schedule = page.getByRole('region', { name: 'Today’s schedule' });
  const meeting = schedule.getByRole('button', { name: /^Meeting: / }).first();
  const label = (await meeting.getAttribute('aria-label')) ?? '';
  await meeting.click();
  const popover = schedule.getByRole('dialog', { name: label.replace(/^Meeting: /, '') });
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Start meeting' }).click();
  await expect.poll(() => opened).toEqual([expect.stringMatching(/^https:\/\/meet\.example\.com\//)]);
  await popover.getByRole('button', { name: 'Close' }).click();
  await expect(popover).toHaveCount(0);
});

test('five reports can be added, reordered and removed; a sixth is refused', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  const reporting = page.getByRole('region', { name: 'Reporting' });
  await expect(reporting).toContainText('No reports yet');
  const charts = ['bar', 'line', 'pie', 'donut', 'bar'];
  const groupBys = ['Plan', 'CSM sentiment', 'Industry', 'Plan', 'CSM owner'];
  for (let i = 0; i < 5; i++) {
    await reporting.getByRole('button', { name: '+ Add report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a report' });
    await dialog.getByLabel('Object').selectOption('companies');
    await dialog.getByLabel('Group by').selectOption({ label: groupBys[i] ?? 'Plan' });
    if (i === 3) {
      await dialog.getByLabel('Sum of a number property').check();
      await dialog.getByLabel('Number property', { exact: true }).selectOption({ label: 'ARR' });
    }
    await dialog.getByLabel('Chart type').selectOption(charts[i] ?? 'bar');
    await dialog.getByRole('button', { name: 'Add report' }).click();
    await expect(reporting.getByRole('article')).toHaveCount(i + 1);
  }
  const articles = reporting.getByRole('article');
  await expect(articles.first().getByRole('heading')).toHaveText('Count of Companies by Plan');
  await expect(articles.nth(3).getByRole('heading')).toHaveText('Sum of ARR of Companies by Plan');
  // Charts have an accessible name with their figures and a table behind them.
  await expect(articles.first().getByRole('img', { name: /^Count of Companies by Plan: (Starter|Professional|Enterprise) \d+/ })).toBeVisible();
  await expect(articles.first().getByRole('table')).toHaveCount(1);

  await reporting.getByRole('button', { name: '+ Add report' }).click();
  await expect(reporting.getByRole('alert')).toHaveText('You already have five reports, the most Summary shows. Remove one to add another.');
  await expect(page.getByRole('dialog', { name: 'Add a report' })).toHaveCount(0);

  await reporting.getByRole('button', { name: 'Move “Count of Companies by CSM sentiment” up' }).click();
  await expect(articles.first().getByRole('heading')).toHaveText('Count of Companies by CSM sentiment');
  await reporting.getByRole('button', { name: 'Remove “Count of Companies by Industry”' }).click();
  await expect(articles).toHaveCount(4);

  // Saved per user in the local store: they survive a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Reporting' }).getByRole('article')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Reporting' }).getByRole('article').first().getByRole('heading')).toHaveText(
    'Count of Companies by CSM sentiment',
  );
});

test('the whole Summary works with the browser offline', async ({ page, context, workspace }) => {
  const expected = await expectedSummary(workspace, '60000001');
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await expectCards(page, expected);
  const reporting = page.getByRole('region', { name: 'Reporting' });
  await reporting.getByRole('button', { name: '+ Add report' }).click();
  await page.getByRole('dialog', { name: 'Add a report' }).getByRole('button', { name: 'Add report' }).click();
  await expect(reporting.getByRole('article')).toHaveCount(1);
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');
  await expectCards(page, expected);
  await expect(page.getByRole('region', { name: 'Today’s schedule' }).getByRole('button', { name: /^Meeting: / })).toHaveCount(expected.meetingsToday);
  await expect(reporting.getByRole('article')).toHaveCount(1);
  await expect(reporting.getByRole('img')).toBeVisible();
  // Adding a report needs no connection either.
  await reporting.getByRole('button', { name: '+ Add report' }).click();
  await page.getByRole('dialog', { name: 'Add a report' }).getByLabel('Chart type').selectOption('pie');
  await page.getByRole('dialog', { name: 'Add a report' }).getByRole('button', { name: 'Add report' }).click();
  await expect(reporting.getByRole('article')).toHaveCount(2);
});

test('a view featured on Summary in Portfolio appears on the Portfolio card with its description', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  const card = page.getByRole('region', { name: 'Portfolio' });
  await expect(card.getByRole('heading', { name: 'Featured views' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Portfolio', exact: true }).click();
  await createTeamEnterpriseView(page);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Summary', exact: true }).click();
  await expect(card.getByRole('heading', { name: 'Featured views' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Team enterprise' })).toBeVisible();
  await expect(card).toContainText('Enterprise accounts of the team');
});
