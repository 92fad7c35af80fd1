import type { BrowserContext, Locator, Page } from '@playwright/test';
import { colleagueEdits, crmApi, DRAIN_TIMEOUT_MS, expect, openWorkspace, reconnectAndDrain, test, waitForOfflineReady, type Workspace } from './fixtures';

/** A record of the demo CRM in a given stage, found through its search API. */
async function findRecord(workspace: Workspace, type: 'deals' | 'tickets', pipeline: string, stage: string, extra: Array<Record<string, string>> = []) {
  const [pProp, sProp, nameProp] = type === 'deals' ? ['pipeline', 'dealstage', 'dealname'] : ['hs_pipeline', 'hs_pipeline_stage', 'subject'];
  const res = await crmApi(workspace, `/crm/v3/objects/${type}/search`, {
    body: {
      filterGroups: [{ filters: [{ propertyName: pProp, operator: 'EQ', value: pipeline }, { propertyName: sProp, operator: 'EQ', value: stage }, ...extra] }],
      properties: [nameProp, sProp],
      limit: 1,
    },
  });
  const body = (await res.json()) as { results: Array<{ id: string; properties: Record<string, string> }> };
  const rec = body.results[0];
  if (!rec) throw new Error(`no ${type} in ${pipeline}/${stage}`);
  return { id: rec.id, name: rec.properties[nameProp] ?? '' };
}

async function crmProperty(workspace: Workspace, type: string, id: string, property: string) {
  const res = await crmApi(workspace, `/crm/v3/objects/${type}/${id}?properties=${property}`);
  return ((await res.json()) as { properties: Record<string, string | null> }).properties[property];
}

async function openSynced(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/pipelines');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
  await expect(page.getByRole('combobox', { name: 'Pipeline', exact: true })).toBeVisible();
}

const column = (page: Page, stage: string) => page.getByRole('list', { name: stage, exact: true });
const card = (page: Page, id: string) => page.locator(`li[data-id="${id}"]`);

/** A real mouse drag (HTML5 drag and drop through SortableJS), grabbing the card by its name. */
async function drag(page: Page, id: string, toStage: string) {
  await card(page, id).dragTo(column(page, toStage), { sourcePosition: { x: 12, y: 8 } });
}

/** Offline, a deal dragged to a stage: the move waits on its card as Pending. */
async function moveOffline(page: Page, context: BrowserContext, id: string, toStage: string) {
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await drag(page, id, toStage);
  await expect(column(page, toStage).locator(`li[data-id="${id}"]`)).toContainText('Pending');
}

/** A drag to a stage whose rules need a property: the dialog asks for it (`answer`), and Save moves the card there. */
async function dragAndAnswer(page: Page, record: { id: string; name: string }, toStage: string, answer: (dialog: Locator) => Promise<unknown>) {
  await drag(page, record.id, toStage);
  const dialog = page.getByRole('dialog', { name: `Move ${record.name} to ${toStage}` });
  await answer(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(column(page, toStage).locator(`li[data-id="${record.id}"]`)).toBeVisible();
}

test('a deal dragged to another stage moves at once and reaches the CRM', async ({ page, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'appointmentscheduled');
  await openSynced(page, workspace);
  await expect(page.getByRole('combobox', { name: 'Pipeline', exact: true })).toHaveValue('deals:default');
  await expect(column(page, 'Opportunity identified').getByRole('listitem', { name: deal.name }).first()).toBeVisible();

  await drag(page, deal.id, 'Qualified');
  await expect(column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`)).toBeVisible();
  await expect(column(page, 'Opportunity identified').locator(`li[data-id="${deal.id}"]`)).toHaveCount(0);
  await expect.poll(() => crmProperty(workspace, 'deals', deal.id, 'dealstage'), { timeout: 20_000 }).toBe('qualifiedtobuy');
  await expect(card(page, deal.id)).not.toContainText('Pending');
});

test('the stage menu on a card moves it without a mouse', async ({ page, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'appointmentscheduled');
  await openSynced(page, workspace);
  const menu = card(page, deal.id).getByRole('combobox', { name: `Move ${deal.name} to stage` });
  await menu.focus();
  await menu.selectOption({ label: 'Qualified' });
  await expect(column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`)).toBeVisible();
  await expect.poll(() => crmProperty(workspace, 'deals', deal.id, 'dealstage'), { timeout: 20_000 }).toBe('qualifiedtobuy');
});

