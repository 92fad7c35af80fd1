import { expect, openWorkspace, test, TIME_ZONE } from './fixtures';
import { warsaw, crmSearch, expectedLabels, calendar, shownLabels, toMs, openSchedule } from './schedule-support';

// Tall enough that the working day (07:00–18:00) is on screen in the day and week views.
test.use({ viewport: { width: 1400, height: 1200 } });

test('the calendar switches day, week and month and shows the owner’s meetings and tasks of each period', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const views = page.getByRole('group', { name: 'Calendar view' });

  // The week of Fri 27 Nov 2026 (weeks start on Sunday in en-US).
  await expect(views.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
  const week = await expectedLabels(workspace, warsaw(11, 22), warsaw(11, 29));
  expect(week.length).toBeGreaterThan(0);
  await expect.poll(() => shownLabels(page)).toEqual(week);

  await views.getByRole('button', { name: 'Day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 27, 2026' })).toBeVisible();
  const day = await expectedLabels(workspace, warsaw(11, 27), warsaw(11, 28));
  expect(day.filter((l) => l.startsWith('Meeting:')).length).toBeGreaterThanOrEqual(3);
  await expect.poll(() => shownLabels(page)).toEqual(day);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 28, 2026' })).toBeVisible();
  await expect.poll(() => shownLabels(page)).toEqual(await expectedLabels(workspace, warsaw(11, 28), warsaw(11, 29)));
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 27, 2026' })).toBeVisible();

  // Month view shows six whole weeks: Sun 1 Nov to Sat 12 Dec.
  await views.getByRole('button', { name: 'Month' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 2026' })).toBeVisible();
  await expect.poll(() => shownLabels(page)).toEqual(await expectedLabels(workspace, warsaw(11, 1), warsaw(12, 13)));
});

test('switching the time zone moves the events: New York shows them six hours earlier than Warsaw', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue(TIME_ZONE);

  const qbr = calendar(page).getByRole('button', { name: 'Meeting: Quarterly business review' });
  await expect(qbr).toContainText('10:00');
  await zone.selectOption('America/New_York');
  await expect(qbr).toContainText('04:00');
  await expect(qbr).not.toContainText('10:00');

  // The summary states the time in the chosen zone too.
  await qbr.click();
  const dialog = page.getByRole('dialog', { name: 'Quarterly business review' });
  await expect(dialog).toContainText('4:00');
  await expect(dialog).toContainText('America/New_York');
});

test('Hide weekends removes Saturday and Sunday from the week and month views', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const views = page.getByRole('group', { name: 'Calendar view' });
  const hide = page.getByRole('checkbox', { name: 'Hide weekends' });
  const weekendHeaders = calendar(page).locator('th.fc-day-sat, th.fc-day-sun');

  await expect(weekendHeaders).toHaveCount(2);
  await hide.check();
  await expect(weekendHeaders).toHaveCount(0);
  await expect(calendar(page).locator('th.fc-day-fri')).toHaveCount(1);

  await views.getByRole('button', { name: 'Month' }).click();
  await expect(weekendHeaders).toHaveCount(0);
  await expect(calendar(page).locator('th[role="columnheader"]')).toHaveCount(5);
  await hide.uncheck();
  await expect(weekendHeaders).toHaveCount(2);

  // One day has no weekend to hide.
  await views.getByRole('button', { name: 'Day' }).click();
  await expect(hide).toBeDisabled();
});

test('the key shows and hides meetings and tasks', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const meetings = calendar(page).getByRole('button', { name: /^Meeting: / });
  const tasks = calendar(page).getByRole('button', { name: /^Task: / });
  const week = await expectedLabels(workspace, warsaw(11, 22), warsaw(11, 29));
  const meetingCount = week.filter((l) => l.startsWith('Meeting:')).length;
  const taskCount = week.length - meetingCount;
  await expect(meetings).toHaveCount(meetingCount);
  await expect(tasks).toHaveCount(taskCount);

  const key = page.getByRole('group', { name: 'Key' });
  await key.getByRole('checkbox', { name: 'Meetings' }).uncheck();
  await expect(meetings).toHaveCount(0);
  await expect(tasks).toHaveCount(taskCount);

  await key.getByRole('checkbox', { name: 'Tasks' }).uncheck();
  await expect(tasks).toHaveCount(0);
  await expect(page.getByText('Nothing scheduled in this period.')).toBeVisible();

  await key.getByRole('checkbox', { name: 'Meetings' }).check();
  await expect(meetings).toHaveCount(meetingCount);
  await expect(tasks).toHaveCount(0);
  await key.getByRole('checkbox', { name: 'Tasks' }).check();
  await expect(tasks).toHaveCount(taskCount);
});

