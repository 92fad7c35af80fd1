import type { Page } from '@playwright/test';
import { crmApi, expect, FIXED_NOW, test, type Workspace } from './fixtures';
import { syncSettled } from './feed-support';
import { searchAll } from './summary-support';

/**
 * "Since you were away" (docs/product.md §2): from the prepared, synced state the page's
 * clock starts 9 h after that sync, so the first sync of the session follows a gap. What the
 * CRM changed meanwhile on the user's accounts is listed, ranked by risk × revenue.
 */

const HOUR = 3_600_000;
type Rec = { id: string; properties: Record<string, string | null>; associations?: Record<string, { results: Array<{ id: string }> }> };

async function crm<T>(workspace: Workspace, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await crmApi(workspace, path, init);
  expect(res.ok, `${init.method ?? 'GET'} ${path}`).toBe(true);
  return (await res.json()) as T;
}

/** Three of my accounts: one with an open deal in the expansion pipeline, two others. */
async function pickAccounts(workspace: Workspace) {
  const { ownerId } = await crm<{ ownerId: string }>(workspace, '/__demo/whoami');
  const mine = await searchAll(workspace, 'companies', [{ propertyName: 'csm_owner', operator: 'EQ', value: ownerId }], ['name', 'arr', 'renewal_date']);
  expect(mine.length).toBeGreaterThanOrEqual(3);
  for (const account of mine) {
    const withDeals = await crm<Rec>(workspace, `/crm/v3/objects/companies/${account.id}?associations=deals`);
    for (const { id } of withDeals.associations?.deals?.results ?? []) {
      const deal = await crm<Rec>(workspace, `/crm/v3/objects/deals/${id}?properties=dealname,dealstage,pipeline,amount`);
      if (deal.properties.pipeline !== 'default' || deal.properties.dealstage !== 'appointmentscheduled') continue;
      const [ticketAccount, renewalAccount] = mine.filter((a) => a.id !== account.id);
      return { ownerId, dealAccount: account, deal, ticketAccount: ticketAccount!, renewalAccount: renewalAccount! };
    }
  }
  throw new Error('no account of mine has an open deal in the expansion pipeline');
}

async function createTicket(workspace: Workspace, accountId: string, subject: string) {
  return crm<Rec>(workspace, '/crm/v3/objects/tickets', {
    body: {
      properties: { subject, hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'LOW' },
      associations: [{ to: { id: accountId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 26 }] }],
    },
  });
}

/** Opens Summary with the page clock `hoursLater` after the prepared sync. */
async function openLater(page: Page, workspace: Workspace, hoursLater: number) {
  await page.clock.install({ time: FIXED_NOW + hoursLater * HOUR });
  await page.goto(`${workspace.url}#/summary`);
}

