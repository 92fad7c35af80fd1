import { crmApi, expect, FIXED_NOW, reconnectAndDrain, test, waitForOfflineReady } from './fixtures';
import {
  OWNER,
  TOMORROW,
  DAY_AFTER,
  type CrmTask,
  ms,
  crmTasks,
  crmTask,
  type ViewId,
  buckets,
  TAB_NAMES,
  openTasks,
  selectView,
  row,
  rowIds,
  allRowIds,
} from './tasks-support';

// Leave the page before the fixture stops the web host, so its open connections do not log errors.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('each default view lists exactly the demo CRM tasks of its bucket', async ({ page, workspace }) => {
  const expected = buckets(await crmTasks(workspace), FIXED_NOW + 60_000);
  expect(expected.overdue.length).toBeGreaterThan(0);
  expect(expected['due-today'].length).toBeGreaterThan(0);
  expect(expected['due-tomorrow'].length).toBeGreaterThan(0);
  expect(expected['all-completed'].length).toBeGreaterThan(0);
  await openTasks(page, workspace);
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  for (const view of Object.keys(TAB_NAMES) as ViewId[]) {
    await selectView(page, view);
    const ids = expected[view];
    await expect(page.getByTestId(`count-${view}`)).toHaveText(String(ids.length));
    // Show every page of a long view.
    const more = page.getByRole('button', { name: /^Show more/ });
    while (await more.isVisible()) await more.click();
    await expect.poll(() => rowIds(page)).toEqual(ids);
  }
});

test('the columns show the associated account, due time, priority, type and status', async ({ page, workspace }) => {
  await openTasks(page, workspace, '/tasks?view=due-today');
  const first = page.locator('tbody tr[data-task-id]').first();
  const id = await first.getAttribute('data-task-id');
  const res = await crmApi(workspace, `/crm/v4/objects/tasks/${id}/associations/companies`);
  const assoc = (await res.json()) as { results: { toObjectId: string | number }[] };
  const companyId = String(assoc.results[0]?.toObjectId);
  const company = (await (await crmApi(workspace, `/crm/v3/objects/companies/${companyId}?properties=name`)).json()) as { properties: { name: string } };
  await expect(first.locator('td').nth(2)).toContainText(company.properties.name);
  await expect(first.locator('td').nth(3)).toContainText('2026');
  await expect(first.locator('td').nth(4)).toHaveText(/None|Low|Medium|High/);
  await expect(first.locator('td').nth(5)).toHaveText(/Email|Call|To-do/);
  await expect(first.locator('td').nth(6)).toHaveText(/Not started|In progress|Waiting/);
});

test('complete, reopen and reschedule offline survive a reload and reach the CRM once online', async ({ page, context, workspace }) => {
  const tasks = await crmTasks(workspace);
  const b = buckets(tasks, FIXED_NOW + 60_000);
  // Three different tasks: one due later today, one completed, one overdue from an earlier day.
  const toComplete = b['due-today'].find((id) => !b.overdue.includes(id)) as string;
  const toReopen = b['all-completed'][0] as string;
  const toMove = b.overdue.find((id) => !b['due-today'].includes(id)) as string;
  const moved = tasks.find((t) => t.id === toMove) as CrmTask;
  const subjectOf = (id: string) => tasks.find((t) => t.id === id)?.subject as string;

  await openTasks(page, workspace, '/tasks?view=due-today');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('alert')).toContainText('You are offline');

  // click(), not check(): the row leaves the view as soon as the change is saved.
  await row(page, toComplete)
    .getByRole('checkbox', { name: `Complete ${subjectOf(toComplete)}` })
    .click();
  await expect(row(page, toComplete)).toHaveCount(0);

  await selectView(page, 'all-completed');
  await expect(row(page, toComplete).getByTitle('Saved on this computer; not yet in the CRM')).toHaveText('Pending');
  await row(page, toReopen)
    .getByRole('checkbox', { name: `Complete ${subjectOf(toReopen)}` })
    .click();
  await expect(row(page, toReopen)).toHaveCount(0);

  await selectView(page, 'overdue');
  await row(page, toMove)
    .getByRole('button', { name: `Reschedule ${subjectOf(toMove)}` })
    .click();
  await page.getByRole('menuitem', { name: 'Tomorrow' }).click();
  await expect(row(page, toMove)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await selectView(page, 'all-completed');
  await expect(row(page, toComplete).getByText('Pending')).toBeVisible();
  await selectView(page, 'all-open');
  await expect(row(page, toReopen).getByText('Pending')).toBeVisible();
  await selectView(page, 'due-tomorrow');
  await expect(row(page, toMove).getByText('Pending')).toBeVisible();

  await reconnectAndDrain(page, context);
  const wall = (t: number) => new Date(t).toLocaleTimeString('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' });
  expect((await crmTask(workspace, toComplete)).hs_task_status).toBe('COMPLETED');
  expect((await crmTask(workspace, toReopen)).hs_task_status).not.toBe('COMPLETED');
  const due = ms((await crmTask(workspace, toMove)).hs_timestamp) ?? 0;
  expect(due >= TOMORROW && due < DAY_AFTER ? wall(due) : `not tomorrow: ${due}`).toBe(wall(moved.due as number));
  await expect(row(page, toMove).getByText('Pending')).toHaveCount(0);
});

