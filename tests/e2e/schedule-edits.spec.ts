import { crmApi, expect, reconnectAndDrain, test, waitForOfflineReady } from './fixtures';
import { warsaw, type CrmRow, boxesOnScreen, calendar, crmDueAt, dayWithTaskAtOne, dragToSlot, toMs, openSchedule } from './schedule-support';

// Tall enough that the working day (07:00–18:00) is on screen in the day and week views.
test.use({ viewport: { width: 1400, height: 1200 } });

test('a task dragged on the calendar gets its new due time in the CRM', async ({ page, workspace }) => {
  const { id, event } = await dayWithTaskAtOne(page, workspace);

  await dragToSlot(page, `tasks:${id}`, '15:00:00');
  await expect(event).toContainText('15:00');
  await expect.poll(() => crmDueAt(workspace, id), { timeout: 30_000 }).toBe(warsaw(11, 27, 15));
  // The outbox is empty once the push is done; let that pass finish before the test ends.
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('No pending edits');
  await expect(status).toContainText('Last synced');
});

test('events that change during a drag, as a sync can change them, leave one copy of the dragged task, at its new time', async ({ page, workspace }) => {
  const { id, event } = await dayWithTaskAtOne(page, workspace);
  const meetings = page.getByRole('checkbox', { name: 'Meetings' });
  const meetingEvents = calendar(page).locator('[data-event-id^="meetings:"]');
  await expect(meetingEvents.first()).toBeVisible();

  // Mid-drag, the calendar's events change (here the meetings are hidden; in use, a sync's answer).
  await dragToSlot(page, `tasks:${id}`, '15:00:00', async () => {
    await meetings.evaluate((box: HTMLInputElement) => box.click());
    await expect(meetingEvents).toHaveCount(0);
  });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('15:00');
  await expect.poll(() => crmDueAt(workspace, id), { timeout: 30_000 }).toBe(warsaw(11, 27, 15));
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('No pending edits');
  await expect(event).toHaveCount(1);
});

test('the summary of a task completes it and reschedules it, and the CRM gets both', async ({ page, workspace }) => {
  const { id, event } = await dayWithTaskAtOne(page, workspace);
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
  const { from, slot } = await boxesOnScreen(page, qbr, '15:00:00');
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, slot.y + slot.height / 2);
  await page.mouse.up();
  await expect(qbr).toContainText('10:00');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('No pending edits');
});

test('a task dragged offline stays moved across a reload and reaches the CRM when back online', async ({ page, context, workspace }) => {
  const { id, event } = await dayWithTaskAtOne(page, workspace);
  await waitForOfflineReady(page);

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
