import type { Page } from '@playwright/test';
import { crmApi, expect, FIXED_NOW, openWorkspace, reconnectAndDrain, test, waitForOfflineReady, type Workspace } from './fixtures';

const ME = '60000001';
const DAY = 86_400_000;

/** Midnight in Warsaw `days` before FIXED_NOW's day (CET in November: UTC+1). */
function warsawMidnight(daysBack: number): number {
  const today = FIXED_NOW - 9 * 3_600_000;
  return today - daysBack * DAY;
}

async function crmCount(workspace: Workspace, filterGroups: unknown[]): Promise<number> {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', { body: { filterGroups, limit: 1 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

async function openPortfolio(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/portfolio');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
}

const count = (page: Page) => page.getByTestId('portfolio-count');


test('Owned by me lists the accounts whose CSM is me, as the CRM counts them', async ({ page, workspace }) => {
  const mine = await crmCount(workspace, [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }]);
  expect(mine).toBeGreaterThan(0);
  await openPortfolio(page, workspace);
  await expect(count(page)).toHaveText(`${mine} accounts`);
  const views = page.getByRole('navigation', { name: 'Views' });
  await expect(views.getByRole('button', { name: /^Owned by me/ })).toHaveAttribute('aria-current', 'true');
  await expect(views.getByRole('button', { name: /^Owned by me/ })).toContainText(String(mine));

  // "Assigned in the last 30 days": mine, and the CSM property last set since 30 days ago
  // (the CRM's property history, which the app fetches lazily).
  const ids = ((await (await crmApi(workspace, '/crm/v3/objects/companies/search', { body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], limit: 200 } })).json()) as { results: Array<{ id: string }> }).results.map((r) => r.id);
  let assigned = 0;
  for (let i = 0; i < ids.length; i += 50) {
    const body = { inputs: ids.slice(i, i + 50).map((id) => ({ id })), properties: ['csm_owner'], propertiesWithHistory: ['csm_owner'] };
    const read = (await (await crmApi(workspace, '/crm/v3/objects/companies/batch/read', { body })).json()) as { results: Array<{ propertiesWithHistory: { csm_owner: Array<{ timestamp: string }> } }> };
    assigned += read.results.filter((r) => Math.max(...r.propertiesWithHistory.csm_owner.map((h) => Date.parse(h.timestamp))) >= warsawMidnight(29)).length;
  }
  expect(assigned).toBeGreaterThan(0);
  await views.getByRole('button', { name: /^Assigned in the last 30 days/ }).click();
  await expect(count(page)).toHaveText(`${assigned} accounts`);
});

test('sorting by a column and filtering by last activity date', async ({ page, workspace }) => {
  // "Last activity date" is notes_last_updated, else the last sales activity, else the last
  // contact; the demo CRM fills only notes_last_contacted on companies.
  const since = warsawMidnight(6);
  const none = await crmCount(workspace, [{ filters: [{ propertyName: 'notes_last_updated', operator: 'HAS_PROPERTY' }] }]);
  expect(none).toBe(0);
  const expected = await crmCount(workspace, [
    { filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }, { propertyName: 'notes_last_contacted', operator: 'GTE', value: String(since) }] },
  ]);
  await openPortfolio(page, workspace);
  const table = page.getByRole('table', { name: 'Accounts' });
  const header = table.getByRole('columnheader', { name: 'Name', exact: true });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const first = await table.getByRole('row').nth(1).getByRole('button').first().innerText();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1).getByRole('button').first()).not.toHaveText(first);

  await page.getByRole('group', { name: 'Last activity date' }).getByRole('combobox').selectOption({ label: 'Last 7 days' });
  await expect(count(page)).toHaveText(`${expected} accounts`);
  expect(expected).toBeGreaterThan(0);
});

test('an advanced OR-group filter matches what the CRM finds', async ({ page, workspace }) => {
  const expected = await crmCount(workspace, [
    { filters: [{ propertyName: 'plan', operator: 'EQ', value: 'Enterprise' }] },
    { filters: [{ propertyName: 'csm_sentiment', operator: 'EQ', value: 'Bad' }] },
  ]);
  await openPortfolio(page, workspace);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^All accounts/ }).click();
  await page.getByRole('button', { name: 'Advanced filters' }).click();
  await page.getByRole('button', { name: 'Add filter' }).click();
  const g1 = page.getByRole('group', { name: 'Filter group 1' });
  await g1.getByLabel('Property').selectOption({ label: 'Plan' });
  await expect(g1.getByLabel('Operator')).toHaveValue('is_any_of');
  await g1.getByRole('checkbox', { name: 'Enterprise' }).check();
  await page.getByRole('button', { name: 'Add OR group' }).click();
  const g2 = page.getByRole('group', { name: 'Filter group 2' });
  await g2.getByLabel('Property').selectOption({ label: 'CSM sentiment' });
  await g2.getByRole('checkbox', { name: 'Bad' }).check();
  await expect(count(page)).toHaveText(`${expected} accounts`);
  expect(expected).toBeGreaterThan(0);
});

