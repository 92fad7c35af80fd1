import { crmApi, expect, test } from './fixtures';
import { ME, warsawMidnight, crmCount, openPortfolio, count, createTeamEnterpriseView } from './portfolio-support';

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
  const ids = (
    (await (
      await crmApi(workspace, '/crm/v3/objects/companies/search', {
        body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], limit: 200 },
      })
    ).json()) as { results: Array<{ id: string }> }
  ).results.map((r) => r.id);
  let assigned = 0;
  for (let i = 0; i < ids.length; i += 50) {
    const body = { inputs: ids.slice(i, i + 50).map((id) => ({ id })), properties: ['csm_owner'], propertiesWithHistory: ['csm_owner'] };
    const read = (await (await crmApi(workspace, '/crm/v3/objects/companies/batch/read', { body })).json()) as {
      results: Array<{ propertiesWithHistory: { csm_owner: Array<{ timestamp: string }> } }>;
    };
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
    {
      filters: [
        { propertyName: 'csm_owner', operator: 'EQ', value: ME },
        { propertyName: 'notes_last_contacted', operator: 'GTE', value: String(since) },
      ],
    },
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
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^All accounts/ })
    .click();
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
    {
      filters: [
        { propertyName: 'csm_owner', operator: 'EQ', value: ME },
        { propertyName: 'plan', operator: 'EQ', value: 'Enterprise' },
      ],
    },
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
  const dialog = page.getByRole('dialog', { name: 'Create view' });
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

  await createTeamEnterpriseView(page);
  await expect(sidebar.getByRole('button', { name: /^Team enterprise/ })).toHaveAttribute('aria-current', 'true');

  await page.reload();
  // The Everyone view set as default is where Portfolio now opens.
  await expect(sidebar.getByRole('button', { name: /^Team enterprise/ })).toHaveAttribute('aria-current', 'true');
  await sidebar.getByRole('button', { name: /^My enterprise accounts/ }).click();
  await expect(count(page)).toHaveText(`${enterpriseMine} accounts`);
  await expect(table.getByRole('columnheader', { name: 'NPS score', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader')).toHaveText([
    /^\s*$/,
    /Name/,
    /CSM owner/,
    /Health score/,
    /CSM sentiment/,
    /Last activity date/,
    /NPS score/,
    /Renewal date/,
  ]);

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
