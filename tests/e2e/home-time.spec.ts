import { expect, openWorkspace, test } from './fixtures';
import { calendar } from './schedule-support';
import { crmTask, row, rowIds } from './tasks-support';

/**
 * Home and local time (docs/product.md §11): the browser runs in Lisbon while the CSM's home
 * is Warsaw (where the prepared first run was; set again in Settings). The change is stated once, not again after a reload, and Tasks
 * and Schedule give home time beside local time. On Fri 27 Nov 2026 Lisbon is UTC+0, Warsaw UTC+1.
 */
test.use({ timezoneId: 'Europe/Lisbon', viewport: { width: 1400, height: 1200 } });

const NOTICE = 'You are in Europe/Lisbon (UTC+0); home is Europe/Warsaw (UTC+1). Times are shown in local time, with home time alongside.';

test('away from home: the zone change is stated once, Tasks and Schedule show home time beside local time', async ({ page, workspace }) => {
  await openWorkspace(page, workspace, '/tasks?view=all-open');
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Lisbon');
  await expect(page.getByText('Times in Europe/Lisbon')).toBeVisible();
  const notice = page.getByTestId('home-time-notice');

  // The prepared first run was at home in Warsaw (its zone became home): opened in Lisbon, the trip is stated.
  await expect(notice.locator('p')).toHaveText(NOTICE);

  // Tasks: each due time with Warsaw's beside it (an hour later).
  await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(0);
  const first = (await rowIds(page))[0];
  const stamp = (await crmTask(workspace, first!)).hs_timestamp ?? '';
  const due = /^\d+$/.test(stamp) ? Number(stamp) : Date.parse(stamp);
  const warsawTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
  const dueCell = row(page, first!).locator('.col-due');
  await expect(dueCell).toContainText(new RegExp(`home (\\w{3} )?${warsawTime}$`));

  // Settings → Time zones: home is Lisbon now (nothing to state, no second time), then Warsaw again (stated).
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Time zones' });
  const home = section.getByLabel('Home time zone');
  await expect(home).toHaveValue('Europe/Warsaw');
  await expect(section.getByRole('checkbox', { name: 'Show home time too' })).toBeChecked();
  // A combobox: typing filters the ~400 zones, a click (or Enter) picks one.
  const choose = async (text: string, zone: string) => {
    await home.fill(text);
    await page.getByRole('option', { name: new RegExp(`^${zone}`) }).click();
    await expect(home).toHaveValue(zone);
  };
  await choose('lisb', 'Europe/Lisbon');
  await expect(notice).toBeHidden();
  await expect(dueCell).not.toContainText('home');
  await choose('warsaw', 'Europe/Warsaw');
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(notice.locator('p')).toHaveText(NOTICE);
  await expect(dueCell).toContainText(`home`);

  await notice.getByRole('button', { name: 'Dismiss the time zone notice' }).click();
  await expect(notice).toBeHidden();

  // After a reload it is not stated again (home time is shown, so the zones were read).
  await page.reload();
  await expect(dueCell).toContainText(new RegExp(`home (\\w{3} )?${warsawTime}$`));
  await expect(notice).toBeHidden();

  // Schedule: the calendar is in local time; the summary adds home time.
  await page.goto(`${workspace.url}#/schedule`);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Lisbon');
  const qbr = calendar(page).getByRole('button', { name: 'Meeting: Quarterly business review' });
  // 10:00 in Warsaw is 09:00 in Lisbon.
  await expect(qbr).toContainText('09:00');
  await qbr.click();
  const summary = page.getByRole('dialog', { name: 'Quarterly business review' });
  await expect(summary).toContainText('9:00');
  await expect(summary.getByTestId('home-time')).toContainText('10:00');
  await expect(summary.getByTestId('home-time')).toContainText('Europe/Warsaw');
  await expect(notice).toBeHidden();
});