test('edit and create go through the outbox and reach the CRM', async ({ page, workspace }) => {
  await openTasks(page, workspace, '/tasks?view=due-tomorrow');
  const first = page.locator('tbody tr[data-task-id]').first();
  const id = (await first.getAttribute('data-task-id')) as string;
  await first.getByRole('button', { name: /^Edit / }).click();
  const editor = page.getByRole('dialog', { name: 'Edit task' });
  await editor.getByLabel('Subject').fill('Renewal prep call');
  await editor.getByLabel('Priority').selectOption('HIGH');
  await editor.getByLabel('Notes').fill('Bring the usage report.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, id)).toContainText('Renewal prep call');
  await expect(row(page, id)).toContainText('High');
  await expect.poll(async () => (await crmTask(workspace, id)).hs_task_subject, { timeout: 30_000 }).toBe('Renewal prep call');

  // Reschedule to a custom date and time, read in the workspace zone.
  await row(page, id).getByRole('button', { name: 'Reschedule Renewal prep call' }).click();
  await page.getByRole('menuitem', { name: 'Custom date/time…' }).click();
  const custom = page.getByRole('dialog', { name: 'Reschedule “Renewal prep call”' });
  await custom.getByLabel('New due date and time').fill('2026-12-03T16:15');
  await custom.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, id)).toHaveCount(0);
  await selectView(page, 'all-open');
  await expect(row(page, id)).toContainText('Dec 3, 2026');
  await expect.poll(async () => ms((await crmTask(workspace, id)).hs_timestamp), { timeout: 30_000 }).toBe(Date.UTC(2026, 11, 3, 15, 15));

  await page.getByRole('button', { name: 'Create task' }).click();
  const create = page.getByRole('dialog', { name: 'Create task' });
  await create.getByLabel('Subject').fill('Send QBR deck');
  await create.getByLabel('Due date and time').fill('2026-11-28T10:30');
  await create.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('tbody tr', { hasText: 'Send QBR deck' })).toBeVisible();
  await expect
    .poll(
      async () => {
        const res = await crmApi(workspace, '/crm/v3/objects/tasks/search', {
          body: {
            filterGroups: [{ filters: [{ propertyName: 'hs_task_subject', operator: 'EQ', value: 'Send QBR deck' }] }],
            properties: ['hs_timestamp', 'hubspot_owner_id'],
            limit: 10,
          },
        });
        if (!res.ok) return `CRM answered ${res.status}`;
        const body = (await res.json()) as { results: { properties: Record<string, string> }[] };
        return body.results.map((r) => [ms(r.properties.hs_timestamp), r.properties.hubspot_owner_id]);
      },
      { timeout: 30_000 },
    )
    .toEqual([[Date.UTC(2026, 10, 28, 9, 30), OWNER]]);
});

