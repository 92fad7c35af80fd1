import { crmApi, expect, openWorkspace, test, waitForOfflineReady, type Workspace } from './fixtures';
import { DAY, searchAll, START_OF_TODAY } from './summary-support';

/**
 * "Prepare for a trip" (docs/product.md §9): from the prepared synced state, the Summary
 * action refreshes the book, then the readiness card counts what is local for the next 7 days,
 * matching the demo CRM; offline after a reload, the card is still there and the action says
 * it needs a connection for the refresh.
 */

async function total(workspace: Workspace, type: string): Promise<number> {
  const res = await crmApi(workspace, `/crm/v3/objects/${type}/search`, { body: { filterGroups: [], properties: ['hs_object_id'], limit: 1 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

test('Prepare for a trip refreshes, then shows what is local for the next 7 days; offline the card stays', async ({ page, context, workspace }) => {
  test.setTimeout(90_000);
  const { ownerId } = (await (await crmApi(workspace, '/__demo/whoami')).json()) as { ownerId: string };
  const end = START_OF_TODAY + 7 * DAY;
  const meetings = (
    await searchAll(
      workspace,
      'meetings',
      [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId }],
      ['hs_meeting_title', 'hs_meeting_start_time'],
    )
  ).filter((m) => {
    const at = Date.parse(m.properties.hs_meeting_start_time ?? '');
    return at >= START_OF_TODAY && at < end;
  });
  expect(meetings.length).toBeGreaterThan(0);
  // Open tasks of mine due before the window ends (overdue ones included).
  const tasks = (
    await searchAll(workspace, 'tasks', [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId }], ['hs_timestamp', 'hs_task_status'])
  ).filter((t) => t.properties.hs_task_status !== 'COMPLETED' && Date.parse(t.properties.hs_timestamp ?? '') < end);
  const companies = await total(workspace, 'companies');
  const definitions = ((await (await crmApi(workspace, '/crm/v3/properties/companies')).json()) as { results: unknown[] }).results.length;
  // One of my accounts renewing within 90 days: the trip keeps its every property for offline.
  const today = new Date(START_OF_TODAY + DAY).toISOString().slice(0, 10);
  const horizon = new Date(START_OF_TODAY + 90 * DAY).toISOString().slice(0, 10);
  const renewing = (await searchAll(workspace, 'companies', [{ propertyName: 'csm_owner', operator: 'EQ', value: ownerId }], ['name', 'renewal_date'])).find(
    (c) => (c.properties.renewal_date ?? '') >= today && (c.properties.renewal_date ?? '') < horizon,
  )!;
  expect(renewing).toBeDefined();

  await openWorkspace(page, workspace);
  const card = page.getByRole('region', { name: 'Prepare for a trip' });
  // The session's first sync may still run: the action joins it (one sync path) and waits for its end.
  await card.getByRole('button', { name: 'Prepare for a trip of 7 days' }).click();
  await expect(card.getByTestId('trip-progress')).toBeVisible();
  const readiness = card.getByTestId('trip-readiness');
  await expect(readiness).toHaveAttribute('data-level', 'ready', { timeout: 75_000 });
  await expect(card.getByTestId('trip-progress')).toBeHidden();
  await expect(readiness).toContainText('Ready for the next 7 days');

  const cell = (part: string, col: 'trip' | 'local') => readiness.locator(`tr[data-part="${part}"] td[data-col="${col}"]`);
  await expect(cell('meetings', 'trip')).toHaveText(String(meetings.length));
  await expect(cell('tasks', 'trip')).toHaveText(String(tasks.length));
  await expect(cell('accounts', 'local')).toHaveText(String(companies));
  const first = [...meetings].sort((a, b) => Date.parse(a.properties.hs_meeting_start_time!) - Date.parse(b.properties.hs_meeting_start_time!))[0]!;
  await expect(readiness.getByRole('list', { name: 'Meetings in the window' })).toContainText(first.properties.hs_meeting_title!);
  await expect(readiness).toContainText(/Local data uses [\d.,]+ MB/);
  await expect(readiness.getByTestId('trip-not-offline')).toContainText('Property history');

  // Settings has the same action and card.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Prepare for a trip' });
  await expect(settings.getByRole('button', { name: 'Prepare for a trip of 7 days' })).toBeEnabled();
  await expect(settings.getByTestId('trip-readiness')).toContainText('Ready for the next 7 days');
  await page.keyboard.press('Escape');

  // Offline and reloaded: the card is read from the local store; the action says what it needs.
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(card.getByTestId('trip-readiness')).toContainText('Ready for the next 7 days');
  await expect(cell('meetings', 'trip')).toHaveText(String(meetings.length));
  await expect(card.getByTestId('trip-offline')).toHaveText('Refreshing needs a connection. Preparing now shows what is already on this computer.');

  // The record preview's "All properties" opens offline from what the trip kept.
  await page.goto(`${workspace.url}#/portfolio?record=companies/${renewing.id}`);
  const preview = page.getByRole('complementary', { name: renewing.properties.name! });
  await preview.getByRole('heading', { level: 3, name: 'All properties' }).click();
  const all = preview.getByRole('region', { name: 'All properties' });
  await all.getByRole('button', { name: 'Show all properties from the CRM' }).click();
  await expect(all.getByTestId('all-properties-saved')).toContainText('Saved for your trip');
  // Every property the CRM defines for companies, not only the ones the sync keeps.
  await expect(all.getByRole('definition')).toHaveCount(definitions);
  await context.setOffline(false);
});
