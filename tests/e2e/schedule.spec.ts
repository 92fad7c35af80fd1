import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { crmApi, expect, openWorkspace, reconnectAndDrain, test, TIME_ZONE, waitForOfflineReady, type Workspace } from './fixtures';

/** Alex Morgan, the demo CRM's default signed-in user. */
const OWNER = '60000001';
const warsaw = (month: number, day: number, hour = 0, minute = 0) => DateTime.fromObject({ year: 2026, month, day, hour, minute }, { zone: TIME_ZONE }).toMillis();

interface CrmRow {
  id: string;
  properties: Record<string, string | null>;
}

/** Every record of the owner with `prop` in [from, to), paging through the CRM's search. */
async function crmSearch(workspace: Workspace, type: 'meetings' | 'tasks', prop: string, from: number, to: number): Promise<CrmRow[]> {
  const rows: CrmRow[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await crmApi(workspace, `/crm/v3/objects/${type}/search`, {
      body: {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hubspot_owner_id', operator: 'EQ', value: OWNER },
              { propertyName: prop, operator: 'GTE', value: String(from) },
              { propertyName: prop, operator: 'LT', value: String(to) },
            ],
          },
        ],
        properties: ['hs_meeting_title', 'hs_meeting_start_time', 'hs_meeting_external_url', 'hs_task_subject', 'hs_timestamp', 'hs_task_status'],
        limit: 100,
        ...(after ? { after } : {}),
      },
    });
    // The CRM limits search requests per second, as HubSpot does; wait as it says and ask again.
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: CrmRow[]; paging?: { next?: { after: string } } };
    rows.push(...body.results);
    after = body.paging?.next?.after;
    if (after === undefined) return rows;
  }
}

/** The accessible names the calendar should show for the owner's meetings and tasks in [from, to). */
async function expectedLabels(workspace: Workspace, from: number, to: number): Promise<string[]> {
  const [meetings, tasks] = await Promise.all([
    crmSearch(workspace, 'meetings', 'hs_meeting_start_time', from, to),
    crmSearch(workspace, 'tasks', 'hs_timestamp', from, to),
  ]);
  return [...meetings.map((m) => `Meeting: ${m.properties.hs_meeting_title}`), ...tasks.map((t) => `Task: ${t.properties.hs_task_subject}`)].sort();
}

const calendar = (page: Page) => page.getByRole('region', { name: /^(Calendar|Kalendarz)$/ });
const shownLabels = (page: Page) =>
  calendar(page)
    .locator('[data-event-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').sort());

/** The open task of the owner due today at 13:00 (the demo CRM's agenda has one). */
async function taskAtOne(workspace: Workspace): Promise<string> {
  const tasks = await crmSearch(workspace, 'tasks', 'hs_timestamp', warsaw(11, 27, 13), warsaw(11, 27, 13, 1));
  const task = tasks.find((t) => t.properties.hs_task_status !== 'COMPLETED');
  expect(task, 'the demo CRM has an open task due today at 13:00').toBeTruthy();
  return task?.id ?? '';
}

async function crmDueAt(workspace: Workspace, id: string): Promise<number> {
  const res = await crmApi(workspace, `/crm/v3/objects/tasks/${id}?properties=hs_timestamp`);
  return toMs(((await res.json()) as CrmRow).properties.hs_timestamp);
}