test('with the switch off, a task coming due asks the host for nothing', async ({ page, workspace }) => {
  let requests = 0;
  await page.route('**/__host/call/notify:show', async (route) => {
    requests += 1;
    await route.continue();
  });
  const open = (await crmTasks(workspace)).filter((t) => t.status !== 'COMPLETED');
  const next = open
    .map((t) => t.due ?? 0)
    .filter((at) => at > FIXED_NOW + 5 * 60_000)
    .sort((x, y) => x - y)[0] as number;
  await openTasks(page, workspace);
  await expect(page.getByTestId('count-all-open')).toHaveText(String(open.length));
  await page.getByRole('checkbox', { name: 'Desktop notifications for due tasks' }).uncheck();
  const clockNow = await page.evaluate(() => Date.now());
  await page.clock.fastForward(next - clockNow - 20_000);
  await page.clock.runFor(90_000);
  // The switch is remembered on this computer.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Desktop notifications for due tasks' })).not.toBeChecked();
  expect(requests).toBe(0);
});

test('a custom task view lists exactly the demo CRM tasks matching its filters, survives a reload, and can be renamed and deleted', async ({
  page,
  workspace,
}) => {
  const tasks = await crmTasks(workspace);
  const high = tasks
    .filter((t) => t.priority === 'HIGH')
    .map((t) => t.id)
    .sort();
  const highOpen = tasks
    .filter((t) => t.priority === 'HIGH' && t.status !== 'COMPLETED')
    .map((t) => t.id)
    .sort();
  expect(high.length).toBeGreaterThan(0);
  expect(highOpen.length).toBeLessThan(high.length);
  await openTasks(page, workspace);
  const tabs = page.getByRole('tablist', { name: 'Task views' });
  await expect(tabs.getByRole('tab')).toHaveCount(5);

  // Bad input: a filter with no property is refused with a clear message, and no view appears.
  await page.getByRole('button', { name: '+ Create view' }).click();
  let dialog = page.getByRole('dialog', { name: 'Create task view' });
  await dialog.getByLabel('View name').fill('High priority');
  await dialog.getByRole('button', { name: 'Add filter' }).click();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Filter 1 in group 1 is not complete');
  // Behind a modal dialog the page is aria-hidden, hence includeHidden.
  await expect(page.getByRole('tablist', { name: 'Task views', includeHidden: true }).getByRole('tab', { includeHidden: true })).toHaveCount(5);

  // Priority is High: the live count and then the saved view show exactly the CRM's tasks.
  await dialog.getByLabel('Property').selectOption({ label: 'Priority' });
  await expect(dialog.getByLabel('Operator')).toHaveValue('is_any_of');
  await dialog.getByRole('checkbox', { name: 'High' }).check();
  await expect(dialog.getByTestId('task-view-matching')).toHaveText(`${high.length} tasks match these filters`);
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toHaveCount(0);
  const tab = tabs.getByRole('tab', { name: /^High priority/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/view=view%3A|view=view:/);
  const id = (await tab.getAttribute('data-view')) as string;
  await expect(page.getByTestId(`count-${id}`)).toHaveText(String(high.length));
  await expect.poll(() => allRowIds(page)).toEqual(high);

  await page.reload();
  await expect(tabs.getByRole('tab', { name: /^High priority/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`count-${id}`)).toHaveText(String(high.length));
  await expect.poll(() => allRowIds(page)).toEqual(high);

  // Edit: a new name and one more filter (AND status is none of Completed).
  await page.getByRole('button', { name: 'Edit view High priority' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit task view' });
  await dialog.getByLabel('View name').fill('Open high priority');
  await dialog.getByRole('button', { name: 'Add filter' }).click();
  await dialog.getByLabel('Property').nth(1).selectOption({ label: 'Status' });
  await dialog.getByLabel('Operator').nth(1).selectOption('is_none_of');
  await dialog.getByRole('group', { name: 'Values' }).nth(1).getByRole('checkbox', { name: 'Completed' }).check();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(tabs.getByRole('tab', { name: /^Open high priority/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`count-${id}`)).toHaveText(String(highOpen.length));
  await expect.poll(() => allRowIds(page)).toEqual(highOpen);

  await page.getByRole('button', { name: 'Delete view Open high priority' }).click();
  await page
    .getByRole('group', { name: /^Delete the view “Open high priority”/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(tabs.getByRole('tab')).toHaveCount(5);
  await expect(tabs.getByRole('tab', { name: /^Due today/ })).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(page.getByTestId('count-due-today')).toBeVisible();
  await expect(tabs.getByRole('tab')).toHaveCount(5);
});
