import { crmApi, expect, reconnectAndDrain, test, waitForOfflineReady } from './fixtures';
import { ME, openPortfolio, type CrmRecord } from './portfolio-support';

test('the record preview: edit a property and log a note offline, associate a contact, see history; all reach the CRM', async ({
  page,
  context,
  workspace,
}) => {
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
      const r = (await (await crmApi(workspace, `/crm/v4/objects/companies/${company.id}/associations/contacts`)).json()) as {
        results: Array<{ toObjectId: number }>;
      };
      return r.results.map((a) => String(a.toObjectId));
    })
    .toContain(contact.id);
  await expect
    .poll(async () => {
      const r = (await (await crmApi(workspace, `/crm/v4/objects/companies/${company.id}/associations/notes`)).json()) as {
        results: Array<{ toObjectId: number }>;
      };
      const ids = r.results.map((a) => ({ id: String(a.toObjectId) }));
      if (ids.length === 0) return [];
      const notes = (await (await crmApi(workspace, '/crm/v3/objects/notes/batch/read', { body: { inputs: ids, properties: ['hs_note_body'] } })).json()) as {
        results: CrmRecord[];
      };
      return notes.results.map((n) => n.properties.hs_note_body);
    })
    .toContain(noteText);

  // Online, "Details" shows the CRM's history of the property, newest first.
  await preview.getByRole('button', { name: 'Details of CSM sentiment' }).click();
  const history = preview.getByRole('region', { name: 'History of CSM sentiment' });
  await expect(history.getByRole('listitem').first()).toContainText(sentiment);
});

test.describe('on a portal with its full property catalogue', () => {
  // The catalogue is the same in every size; the tiny book's first sync takes 5 s less than
  // the small one's, which carries the heavy accounts (over 1,000 engagements each) too.
  test.use({ workspaceOptions: { leanDataset: false, size: 'tiny' } });
  test.setTimeout(120_000);
  test('a column on a property the sync did not keep is loaded from the CRM; all properties of an account on demand, plainly not offline', async ({
    page,
    context,
    workspace,
  }) => {
    // The first of my accounts (first row of "Owned by me"), with a value in a property the
    // workspace does not use until a view names it; the portal defines 250+ such properties.
    const search = await crmApi(workspace, '/crm/v3/objects/companies/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], properties: ['name'], limit: 1 },
    });
    const company = ((await search.json()) as { results: CrmRecord[] }).results[0]!;
    const name = company.properties.name!;
    const notes = `Sponsor changed in Q3 (${company.id})`;
    expect(
      (await crmApi(workspace, `/crm/v3/objects/companies/${company.id}`, { method: 'PATCH', body: { properties: { health_notes: notes } } })).status,
    ).toBe(200);

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

test("a record link's route (cs-workspace://record/companies/<id> → #/portfolio?record=…) opens the preview; closing it drops the query", async ({
  page,
  workspace,
}) => {
  const list = (await (await crmApi(workspace, '/crm/v3/objects/companies?limit=1&properties=name')).json()) as { results: CrmRecord[] };
  const company = list.results[0]!;
  const name = company.properties.name!;
  await openPortfolio(page, workspace);
  await page.evaluate((id) => (location.hash = `#/portfolio?record=companies/${id}`), company.id);
  const preview = page.getByRole('complementary', { name });
  await expect(preview.getByRole('heading', { name })).toBeVisible();
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page).toHaveURL(/#\/portfolio$/);
  // A route naming no valid record opens nothing.
  await page.evaluate(() => (location.hash = '#/portfolio?record=companies/abc'));
  await expect(page.getByRole('complementary')).toHaveCount(0);
});