test('offline: a drag is kept across a reload, pending, and reaches the CRM on reconnect', async ({ page, context, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'appointmentscheduled');
  await openSynced(page, workspace);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');

  await drag(page, deal.id, 'Qualified');
  const moved = column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`);
  await expect(moved).toBeVisible();
  await expect(moved).toContainText('Pending');

  await page.reload();
  await expect(column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`)).toContainText('Pending');
  expect(await crmProperty(workspace, 'deals', deal.id, 'dealstage')).toBe('appointmentscheduled');

  await reconnectAndDrain(page, context);
  expect(await crmProperty(workspace, 'deals', deal.id, 'dealstage')).toBe('qualifiedtobuy');
  await expect(column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`)).not.toContainText('Pending', { timeout: DRAIN_TIMEOUT_MS });
});

test('a stage with required properties asks for them: Cancel puts the card back, Save moves it', async ({ page, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'qualifiedtobuy');
  await openSynced(page, workspace);

  await drag(page, deal.id, 'Closed lost');
  const dialog = page.getByRole('dialog', { name: `Move ${deal.name} to Closed lost` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(column(page, 'Qualified').locator(`li[data-id="${deal.id}"]`)).toBeVisible();
  await expect(column(page, 'Closed lost').locator(`li[data-id="${deal.id}"]`)).toHaveCount(0);
  expect(await crmProperty(workspace, 'deals', deal.id, 'dealstage')).toBe('qualifiedtobuy');

  await drag(page, deal.id, 'Closed lost');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('Chose a competitor');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(column(page, 'Closed lost').locator(`li[data-id="${deal.id}"]`)).toBeVisible();
  await expect.poll(() => crmProperty(workspace, 'deals', deal.id, 'dealstage'), { timeout: 20_000 }).toBe('closedlost');
  expect(await crmProperty(workspace, 'deals', deal.id, 'closed_lost_reason')).toBe('Chose a competitor');
});

test('a conflicting stage change in the CRM shows up as a conflict on the card', async ({ page, context, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'appointmentscheduled');
  await openSynced(page, workspace);
  await moveOffline(page, context, deal.id, 'Qualified');

  await colleagueEdits(workspace, 'deals', deal.id, { dealstage: 'contractsent' });

  await context.setOffline(false);
  await expect(card(page, deal.id)).toContainText('Conflict', { timeout: DRAIN_TIMEOUT_MS });
  expect(await crmProperty(workspace, 'deals', deal.id, 'dealstage')).toBe('contractsent');
});

test('ticket pipelines work the same way, required properties included', async ({ page, workspace }) => {
  const ticket = await findRecord(workspace, 'tickets', '0', '1');
  await openSynced(page, workspace);
  await page.getByRole('combobox', { name: 'Pipeline', exact: true }).selectOption({ label: 'Support pipeline' });
  await expect(column(page, 'New').locator(`li[data-id="${ticket.id}"]`)).toBeVisible();

  await drag(page, ticket.id, 'Waiting on us');
  await expect(column(page, 'Waiting on us').locator(`li[data-id="${ticket.id}"]`)).toBeVisible();
  await expect.poll(() => crmProperty(workspace, 'tickets', ticket.id, 'hs_pipeline_stage'), { timeout: 20_000 }).toBe('3');

  await dragAndAnswer(page, ticket, 'Closed', (dialog) => dialog.getByRole('combobox').selectOption('WORKAROUND'));
  await expect.poll(() => crmProperty(workspace, 'tickets', ticket.id, 'hs_pipeline_stage'), { timeout: 20_000 }).toBe('4');
  expect(await crmProperty(workspace, 'tickets', ticket.id, 'hs_resolution')).toBe('WORKAROUND');
});

test('the table shows the same records with the same filters', async ({ page, workspace }) => {
  await openSynced(page, workspace);
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('me');
  const boardCount = await page.locator('li[data-id]').count();
  await page.getByRole('button', { name: 'Table' }).click();
  const table = page.getByRole('table', { name: 'Records in Expansion pipeline' });
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(boardCount);
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('list', { name: 'Qualified', exact: true })).toBeVisible();
});

test.describe(() => {
  // Lag off: this checks the rejection UI, and expects the pull right after reconnect to see the cleared amount.
  test.use({ workspaceOptions: { searchLag: false } });
  test('a move the CRM rejects later shows the error on the card, and Fix asks for the property and retries', async ({ page, context, workspace }) => {
    const deal = await findRecord(workspace, 'deals', 'default', 'qualifiedtobuy');
    await openSynced(page, workspace);
    const amountShown = (await card(page, deal.id).getByTitle('Amount').textContent()) ?? '';
    // The deal has an amount here, so "Contract sent" (which requires one) asks for nothing...
    await moveOffline(page, context, deal.id, 'Contract sent');
    // ...but meanwhile someone cleared it in the CRM, which then refuses the stage.
    await colleagueEdits(workspace, 'deals', deal.id, { amount: '' });

    await context.setOffline(false);
    const rejected = card(page, deal.id).getByRole('alert');
    await expect(rejected).toContainText('The CRM rejected this change', { timeout: DRAIN_TIMEOUT_MS });
    // The card is not silently back: it carries the error; the pull brings the cleared amount.
    await expect(card(page, deal.id).getByTitle('Amount')).toHaveCount(0, { timeout: 30_000 });
    expect(amountShown).not.toBe('');

    await rejected.getByRole('button', { name: 'Fix and retry' }).click();
    const dialog = page.getByRole('dialog', { name: `Fix ${deal.name} for Contract sent` });
    await dialog.getByRole('spinbutton').fill('4200');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => crmProperty(workspace, 'deals', deal.id, 'dealstage'), { timeout: 30_000 }).toBe('contractsent');
    expect(await crmProperty(workspace, 'deals', deal.id, 'amount')).toBe('4200');
    await expect(column(page, 'Contract sent').locator(`li[data-id="${deal.id}"]`)).not.toContainText('The CRM rejected', { timeout: 30_000 });
  });
});

test('filters save as a private view and come back; a card opens the preview', async ({ page, workspace }) => {
  await openSynced(page, workspace);
  const cards = page.locator('li[data-id]');
  const all = await cards.count();
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('me');
  await expect.poll(() => cards.count()).toBeLessThan(all);
  const mine = await cards.count();
  expect(mine).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the current filters as a view' });
  await dialog.getByRole('textbox', { name: 'View name' }).fill('My expansion deals');
  await expect(dialog.getByRole('combobox', { name: 'Visible to' })).toHaveValue('private');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards).toHaveCount(all);
  await page.getByRole('combobox', { name: 'Saved view' }).selectOption({ label: 'My expansion deals · Private' });
  await expect(cards).toHaveCount(mine);
  // The owner choice comes back as an advanced filter of the view.
  await expect(page.getByRole('button', { name: 'Advanced filters (1)' })).toBeVisible();

  const first = cards.first();
  const name = (await first.getAttribute('aria-label')) ?? '';
  await first.click({ position: { x: 12, y: 8 } });
  const preview = page.getByRole('complementary', { name });
  await expect(preview).toBeVisible();
  // The deal's stage reads as its label, as on the board, never as the stage id.
  const keyProperties = preview.getByRole('region', { name: 'Key properties' });
  await expect(keyProperties).toContainText(/Opportunity identified|Qualified|Contract sent|Closed won|Closed lost/);
  await expect(keyProperties).not.toContainText(/appointmentscheduled|qualifiedtobuy|contractsent|closedwon|closedlost/i);
});

test('stage rules defined in the workspace are asked for like the ones the CRM serves', async ({ page, workspace }) => {
  const deal = await findRecord(workspace, 'deals', 'default', 'appointmentscheduled');
  await openSynced(page, workspace);
  await page.getByRole('button', { name: 'Stage rules' }).click();
  const rules = page.getByRole('dialog', { name: 'Stage rules of Expansion pipeline' });
  await expect(rules.getByText('From the CRM: amount, closedate')).toBeVisible();
  await rules.getByRole('textbox', { name: 'Also required for Qualified (property names, comma-separated)' }).fill('description');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules).toHaveCount(0);

  await dragAndAnswer(page, deal, 'Qualified', (dialog) => dialog.getByRole('textbox').fill('Upsell of seats'));
  await expect.poll(() => crmProperty(workspace, 'deals', deal.id, 'description'), { timeout: 30_000 }).toBe('Upsell of seats');
  expect(await crmProperty(workspace, 'deals', deal.id, 'dealstage')).toBe('qualifiedtobuy');
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });
  test('the board speaks Polish', async ({ page, workspace }) => {
    await openWorkspace(page, workspace, '/pipelines');
    await expect(page.getByRole('heading', { level: 1, name: 'Lejki' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Lejek', exact: true })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('group', { name: 'Układ' }).getByRole('button', { name: 'Tablica' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('combobox', { name: 'Właściciel', exact: true })).toBeVisible();
  });
});