/** A row of the app's IndexedDB, read as it is stored. */
function readRow(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    async ({ store, key }) => {
      const open = indexedDB.open('cs-workspace');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const row = await new Promise<unknown>((resolve) => {
        const req = db.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return row;
    },
    { store, key },
  );
}

const arr = (r: Rec) => Math.max(1, Number(r.properties.arr) || 0);

test('after a gap, the first sync lists what changed on my accounts, ranked by risk × revenue; each opens its record', async ({ page, workspace }) => {
  // Two syncs, under a CI machine's load.
  test.setTimeout(180_000);
  const { deal, dealAccount, ticketAccount, renewalAccount } = await pickAccounts(workspace);
  // While the user is away, the CRM changes: a ticket, a deal's stage, a renewal date.
  const ticket = await createTicket(workspace, ticketAccount.id, 'Export fails since the upgrade');
  await crm(workspace, `/crm/v3/objects/deals/${deal.id}`, { method: 'PATCH', body: { properties: { dealstage: 'qualifiedtobuy' } } });
  await crm(workspace, `/crm/v3/objects/companies/${renewalAccount.id}`, { method: 'PATCH', body: { properties: { renewal_date: '2027-06-30' } } });

  await openLater(page, workspace, 9);
  const card = page.getByRole('region', { name: 'Since you were away' });
  const items = card.getByRole('listitem');
  await expect(items).toHaveCount(3, { timeout: 60_000 });

  // The ranking, stated independently of the app: severity (new ticket 3, renewal 3, deal
  // moved 2) × revenue (the account's ARR; a deal's amount when larger).
  const expected = [
    { key: `tickets/${ticket.id}`, score: 3 * arr(ticketAccount) },
    { key: `companies/${renewalAccount.id}`, score: 3 * arr(renewalAccount) },
    { key: `deals/${deal.id}`, score: 2 * Math.max(arr(dealAccount), Number(deal.properties.amount) || 0) },
  ].sort((a, b) => b.score - a.score);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-record')))).toEqual(expected.map((e) => e.key));

  await expect(card.locator(`[data-record="tickets/${ticket.id}"]`)).toContainText('New ticket (Low): Export fails since the upgrade');
  await expect(card.locator(`[data-record="deals/${deal.id}"]`)).toContainText(
    `Deal moved from Opportunity identified to Qualified: ${deal.properties.dealname}`,
  );
  await expect(card.locator(`[data-record="companies/${renewalAccount.id}"]`)).toContainText('Renewal date changed from');
  await expect(card.locator(`[data-record="companies/${renewalAccount.id}"]`)).toContainText('to Jun 30, 2027');
  await expect(card.locator(`[data-record="companies/${renewalAccount.id}"]`)).toContainText(renewalAccount.properties.name ?? '');

  // An item opens its record.
  await card.getByRole('button', { name: new RegExp(`^Deal moved .*${deal.properties.dealname}`) }).click();
  const preview = page.getByRole('complementary', { name: deal.properties.dealname ?? '' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(deal.properties.dealname ?? '');
  await preview.getByRole('button', { name: /close/i }).first().click();
  await syncSettled(page);

  // A second sync soon after is no gap: the digest stays as it was, the new ticket is not added.
  const later = await createTicket(workspace, ticketAccount.id, 'A question after the digest');
  await page.clock.fastForward(10 * 60_000);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await syncSettled(page);
  await expect.poll(() => readRow(page, 'tickets', later.id)).not.toBeUndefined();
  await expect(items).toHaveCount(3);
  await expect(card.locator(`[data-record="tickets/${later.id}"]`)).toHaveCount(0);

  // Dismissed, it stays gone after a reload.
  await card.getByRole('button', { name: 'Dismiss “Since you were away”' }).click();
  await expect(card).toHaveCount(0);
  await expect.poll(async () => ((await readRow(page, 'meta', 'away:digest')) as { value?: { dismissed?: boolean } } | undefined)?.value?.dismissed).toBe(true);
  await page.reload();
  // The Portfolio card reads the local store too: once it shows my accounts, the digest has been read.
  await expect(page.getByTestId('owned-count')).not.toHaveText('0');
  await expect(card).toHaveCount(0);
});

test('a first sync of the session soon after the last one shows no digest', async ({ page, workspace }) => {
  const { ticketAccount } = await pickAccounts(workspace);
  await createTicket(workspace, ticketAccount.id, 'Within the hour');
  await openLater(page, workspace, 1);
  await syncSettled(page);
  // The sync was noted (its end is the page's clock, an hour after the prepared one), and no digest came of it.
  await expect
    .poll(async () => ((await readRow(page, 'meta', 'away:marks')) as { value?: { lastSyncEnd?: number } } | undefined)?.value?.lastSyncEnd ?? 0)
    .toBeGreaterThan(FIXED_NOW + HOUR);
  expect(await readRow(page, 'meta', 'away:digest')).toBeUndefined();
  await expect(page.getByRole('region', { name: 'Since you were away' })).toHaveCount(0);
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });
  test('the digest speaks Polish, and says when nothing changed', async ({ page, workspace }) => {
    await openLater(page, workspace, 10);
    const card = page.getByRole('region', { name: 'Pod twoją nieobecność' });
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(card).toContainText('Na twoich kontach nic się nie zmieniło.');
    await expect(card).toContainText('od ostatniej synchronizacji');
    await card.getByRole('button', { name: 'Zamknij „Pod twoją nieobecność”' }).click();
    await expect(card).toHaveCount(0);
  });
});
