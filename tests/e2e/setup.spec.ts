import type { Page } from '@playwright/test';
import { crmApi, expect, openWorkspace, test, type Workspace } from './fixtures';
import { expectedSummary } from './summary-support';

// The first sync of the small dataset takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
}

async function signInAs(workspace: Workspace, userId: string) {
  const res = await crmApi(workspace, '/__demo/whoami', { body: { userId } });
  expect(res.status).toBe(200);
}

type Def = { name: string; label: string; type: string; referencedObjectType?: string };
const labels = (defs: Def[]) => defs.map((d) => d.label).sort((a, b) => a.localeCompare(b));
const options = (page: Page, scope: ReturnType<Page['getByRole']>, label: string) =>
  scope.getByLabel(label, { exact: true }).locator('option').allTextContents();

test('first run: the setup lists only fitting objects and properties, saves, and stays editable from the gear', async ({ page, workspace }) => {
  const companyDefs = ((await (await crmApi(workspace, '/crm/v3/properties/companies')).json()) as { results: Def[] }).results;
  const schemas = (
    (await (await crmApi(workspace, '/crm-object-schemas/v3/schemas')).json()) as { results: Array<{ labels: { plural: string }; properties: Def[] }> }
  ).results;
  const subscriptions = schemas[0]!;
  const owners = (defs: Def[]) => labels(defs.filter((d) => d.referencedObjectType === 'OWNER'));
  const dates = (defs: Def[]) => ['None', ...labels(defs.filter((d) => d.type === 'date'))];

  await openWorkspace(page, workspace, '/summary');
  const setup = page.getByRole('region', { name: 'Workspace setup' });
  await expect(setup).toBeVisible();
  // Which CRM is chosen on the Connect screen, not here.
  await expect(setup.getByRole('radio')).toHaveCount(0);

  await expect.poll(() => options(page, setup, 'Account object')).toEqual(['Companies', subscriptions.labels.plural]);
  await expect.poll(() => options(page, setup, 'CSM assignment property')).toEqual(owners(companyDefs));
  expect(owners(companyDefs)).toContain('CSM owner');
  expect(await options(page, setup, 'Renewal date property (optional)')).toEqual(dates(companyDefs));

  await setup.getByLabel('Account object').selectOption({ label: subscriptions.labels.plural });
  await expect.poll(() => options(page, setup, 'CSM assignment property')).toEqual(owners(subscriptions.properties));
  expect(await options(page, setup, 'Renewal date property (optional)')).toEqual(dates(subscriptions.properties));

  await setup.getByLabel('Account object').selectOption({ label: 'Companies' });
  await setup.getByLabel('CSM assignment property').selectOption({ label: 'CSM owner' });
  await setup.getByLabel('Renewal date property (optional)').selectOption({ label: 'None' });
  await setup.getByRole('button', { name: 'Save setup' }).click();
  // Saved: first run is over.
  await expect(setup).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const form = dialog.getByRole('region', { name: 'Workspace setup' });
  await expect(form.getByLabel('CSM assignment property')).toHaveValue('csm_owner');
  await expect(form.getByLabel('Renewal date property (optional)')).toHaveValue('');
  await form.getByLabel('Renewal date property (optional)').selectOption({ label: 'Renewal date' });
  await form.getByRole('button', { name: 'Save setup' }).click();
  await expect(form.getByRole('status')).toHaveText('Setup saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Workspace setup' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Renewal date property (optional)')).toHaveValue('renewal_date');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await synced(page);
});

test('a CSM with a seat (1000001) has every tab, no user dropdown, and may change the setup', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await expect(page.getByRole('region', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByText('Only Summary is available to you')).toHaveCount(0);
  await expect(page.getByLabel('Show the Summary of')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Workspace setup' }).getByLabel('Account object')).toBeEnabled();
});

test('a CSM without the settings permission (1000002) sees the setup read-only and gets no first-run setup', async ({ page, workspace }) => {
  await signInAs(workspace, '1000002');
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await expect(page.getByRole('region', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Workspace setup' })).toHaveCount(0);
  await expect(page.getByLabel('Show the Summary of')).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Workspace setup' });
  await expect(form.getByRole('note')).toHaveText('Changing the workspace setup needs the “Manage customer success settings” permission.');
  await expect(form.getByLabel('Account object')).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save setup' })).toBeDisabled();
});

test('a super admin without a paid seat (1000006) gets Summary only, with the reason, and may add reports', async ({ page, workspace }) => {
  await signInAs(workspace, '1000006');
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  const locked = page.getByRole('region', { name: '🔒 Only Summary is available to you' });
  await expect(locked).toContainText('no paid Service Hub seat');
  await expect(locked).toContainText('Portfolio, Pipelines, Schedule, Tasks, Feed');
  await expect(page.getByLabel('Show the Summary of')).toBeVisible();

  const reporting = page.getByRole('region', { name: 'Reporting' });
  await reporting.getByRole('button', { name: '+ Add report' }).click();
  await page.getByRole('dialog', { name: 'Add a report' }).getByRole('button', { name: 'Add report' }).click();
  await expect(reporting.getByRole('article')).toHaveCount(1);
});

test('a super admin with a seat (1000005) has every tab and can look at another user’s Summary', async ({ page, workspace }) => {
  await signInAs(workspace, '1000005');
  const alex = await expectedSummary(workspace, '60000001');
  const sam = await expectedSummary(workspace, '60000002');
  await openWorkspace(page, workspace, '/summary');
  await synced(page);
  await expect(page.getByText('Only Summary is available to you')).toHaveCount(0);

  const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
  const portfolio = page.getByRole('region', { name: 'Portfolio' });
  // The manager owns no accounts and no tasks of their own.
  await expect(portfolio.getByTestId('owned-count')).toHaveText('0');

  const picker = page.getByLabel('Show the Summary of');
  await picker.selectOption({ label: 'Alex Morgan' });
  await expect(page.getByRole('status').filter({ hasText: 'You are looking at Alex Morgan’s Summary.' })).toBeVisible();
  await expect(portfolio.getByTestId('owned-count')).toHaveText(String(alex.owned));
  await expect(tasks.getByRole('region', { name: 'Overdue' }).getByTestId('count')).toHaveText(String(alex.overdue));
  await expect(tasks.getByRole('region', { name: 'Due today' }).getByTestId('count')).toHaveText(String(alex.dueToday));
  await expect(tasks.getByRole('region', { name: 'Due tomorrow' }).getByTestId('count')).toHaveText(String(alex.dueTomorrow));
  await expect(portfolio.getByTestId('recent-count')).toHaveText(String(alex.recent));

  await picker.selectOption({ label: 'Sam Kowalski' });
  await expect(portfolio.getByTestId('owned-count')).toHaveText(String(sam.owned));
  await expect(tasks.getByRole('region', { name: 'Overdue' }).getByTestId('count')).toHaveText(String(sam.overdue));
  await expect(tasks.getByRole('region', { name: 'Due today' }).getByTestId('count')).toHaveText(String(sam.dueToday));

  await picker.selectOption({ label: 'Taylor Brooks' });
  await expect(page.getByText(/You are looking at/)).toHaveCount(0);
});
