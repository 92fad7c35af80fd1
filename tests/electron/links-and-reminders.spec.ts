import type { ElectronApplication } from '@playwright/test';
import { connectHubspot, electronBinary, expect, launch, secondLaunch, SKIP_REASON, test } from './electron-app';

test.skip(electronBinary() === null, SKIP_REASON);

/** The first company and Alex Morgan's owner id in the test's demo CRM (which plays HubSpot). */
async function crmFacts(api: (path: string, init?: { body?: unknown }) => Promise<Response>) {
  const companies = (await (await api('/crm/v3/objects/companies?limit=1&properties=name')).json()) as {
    results: Array<{ id: string; properties: { name: string } }>;
  };
  const owners = (await (await api('/crm/v3/owners?limit=100')).json()) as { results: Array<{ id: string; firstName: string; lastName: string }> };
  const company = companies.results[0];
  const alex = owners.results.find((o) => `${o.firstName} ${o.lastName}` === 'Alex Morgan');
  if (!company || !alex) throw new Error('the demo CRM has no company or no Alex Morgan');
  return { company, ownerId: alex.id };
}

/** Records what main shows as a notification, so the test can click it (an OS notification has no page). */
function recordNotifications(app: ElectronApplication) {
  return app.evaluate(({ Notification }) => {
    const shown: Electron.Notification[] = [];
    Object.assign(globalThis, { csShown: shown });
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: Electron.Notification) {
      shown.push(this);
      show.call(this);
    };
  });
}

test('a deep link opens the record: at launch and from a second launch', async ({ dataDir, crm }) => {
  const { company } = await crmFacts(crm.api);
  const link = `cs-workspace://record/companies/${company.id}`;
  const first = await launch(dataDir, ['--hubspot-url', crm.url]);
  await connectHubspot(first.page);
  await secondLaunch(first.app, [link]);
  const preview = first.page.getByRole('complementary', { name: company.properties.name });
  await expect(preview.getByRole('heading', { name: company.properties.name })).toBeVisible();
  await first.app.evaluate(({ app }) => app.exit(0));

  const again = await launch(dataDir, ['--hubspot-url', crm.url, link]);
  await expect(again.page.getByRole('complementary', { name: company.properties.name })).toBeVisible();
  // A link that is not one of ours opens nothing.
  await secondLaunch(again.app, ['cs-workspace://record/notes/1']);
  await expect(again.page).toHaveURL(new RegExp(`#/portfolio\\?record=companies/${company.id}$`));
  await again.app.evaluate(({ app }) => app.exit(0));
});

test('a due reminder fires from main and its click opens the task', async ({ dataDir, crm }) => {
  const { ownerId } = await crmFacts(crm.api);
  const due = Date.now() + 150_000;
  const created = (await (
    await crm.api('/crm/v3/objects/tasks', {
      body: {
        properties: {
          hs_task_subject: 'Electron reminder check',
          hs_timestamp: String(due),
          hs_task_reminders: String(Date.now() + 60_000),
          hs_task_status: 'NOT_STARTED',
          hubspot_owner_id: ownerId,
        },
      },
    })
  ).json()) as { id: string };
  const { app, page } = await launch(dataDir, ['--hubspot-url', crm.url]);
  await recordNotifications(app);
  await connectHubspot(page);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect
    .poll(
      () =>
        app.evaluate(() =>
          (globalThis as unknown as { csShown: Electron.Notification[] }).csShown.some((n) => n.title === 'Reminder: Electron reminder check'),
        ),
      {
        timeout: 120_000,
      },
    )
    .toBe(true);
  await app.evaluate(() => {
    const shown = (globalThis as unknown as { csShown: Electron.Notification[] }).csShown;
    shown.find((n) => n.title === 'Reminder: Electron reminder check')?.emit('click');
  });
  await expect(page).toHaveURL(new RegExp(`#/tasks\\?.*task=${created.id}`));
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
  await app.evaluate(({ app: electronApp }) => electronApp.exit(0));
});