test('views: create a private and an Everyone view with edited columns; both survive a reload', async ({ page, workspace }) => {
  const enterpriseMine = await crmCount(workspace, [
    { filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }, { propertyName: 'plan', operator: 'EQ', value: 'Enterprise' }] },
  ]);
  await openPortfolio(page, workspace);
  const sidebar = page.getByRole('navigation', { name: 'Views' });
  await expect(sidebar.getByText('No custom views yet')).toBeVisible();

  // Filters on top of "Owned by me": its CSM filter stays in the group.
  await page.getByRole('button', { name: 'Advanced filters' }).click();
  const g1 = page.getByRole('group', { name: 'Filter group 1' });
  await g1.getByRole('button', { name: 'Add filter' }).click();
  await g1.getByLabel('Property').nth(1).selectOption({ label: 'Plan' });
  await g1.getByRole('checkbox', { name: 'Enterprise' }).check();
  await expect(count(page)).toHaveText(`${enterpriseMine} accounts`);

  await page.getByRole('button', { name: 'Edit columns' }).click();
  const columns = page.getByRole('dialog', { name: 'Edit columns' });
  await columns.getByRole('searchbox', { name: 'Search properties' }).fill('NPS');
  await columns.getByRole('button', { name: 'Add NPS score' }).click();
  await columns.getByRole('button', { name: 'Remove Plan' }).click();
  await columns.getByRole('button', { name: 'Move NPS score up' }).click();
  await columns.getByRole('button', { name: 'Apply' }).click();
  const table = page.getByRole('table', { name: 'Accounts' });
  await expect(table.getByRole('columnheader', { name: 'NPS score', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Plan', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: '+ Create view' }).click();
  let dialog = page.getByRole('dialog', { name: 'Create view' });
  await dialog.getByLabel('View name').fill('My enterprise accounts');
  await expect(dialog.getByRole('radio', { name: 'Private (only me)' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const mine = sidebar.getByRole('button', { name: /^My enterprise accounts/ });
  await expect(mine).toHaveAttribute('aria-current', 'true');
  await expect(mine).toContainText(String(enterpriseMine));

  // Sort, then "Save view" keeps the change in the view.
  await table.getByRole('columnheader', { name: 'NPS score', exact: true }).getByRole('button').click();
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('button', { name: 'Save view' })).toBeDisabled();

  await page.getByRole('button', { name: '+ Create view' }).click();
  dialog = page.getByRole('dialog', { name: 'Create view' });
  await dialog.getByLabel('View name').fill('Team enterprise');
  await dialog.getByRole('radio', { name: 'Everyone' }).check();
  await dialog.getByRole('checkbox', { name: 'Set as default and feature on Summary' }).check();
  await dialog.getByLabel('Description').fill('Enterprise accounts of the team');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: /^Team enterprise/ })).toHaveAttribute('aria-current', 'true');

  await page.reload();
  // The Everyone view set as default is where Portfolio now opens.
  await expect(sidebar.getByRole('button', { name: /^Team enterprise/ })).toHaveAttribute('aria-current', 'true');
  await sidebar.getByRole('button', { name: /^My enterprise accounts/ }).click();
  await expect(count(page)).toHaveText(`${enterpriseMine} accounts`);
  await expect(table.getByRole('columnheader', { name: 'NPS score', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader')).toHaveText([/^\s*$/, /Name/, /CSM owner/, /Health score/, /CSM sentiment/, /Last activity date/, /NPS score/, /Renewal date/]);

  // The Everyone view reaches the CRM's shared documents featured, with its description (the
  // Summary tab lists these; tests/e2e/shared-views.spec.ts shows another user seeing it).
  const featured = async () => {
    const res = await crmApi(workspace, '/crm/v3/objects/p_cs_workspace_docs?properties=cs_doc_key,cs_doc_value');
    const docs = ((await res.json()) as { results: Array<{ properties: { cs_doc_key?: string; cs_doc_value?: string } }> }).results;
    return docs
      .filter((d) => d.properties.cs_doc_key?.startsWith('view:') && d.properties.cs_doc_value)
      .map((d) => JSON.parse(d.properties.cs_doc_value!) as { name: string; featured?: boolean; description?: string })
      .map((v) => [v.name, v.featured, v.description]);
  };
  await expect.poll(featured).toEqual([['Team enterprise', true, 'Enterprise accounts of the team']]);

  // Rename and delete.
  await sidebar.getByRole('button', { name: 'Rename My enterprise accounts' }).click();
  await sidebar.getByLabel('View name').fill('Big ones');
  await sidebar.getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByRole('button', { name: /^Big ones/ })).toBeVisible();
  await sidebar.getByRole('button', { name: 'Delete Big ones' }).click();
  await sidebar.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(sidebar.getByRole('button', { name: /^Big ones/ })).toHaveCount(0);
});

test('a CSM without the settings permission cannot share a view with Everyone', async ({ page, workspace }) => {
  const res = await crmApi(workspace, '/__demo/whoami', { body: { userId: '1000002' } });
  expect(res.status).toBe(200);
  await openPortfolio(page, workspace);
  await page.getByRole('button', { name: '+ Create view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create view' });
  await expect(dialog.getByRole('radio', { name: 'Everyone' })).toBeDisabled();
  await expect(dialog).toContainText('Sharing with Everyone needs the “Manage customer success settings” permission.');
  await dialog.getByLabel('View name').fill('Just mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Just mine/ })).toBeVisible();
});

interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

test('the record preview: edit a property and log a note offline, associate a contact, see history; all reach the CRM', async ({ page, context, workspace }) => {
  // The first of my accounts in id order is the first row of "Owned by me" (no sort: by id).
  const search = await crmApi(workspace, '/crm/v3/objects/companies/search', {
    body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], properties: ['name', 'csm_sentiment'], limit: 1 },
  });
  const company = ((await search.json()) as { results: CrmRecord[] }).results[0]!;
  const name = company.properties.name!;
  const sentiment = company.properties.csm_sentiment === 'Bad' ? 'Good' : 'Bad';
  // A contact of another company, to associate.
  const contacts = (await (await crmApi(workspace, '/crm/v3/objects/contacts?limit=50&properties=firstname,lastname,email,associatedcompanyid')).json()) as {
    results: CrmRecord[];
  };
  const contact = contacts.results.find((c) => c.properties.associatedcompanyid !== company.id)!;
  const contactName = `${contact.properties.firstname} ${contact.properties.lastname}`;
  const noteText = `Offline note ${Date.now()}`;

  await openPortfolio(page, workspace);
  const table = page.getByRole('table', { name: 'Accounts' });
  await table.getByRole('button', { name, exact: true }).click();
  const preview = page.getByRole('complementary', { name });
  await expect(preview.getByRole('heading', { name })).toBeVisible();
  await expect(preview.getByRole('region', { name: 'Contacts' })).toBeVisible();

  await waitForOfflineReady(page);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');

  await preview.getByRole('button', { name: 'Edit CSM sentiment' }).click();
  await preview.getByRole('combobox', { name: 'CSM sentiment' }).selectOption(sentiment);
  await preview.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(preview.getByRole('region', { name: 'Key properties' })).toContainText(sentiment);
  await expect(preview.getByRole('region', { name: 'Key properties' })).toContainText('Pending sync');

  await preview.getByRole('button', { name: 'Details of CSM sentiment' }).click();
  await expect(preview.getByRole('region', { name: 'History of CSM sentiment' })).toContainText('Property history is available online.');

  await preview.getByRole('button', { name: 'Log a note' }).click();
  const form = preview.getByRole('form', { name: 'Log a note' });
  await form.getByLabel('Note').fill(noteText);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(preview.getByRole('list').filter({ hasText: noteText })).toBeVisible();

  await preview.getByRole('button', { name: 'Actions' }).click();
  await preview.getByRole('menuitem', { name: 'Associate with another record' }).click();
  const panel = preview.getByRole('region', { name: 'Associate with another record' });
  await panel.getByLabel('Record type').selectOption('contacts');
  await panel.getByLabel('Search by name').fill(contact.properties.email!);
  await panel.getByRole('button', { name: `Associate ${contactName}` }).click();
  await expect(preview.getByRole('region', { name: 'Contacts' }).getByRole('button', { name: `Open ${contactName}` })).toBeVisible();

  await preview.getByRole('button', { name: 'Actions' }).click();
  await preview.getByRole('menuitem', { name: 'Follow' }).click();
  await expect(preview).toContainText('Following');

  await reconnectAndDrain(page, context);

  await expect
    .poll(async () => {
      const r = (await (await crmApi(workspace, `/crm/v3/objects/companies/${company.id}?properties=csm_sentiment`)).json()) as CrmRecord;
      return r.properties.csm_sentiment;
    })
    .toBe(sentiment);
  await expect
    .poll(async () => {
      const r = (await (await crmApi(workspace, `/crm/v4/objects/companies/${company.id}/associations/contacts`)).json()) as { results: Array<{ toObjectId: number }> };
      return r.results.map((a) => String(a.toObjectId));
    })
    .toContain(contact.id);
  await expect
    .poll(async () => {
      const r = (await (await crmApi(workspace, `/crm/v4/objects/companies/${company.id}/associations/notes`)).json()) as { results: Array<{ toObjectId: number }> };
      const ids = r.results.map((a) => ({ id: String(a.toObjectId) }));
      if (ids.length === 0) return [];
      const notes = (await (await crmApi(workspace, '/crm/v3/objects/notes/batch/read', { body: { inputs: ids, properties: ['hs_note_body'] } })).json()) as { results: CrmRecord[] };
      return notes.results.map((n) => n.properties.hs_note_body);
    })
    .toContain(noteText);

  // Online, "Details" shows the CRM's history of the property, newest first.
  await preview.getByRole('button', { name: 'Details of CSM sentiment' }).click();
  const history = preview.getByRole('region', { name: 'History of CSM sentiment' });
  await expect(history.getByRole('listitem').first()).toContainText(sentiment);
});

test.describe('on a portal with its full property catalogue', () => {
  test.use({ workspaceOptions: { leanDataset: false } });
  // Its first sync carries the heavy accounts (over 1,000 engagements each) too.
  test.setTimeout(120_000);
  test('a column on a property the sync did not keep is loaded from the CRM; all properties of an account on demand, plainly not offline', async ({ page, context, workspace }) => {
    // The first of my accounts (first row of "Owned by me"), with a value in a property the
    // workspace does not use until a view names it; the portal defines 250+ such properties.
    const search = await crmApi(workspace, '/crm/v3/objects/companies/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], properties: ['name'], limit: 1 },
    });
    const company = ((await search.json()) as { results: CrmRecord[] }).results[0]!;
    const name = company.properties.name!;
    const notes = `Sponsor changed in Q3 (${company.id})`;
    expect((await crmApi(workspace, `/crm/v3/objects/companies/${company.id}`, { method: 'PATCH', body: { properties: { health_notes: notes } } })).status).toBe(200);

    await openPortfolio(page, workspace);
    const table = page.getByRole('table', { name: 'Accounts' });
    await page.getByRole('button', { name: 'Edit columns' }).click();
    const columns = page.getByRole('dialog', { name: 'Edit columns' });
    await columns.getByRole('searchbox', { name: 'Search properties' }).fill('Health notes');
    await columns.getByRole('button', { name: 'Add Health notes' }).click();
    await columns.getByRole('button', { name: 'Apply' }).click();
    await expect(table.getByRole('columnheader', { name: 'Health notes', exact: true })).toBeVisible();
    // Not held locally until now: the sync reads it for every account, then the cell shows it.
    await expect(table.getByRole('row').filter({ hasText: name })).toContainText(notes, { timeout: 30_000 });
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced');

    // The record preview reads every property of one record from the CRM when asked.
    await table.getByRole('button', { name, exact: true }).click();
    const preview = page.getByRole('complementary', { name });
    await preview.getByRole('heading', { level: 3, name: 'All properties' }).click();
    const all = preview.getByRole('region', { name: 'All properties' });
    await all.getByRole('button', { name: 'Show all properties from the CRM' }).click();
    await expect(all.getByText(/properties have a value$/)).toBeVisible();
    expect(await all.getByRole('definition').count()).toBeGreaterThan(250);
    await all.getByRole('searchbox', { name: 'Filter properties' }).fill('Health notes');
    await expect(all.getByRole('term')).toHaveText(['Health notes']);
    await expect(all.getByRole('definition')).toHaveText([notes]);

    // Offline it says why instead of failing.
    await waitForOfflineReady(page);
    await page.getByRole('button', { name: 'Close preview' }).click();
    await context.setOffline(true);
    await table.getByRole('button', { name, exact: true }).click();
    await preview.getByRole('heading', { level: 3, name: 'All properties' }).click();
    await all.getByRole('button', { name: 'Show all properties from the CRM' }).click();
    await expect(all.getByRole('status')).toContainText('when you are online');
    await context.setOffline(false);
  });
});
