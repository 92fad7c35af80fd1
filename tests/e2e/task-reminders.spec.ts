import type { Request } from '@playwright/test';
import { expect, FIXED_NOW, test } from './fixtures';
import { crmTasks, buckets, openTasks, selectView, row } from './tasks-support';

// Leave the page before the fixture stops the web host, so its open connections do not log errors.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('a notification link opens that task highlighted with its editor', async ({ page, workspace }) => {
  const b = buckets(await crmTasks(workspace), FIXED_NOW + 60_000);
  const id = b['all-completed'][0] as string;
  await openTasks(page, workspace, `/tasks?task=${id}`);
  await expect(page).toHaveURL(/view=all-completed/);
  await expect(row(page, id)).toHaveClass(/task-highlight/);
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
});

test('a task coming due produces exactly one notification request through the host, with its subject and a click target', async ({ page, workspace }) => {
  const requests: { id: string; title: string; body: string; target?: string }[] = [];
  await page.route('**/__host/call/notify:show', async (route, request: Request) => {
    requests.push(request.postDataJSON() as (typeof requests)[number]);
    await route.continue();
  });
  const tasks = await crmTasks(workspace);
  const open = tasks.filter((t) => t.status !== 'COMPLETED');
  // The next announcement after now: a due time or a reminder time.
  const next = open
    .flatMap((t) => [...(t.due === null ? [] : [{ t, at: t.due }]), ...t.reminders.map((at) => ({ t, at }))])
    .filter((o) => o.at > FIXED_NOW + 5 * 60_000)
    .sort((x, y) => x.at - y.at)[0];
  if (!next) throw new Error('the demo CRM has no upcoming task');

  await openTasks(page, workspace);
  await expect(page.getByTestId('count-all-open')).toHaveText(String(open.length));
  const clockNow = await page.evaluate(() => Date.now());
  // Jump to shortly before it (the tick after the jump finds nothing), then let the clock run past it.
  await page.clock.fastForward(next.at - clockNow - 20_000);
  await page.clock.runFor(90_000);
  await expect.poll(() => requests.length).toBe(1);
  expect(requests[0]?.title).toContain(next.t.subject);
  expect(requests[0]?.target).toBe(`/tasks?task=${next.t.id}`);
  // Nothing more for it: the clock running on announces it again neither now nor later.
  await page.clock.runFor(120_000);
  expect(requests.length).toBe(1);
});

test('under the web host a due task is shown with the browser Notification API, and clicking it opens that task', async ({ page, context, workspace }) => {
  await context.grantPermissions(['notifications'], { origin: workspace.url });
  // Record the page's real notifications (each is still constructed and shown by Chromium).
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: Notification[] = [];
    (window as unknown as { shownNotifications: Notification[] }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(this);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
  const open = (await crmTasks(workspace)).filter((t) => t.status !== 'COMPLETED');
  const next = open
    .flatMap((t) => [...(t.due === null ? [] : [{ t, at: t.due }]), ...t.reminders.map((at) => ({ t, at }))])
    .filter((o) => o.at > FIXED_NOW + 5 * 60_000)
    .sort((x, y) => x.at - y.at)[0];
  if (!next) throw new Error('the demo CRM has no upcoming task');

  await openTasks(page, workspace, '/tasks?view=all-open');
  await expect(page.getByTestId('count-all-open')).toHaveText(String(open.length));
  expect(await page.evaluate(() => Notification.permission)).toBe('granted');
  const clockNow = await page.evaluate(() => Date.now());
  await page.clock.fastForward(next.at - clockNow - 20_000);
  await page.clock.runFor(90_000);
  const read = () =>
    page.evaluate(() => (window as unknown as { shownNotifications: Notification[] }).shownNotifications.map((n) => ({ title: n.title, tag: n.tag })));
  await expect.poll(async () => (await read()).length).toBe(1);
  const [shown] = await read();
  expect(shown?.title).toContain(next.t.subject);
  expect(shown?.tag).not.toBe('');

  // Move away, then click the notification: the window comes back on that task.
  await selectView(page, 'all-completed');
  await page.evaluate(() => (window as unknown as { shownNotifications: Notification[] }).shownNotifications[0]?.dispatchEvent(new Event('click')));
  await expect(page).toHaveURL(new RegExp(`task=${next.t.id}`));
  await expect(row(page, next.t.id)).toHaveClass(/task-highlight/);
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
});

test('under the web host the tab offers to ask for the browser permission until it is granted', async ({ page, context, workspace }) => {
  await openTasks(page, workspace);
  const allow = page.getByRole('button', { name: 'Allow notifications in this browser' });
  await expect(allow).toBeVisible();
  // The user allows it in the browser's prompt.
  await context.grantPermissions(['notifications'], { origin: workspace.url });
  await allow.click();
  await expect(allow).toHaveCount(0);
  expect(await page.evaluate(() => Notification.permission)).toBe('granted');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Desktop notifications for due tasks' })).toBeChecked();
  await expect(allow).toHaveCount(0);
});