/** Grab the event inside its first half-hour slot and drop it in the slot starting at `time` on the same day. */
async function dragToSlot(page: Page, eventId: string, time: string) {
  const from = await calendar(page).locator(`[data-event-id="${eventId}"]`).boundingBox();
  const slot = await calendar(page).locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  if (!from || !slot) throw new Error(`the event or the ${time} slot is not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  // A real hand moves through the grid: FullCalendar starts the drag after a few pixels.
  await page.mouse.move(from.x + from.width / 2, from.y + 12, { steps: 4 });
  await page.mouse.move(from.x + from.width / 2, slot.y + slot.height / 2, { steps: 12 });
  await page.mouse.up();
  // The drag is over when FullCalendar has removed its mirror of the event.
  await expect(calendar(page).locator('.fc-event-mirror')).toHaveCount(0);
}

const toMs = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : Date.parse(v ?? ''));

async function openSchedule(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/schedule');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 30_000 });
}

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
  const qbr = today.find((m) => m.properties.hs_meeting_title === 'Quarterly business review' && toMs(m.properties.hs_meeting_start_time) === warsaw(11, 27, 10));
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

test('a task dragged on the calendar gets its new due time in the CRM', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const id = await taskAtOne(workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const event = calendar(page).locator(`[data-event-id="tasks:${id}"]`);
  await expect(event).toContainText('13:00');

  await dragToSlot(page, `tasks:${id}`, '15:00:00');
  await expect(event).toContainText('15:00');
  await expect.poll(() => crmDueAt(workspace, id), { timeout: 30_000 }).toBe(warsaw(11, 27, 15));
  // The outbox is empty once the push is done; let that pass finish before the test ends.
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('No pending edits');
  await expect(status).toContainText('Last synced');
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

test('the summary of a task completes it and reschedules it, and the CRM gets both', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  const id = await taskAtOne(workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const event = calendar(page).locator(`[data-event-id="tasks:${id}"]`);
  const subject = (await event.getAttribute('aria-label'))?.replace(/^Task: /, '') ?? '';

  await event.click();
  let dialog = page.getByRole('dialog', { name: subject });
  await expect(dialog).toContainText('Open');
  // 27 Nov 2026, 18:30 in the calendar's zone (Warsaw).
  await dialog.getByLabel('New due date and time').fill('2026-11-27T18:30');
  await dialog.getByRole('button', { name: 'Reschedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(event).toContainText('18:30');

  await event.click();
  dialog = page.getByRole('dialog', { name: subject });
  await dialog.getByRole('button', { name: 'Complete' }).click();
  await expect(dialog).toBeHidden();
  await event.click();
  await expect(page.getByRole('dialog', { name: subject })).toContainText('Completed');
  await page.getByRole('dialog', { name: subject }).getByRole('button', { name: 'Close' }).click();

  await expect
    .poll(
      async () => {
        const res = await crmApi(workspace, `/crm/v3/objects/tasks/${id}?properties=hs_timestamp,hs_task_status`);
        const p = ((await res.json()) as CrmRow).properties;
        return [toMs(p.hs_timestamp), p.hs_task_status];
      },
      { timeout: 30_000 },
    )
    .toEqual([warsaw(11, 27, 18, 30), 'COMPLETED']);
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('No pending edits');
  await expect(status).toContainText('Last synced');
});

test('meetings cannot be dragged', async ({ page, workspace }) => {
  await openSchedule(page, workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const qbr = calendar(page).getByRole('button', { name: 'Meeting: Quarterly business review' });
  await expect(qbr).toContainText('10:00');
  const from = await qbr.boundingBox();
  const slot = await calendar(page).locator('td.fc-timegrid-slot-lane[data-time="15:00:00"]').boundingBox();
  if (!from || !slot) throw new Error('the meeting or the 15:00 slot is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, slot.y + slot.height / 2);
  await page.mouse.up();
  await expect(qbr).toContainText('10:00');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('No pending edits');
});

test('a task dragged offline stays moved across a reload and reaches the CRM when back online', async ({ page, context, workspace }) => {
  await openSchedule(page, workspace);
  await waitForOfflineReady(page);
  const id = await taskAtOne(workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const event = calendar(page).locator(`[data-event-id="tasks:${id}"]`);
  await expect(event).toContainText('13:00');

  await context.setOffline(true);
  await dragToSlot(page, `tasks:${id}`, '16:00:00');
  await expect(event).toContainText('16:00');
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('1 pending edit');

  await page.reload();
  // The calendar comes back in the view the user left it in, with the pending time.
  await expect(page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' })).toHaveAttribute('aria-pressed', 'true');
  await expect(event).toContainText('16:00');
  expect(await crmDueAt(workspace, id)).toBe(warsaw(11, 27, 13));

  await reconnectAndDrain(page, context);
  expect(await crmDueAt(workspace, id)).toBe(warsaw(11, 27, 16));
  await expect(status).toContainText('Last synced');
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
    await expect(calendar(page).getByRole('button', { name: /^Spotkanie: / }).first()).toBeVisible({ timeout: 30_000 });
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