test('"Start meeting" asks the host to open the meeting’s link', async ({ page, workspace }) => {
  const opened: unknown[] = [];
  await page.route('**/__host/call/shell:openExternal', async (route) => {
    opened.push(route.request().postDataJSON());
    await route.fulfill({ json: { ok: true, data: { opened: true } } });
  });
  await openSchedule(page, workspace);
  const today = await crmSearch(workspace, 'meetings', 'hs_meeting_start_time', warsaw(11, 27), warsaw(11, 28));
  const qbr = today.find(
    (m) => m.properties.hs_meeting_title === 'Quarterly business review' && toMs(m.properties.hs_meeting_start_time) === warsaw(11, 27, 10),
  );
  expect(qbr?.properties.hs_meeting_external_url).toMatch(/^https:\/\//);

  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const event = calendar(page).locator(`[data-event-id="meetings:${qbr?.id}"]`);
  // Keyboard: events are focusable and open with Enter.
  await event.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Quarterly business review' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start meeting' }).click();
  await expect.poll(() => opened).toEqual([{ url: qbr?.properties.hs_meeting_external_url }]);
  await expect(dialog).toBeHidden();
});

test('a meeting link the host refuses to open is reported, not swallowed', async ({ page, workspace }) => {
  await page.route('**/__host/call/shell:openExternal', (route) => route.fulfill({ json: { ok: true, data: { opened: false } } }));
  await openSchedule(page, workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  await calendar(page).getByRole('button', { name: 'Meeting: Quarterly business review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quarterly business review' });
  await dialog.getByRole('button', { name: 'Start meeting' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The link could not be opened: https://');
  await expect(dialog).toBeVisible();
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });
  test('the schedule speaks Polish, the calendar too', async ({ page, workspace }) => {
    await openWorkspace(page, workspace, '/schedule');
    await expect(page.getByRole('heading', { level: 1, name: 'Harmonogram' })).toBeVisible();
    const views = page.getByRole('group', { name: 'Widok kalendarza' });
    for (const name of ['Dzień', 'Tydzień', 'Miesiąc']) await expect(views.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByLabel('Strefa czasowa')).toHaveValue(TIME_ZONE);
    await expect(page.getByRole('checkbox', { name: 'Ukryj weekendy' })).toBeVisible();
    const key = page.getByRole('group', { name: 'Legenda' });
    await expect(key.getByRole('checkbox', { name: 'Spotkania' })).toBeChecked();
    await expect(key.getByRole('checkbox', { name: 'Zadania' })).toBeChecked();
    await views.getByRole('button', { name: 'Miesiąc' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /listopad 2026/i })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Scenariusze' }).getByRole('button', { name: 'Rozmowa o odnowieniu' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Stan synchronizacji' })).toBeVisible();
    await expect(
      calendar(page)
        .getByRole('button', { name: /^Spotkanie: / })
        .first(),
    ).toBeVisible({ timeout: 30_000 });
  });
});

test('the sidebar lists who the user meets today and playbooks, most recently used first', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const people = page.getByRole('list', { name: 'You meet today' });
  await expect(people.getByRole('listitem').first()).toBeVisible();
  await expect(people).toContainText('Quarterly business review');

  const playbooks = page.getByRole('list', { name: 'Playbooks' });
  const renewal = playbooks.getByRole('button', { name: 'Renewal call' });
  await expect(renewal).toHaveAttribute('aria-expanded', 'false');
  await renewal.click();
  await expect(renewal).toHaveAttribute('aria-expanded', 'true');
  await expect(playbooks).toContainText('Confirm the renewal date and decision makers');
  await expect(playbooks.getByRole('listitem').first()).toContainText('Renewal call');

  await page.getByRole('button', { name: 'New playbook' }).click();
  await page.getByLabel('Playbook name').fill('Escalation call');
  await page.getByLabel('Steps (one per line)').fill('Acknowledge the issue\nAgree a fix date');
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(playbooks.getByRole('listitem').first()).toContainText('Escalation call');

  await page.reload();
  // Let the sync started by the reload finish, so the test does not end with requests in flight.
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Playbooks' }).getByRole('button', { name: 'Escalation call', exact: true })).toBeVisible();
});
