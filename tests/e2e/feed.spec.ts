import type { Page } from '@playwright/test';
import { deriveFeed, FEED_TYPES, filterFeed, NO_FILTER, type FeedFilter, type FeedItem, type SourceContact, type SourceEngagement } from '../../shared/feed';
import { crmApi, DRAIN_TIMEOUT_MS, expect, FIXED_NOW, openWorkspace, reconnectAndDrain, test, type Workspace } from './fixtures';

const OWNER = '60000001';
const DAY = 86_400_000;

// ---- The expected feed, derived by the same pure function from what the CRM itself answers ----

async function crm<T>(workspace: Workspace, path: string, body?: unknown): Promise<T> {
  for (;;) {
    const res = await crmApi(workspace, path, body === undefined ? {} : { body });
    // The demo CRM enforces HubSpot's rate limits; the test waits as a client would.
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    expect(res.ok, `${path} → ${res.status}`).toBe(true);
    return (await res.json()) as T;
  }
}

type Wire = { id: string; properties: Record<string, string | null>; createdAt: string };
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

async function links(workspace: Workspace, from: string, to: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(ids, 1000)) {
    const res = await crmApi(workspace, `/crm/v4/associations/${from}/${to}/batch/read`, { body: { inputs: part.map((id) => ({ id })) } });
    const body = (await res.json()) as { results?: Array<{ from: { id: string }; to: Array<{ toObjectId: number }> }> };
    for (const r of body.results ?? []) out.set(r.from.id, r.to.map((x) => String(x.toObjectId)));
  }
  return out;
}

async function read(workspace: Workspace, type: string, ids: string[], properties: string[]): Promise<Wire[]> {
  const out: Wire[] = [];
  for (const part of chunks(ids, 100)) out.push(...(await crm<{ results: Wire[] }>(workspace, `/crm/v3/objects/${type}/batch/read`, { inputs: part.map((id) => ({ id })), properties })).results);
  return out;
}

const CONTACT_PROPS = ['firstname', 'lastname', 'email', 'hs_email_last_open_date', 'hs_email_last_click_date', 'hs_email_last_reply_date', 'hs_email_last_email_name', 'recent_conversion_date', 'recent_conversion_event_name', 'hs_analytics_last_visit_timestamp', 'hs_sequences_is_enrolled', 'hs_latest_sequence_enrolled', 'hs_latest_sequence_enrolled_date', 'hs_latest_sequence_unenrolled_date', 'hs_latest_sequence_finished_date'];
const ENGAGEMENT_PROPS: Record<SourceEngagement['type'], string[]> = {
  emails: ['hs_timestamp', 'hs_email_direction', 'hs_email_subject'],
  meetings: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_outcome'],
  calls: ['hs_timestamp', 'hs_call_title'],
  tickets: ['createdate', 'subject'],
};

interface Expected {
  all: FeedItem[];
  names: { contact(id: string): string; account(id: string): string };
  since(days: number, filter?: Partial<FeedFilter>): FeedItem[];
}

async function expectedFeed(workspace: Workspace): Promise<Expected> {
  const companies = await crm<{ results: Wire[] }>(workspace, '/crm/v3/objects/companies/search', {
    filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: OWNER }] }],
    properties: ['name'],
    limit: 200,
  });
  const accountIds = companies.results.map((c) => c.id);
  const contactsOf = await links(workspace, 'companies', 'contacts', accountIds);
  const companiesOf = new Map<string, string[]>();
  for (const [company, contacts] of contactsOf) for (const c of contacts) companiesOf.set(c, [...(companiesOf.get(c) ?? []), company].sort());
  const contactRows = await read(workspace, 'contacts', [...companiesOf.keys()], CONTACT_PROPS);
  const contacts: SourceContact[] = contactRows.map((r) => ({ record: r, companyIds: companiesOf.get(r.id) ?? [] }));
  const engagements: SourceEngagement[] = [];
  for (const type of ['emails', 'meetings', 'calls', 'tickets'] as const) {
    const byContact = await links(workspace, 'contacts', type, contactRows.map((r) => r.id));
    const contactIdsOf = new Map<string, string[]>();
    for (const [contact, ids] of byContact) for (const id of ids) contactIdsOf.set(id, [...(contactIdsOf.get(id) ?? []), contact]);
    for (const r of await read(workspace, type, [...contactIdsOf.keys()], ENGAGEMENT_PROPS[type])) engagements.push({ type, record: r, contactIds: contactIdsOf.get(r.id) ?? [], companyIds: [] });
  }
  const all = deriveFeed({ accountIds, contacts, engagements });
  const contactName = new Map(contactRows.map((r) => [r.id, [r.properties.firstname, r.properties.lastname].filter(Boolean).join(' ')]));
  const accountName = new Map(companies.results.map((c) => [c.id, c.properties.name ?? '']));
  const names = { contact: (id: string) => contactName.get(id) ?? '', account: (id: string) => accountName.get(id) ?? '' };
  return {
    all,
    names,
    since: (days, filter = {}) => filterFeed(all.filter((i) => i.at >= FIXED_NOW - days * DAY), { ...NO_FILTER, ...filter }, names),
  };
}

// ---- The page ----

async function openFeed(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/feed');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 60_000 });
  await expect(page.getByRole('article').first()).toBeVisible();
}

/** Waits for the sync in flight to end, so the test does not close the host under it. */
async function syncSettled(page: Page) {
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Last synced', { timeout: 30_000 });
  await expect(status).not.toContainText('Syncing', { timeout: 30_000 });
}

/** The ids of the rendered items, top to bottom (the list is virtualized: the first screenfuls). */
const renderedIds = (page: Page) => page.locator('article[data-item-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
const shownCount = (page: Page) => page.getByRole('status', { name: 'Activities shown' });
const article = (page: Page, id: string) => page.locator(`article[data-item-id="${id}"]`);

async function expectPrefix(page: Page, expected: FeedItem[]) {
  await expect
    .poll(async () => {
      const ids = await renderedIds(page);
      return ids.length > 0 && JSON.stringify(ids) === JSON.stringify(expected.slice(0, ids.length).map((i) => i.id));
    })
    .toBe(true);
}

test('lists the default user’s activities newest first, grouped by day, as derived from the CRM', async ({ page, workspace }) => {
  const expected = await expectedFeed(workspace);
  const window = expected.since(14);
  expect(window.length).toBeGreaterThan(20);
  expect(new Set(window.map((i) => i.type)).size).toBeGreaterThanOrEqual(8);
  await openFeed(page, workspace);
  await expect(shownCount(page)).toHaveText(`${window.length} activities in the last 14 days`);
  await expectPrefix(page, window);
  const first = window[0] as FeedItem;
  await expect(article(page, first.id)).toContainText(expected.names.contact(first.contactId));
  await expect(article(page, first.id)).toContainText(expected.names.account(first.accountId));
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Today');
});

test('search and both filters narrow the feed', async ({ page, workspace }) => {
  const expected = await expectedFeed(workspace);
  await openFeed(page, workspace);
  const search = page.getByRole('searchbox', { name: 'Search contact, account or subject' });

  const who = expected.names.contact((expected.since(14)[2] as FeedItem).contactId);
  await search.fill(who);
  const byName = expected.since(14, { query: who });
  await expect(shownCount(page)).toContainText(`${byName.length} activit`);
  await expectPrefix(page, byName);
  await search.fill('');

  await page.getByText('Activity types:').click();
  await page.getByRole('checkbox', { name: 'Website visit' }).check();
  const visits = expected.since(14, { types: ['website_visit'] });
  await expect(shownCount(page)).toContainText(`${visits.length} activit`);
  await expectPrefix(page, visits);
  await page.getByRole('checkbox', { name: 'Form submitted' }).check();
  const two = expected.since(14, { types: ['website_visit', 'form_submitted'] });
  expect(two.length).toBeGreaterThan(visits.length);
  await expect(shownCount(page)).toContainText(`${two.length} activit`);
  await expectPrefix(page, two);
  await page.getByText('Activity types:').click();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();

  const sequence = page.getByRole('combobox', { name: 'Sequence enrollment' });
  await sequence.selectOption({ label: 'Enrolled in a sequence' });
  const enrolled = expected.since(14, { sequence: { kind: 'enrolled' } });
  expect(enrolled.length).toBeGreaterThan(0);
  await expect(shownCount(page)).toContainText(`${enrolled.length} activit`);
  await expectPrefix(page, enrolled);
  await sequence.selectOption({ label: 'Not enrolled' });
  await expect(shownCount(page)).toContainText(`${expected.since(14, { sequence: { kind: 'not-enrolled' } }).length} activit`);
  const name = (enrolled[0] as FeedItem).sequence ?? '';
  await sequence.selectOption({ label: `In: ${name}` });
  const named = expected.since(14, { sequence: { kind: 'sequence', name } });
  await expect(shownCount(page)).toContainText(`${named.length} activit`);
  await expectPrefix(page, named);
});

test('"Load older activities" adds the next 14 days', async ({ page, workspace }) => {
  const expected = await expectedFeed(workspace);
  const older = expected.since(28).find((i) => i.at < FIXED_NOW - 14 * DAY - DAY) as FeedItem;
  expect(older).toBeDefined();
  await openFeed(page, workspace);
  await expect(shownCount(page)).toHaveText(`${expected.since(14).length} activities in the last 14 days`);
  await page.getByRole('button', { name: 'Load older activities' }).click();
  await expect(shownCount(page)).toHaveText(`${expected.since(28).length} activities in the last 28 days`);
  // Four weeks of the demo CRM hold every kind of activity, contacts leaving sequences too.
  expect(new Set(expected.since(28).map((i) => i.type))).toEqual(new Set(FEED_TYPES));
  await page.getByText('Activity types:').click();
  await page.getByRole('checkbox', { name: 'Sequence unenrolled' }).check();
  await page.getByRole('checkbox', { name: 'Sequence finished' }).check();
  const leftSequences = expected.since(28, { types: ['sequence_unenrolled', 'sequence_finished'] });
  await expect(shownCount(page)).toHaveText(`${leftSequences.length} activities in the last 28 days`);
  await expectPrefix(page, leftSequences);
  await page.getByText('Activity types:').click();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByRole('searchbox', { name: 'Search contact, account or subject' }).fill(expected.names.contact(older.contactId));
  await expect(article(page, older.id)).toBeVisible();
});

test('delete removes an item for good, across a reload', async ({ page, workspace }) => {
  await openFeed(page, workspace);
  const [first] = await renderedIds(page);
  const item = article(page, first ?? '');
  await item.hover();
  await item.getByRole('button', { name: /^Delete this activity of/ }).click();
  await expect(item).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(item).toHaveCount(0);
});

test('new CRM activity appears after a sync, marked as new since the last visit', async ({ page, workspace }) => {
  await openFeed(page, workspace);
  const before = new Set(await renderedIds(page));
  // Second visit: what arrives from now on is unread.
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();
  const tick = await crmApi(workspace, '/__demo/tick', { body: { count: 3 } });
  expect(tick.ok).toBe(true);
  const syncNow = page.getByRole('button', { name: 'Sync now' });
  await syncNow.click();
  // The CRM's search index lags its writes by seconds (1–10 s in the demo CRM, as in HubSpot):
  // a sync right after the tick may not see it yet. A user who sees nothing syncs again.
  test.setTimeout(120_000);
  await expect
    .poll(
      async () => {
        const fresh = (await renderedIds(page)).filter((id) => !before.has(id)).length;
        if (fresh === 0 && (await syncNow.isEnabled())) await syncNow.click();
        return fresh;
      },
      { timeout: 90_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  const [newest] = await renderedIds(page);
  expect(before.has(newest ?? '')).toBe(false);
  await expect(article(page, newest ?? '')).toContainText('New');
  await expect(page.getByRole('status', { name: 'New activities' })).toContainText('new activit');
  await syncSettled(page);
});

/** The CRM's clock (it runs from FIXED_NOW), for activity the test creates "now" at the CRM. */
async function crmNow(workspace: Workspace): Promise<number> {
  const body = (await (await crmApi(workspace, '/__demo/clock')).json()) as { now?: number | string };
  const now = typeof body.now === 'string' ? Date.parse(body.now) : body.now;
  expect(now, 'the demo CRM reports its clock').toEqual(expect.any(Number));
  return now as number;
}

/** A call logged in the CRM through its public API on a contact and its account: a "Call logged" item. */
async function logCallInCrm(workspace: Workspace, contactId: string, accountId: string, title: string) {
  const at = await crmNow(workspace);
  const assoc = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });
  await crm<Wire>(workspace, '/crm/v3/objects/calls', {
    properties: { hs_timestamp: new Date(at).toISOString(), hs_call_title: title, hs_call_direction: 'INBOUND', hs_call_status: 'COMPLETED' },
    associations: [assoc(contactId, 194), assoc(accountId, 182)],
  });
}

test.describe(() => {
  // Lag off: this checks the unread count, and expects the next sync to see calls logged in the CRM a moment before.
  test.use({ workspaceOptions: { searchLag: false } });
  test('the Feed tab shows how many activities arrived since the last visit; opening it clears the count', async ({ page, workspace }) => {
    // Three syncs and a reload.
    test.setTimeout(150_000);
    await openFeed(page, workspace);
    const item = page.getByRole('article').first();
    const contactId = (await item.getAttribute('data-contact-id')) ?? '';
    const accountId = (await item.getAttribute('data-account-id')) ?? '';
    const tabs = page.getByRole('navigation', { name: 'Workspace' });
    const feedTab = tabs.getByRole('link', { name: /^Feed/ });
    const count = page.getByTestId('feed-tab-count');
    // First visit: nothing is unread.
    await expect(feedTab).toHaveAccessibleName('Feed');

    // Elsewhere in the app, a CRM-side change reaches the feed with a sync and raises the count.
    await tabs.getByRole('link', { name: /^Summary/ }).click();
    await logCallInCrm(workspace, contactId, accountId, 'Inbound call about the invoice');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(feedTab).toHaveAccessibleName('Feed (1 new activity)', { timeout: 30_000 });
    // The number is what the eye sees; the words are for screen readers.
    await expect(count.locator('[aria-hidden="true"]')).toHaveText('1');
    await syncSettled(page);

    // Opening the tab clears the count; the new activity is marked in the list.
    await feedTab.click();
    await expect(feedTab).toHaveAccessibleName('Feed');
    await expect(count).toHaveCount(0);
    const fresh = page.getByRole('article', { name: /Inbound call about the invoice/ });
    await expect(fresh).toContainText('New');

    // Leaving and another change in the CRM raise it again: two calls, two new activities.
    await tabs.getByRole('link', { name: /^Summary/ }).click();
    await logCallInCrm(workspace, contactId, accountId, 'Inbound call about the renewal');
    await logCallInCrm(workspace, contactId, accountId, 'Inbound call about training');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(feedTab).toHaveAccessibleName('Feed (2 new activities)', { timeout: 30_000 });
    await syncSettled(page);
    await page.reload();
    await expect(feedTab).toHaveAccessibleName('Feed (2 new activities)');
  });
});

/** The labels of the outbox entries still waiting, read from the app's IndexedDB. */
function pendingLabels(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('cs-workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<Array<{ intent: { label: string } }>>((resolve) => {
      const req = db.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result as Array<{ intent: { label: string } }>);
    });
    db.close();
    return rows.map((r) => r.intent.label).sort();
  });
}

async function crmSearchOne(workspace: Workspace, type: string, property: string, value: string): Promise<string | undefined> {
  const body = await crm<{ results: Wire[] }>(workspace, `/crm/v3/objects/${type}/search`, { filterGroups: [{ filters: [{ propertyName: property, operator: 'EQ', value }] }], limit: 5 });
  return body.results[0]?.id;
}

async function associated(workspace: Workspace, type: string, id: string, to: string): Promise<string[]> {
  const body = await crm<{ results: Array<{ toObjectId: number }> }>(workspace, `/crm/v4/objects/${type}/${id}/associations/${to}`);
  return body.results.map((r) => String(r.toObjectId)).sort();
}

test('offline, Create task and Create note from an item are pending and reach the CRM on reconnect, on the contact and its account', async ({ page, context, workspace }) => {
  await openFeed(page, workspace);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');
  const item = page.getByRole('article').first();
  const contactId = (await item.getAttribute('data-contact-id')) ?? '';
  const accountId = (await item.getAttribute('data-account-id')) ?? '';

  await item.hover();
  await item.getByRole('button', { name: /^Create task for/ }).click();
  const taskForm = page.getByRole('dialog', { name: /^Create task for/ });
  const subject = `Feed follow-up ${contactId}`;
  await taskForm.getByRole('textbox', { name: 'Task title' }).fill(subject);
  await taskForm.getByRole('button', { name: 'Save' }).click();
  await expect(taskForm).toHaveCount(0);

  await item.hover();
  await item.getByRole('button', { name: /^Create note for/ }).click();
  const noteForm = page.getByRole('dialog', { name: /^Create note for/ });
  const note = `Feed note for ${contactId}`;
  await noteForm.getByRole('textbox', { name: 'Note' }).fill(note);
  await noteForm.getByRole('button', { name: 'Save' }).click();
  await expect(noteForm).toHaveCount(0);

  // Saved as pending: in the local outbox, not in the CRM.
  await expect.poll(() => pendingLabels(page)).toEqual(['associate', 'associate', 'associate', 'associate', 'create-note', 'create-task']);
  expect(await crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject)).toBeUndefined();

  await reconnectAndDrain(page, context);
  expect(await pendingLabels(page)).toEqual([]);
  // The CRM's search index shows fresh records after a few seconds.
  await expect.poll(() => crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject), { timeout: 20_000 }).toBeDefined();
  await expect.poll(() => crmSearchOne(workspace, 'notes', 'hs_note_body', note), { timeout: 20_000 }).toBeDefined();
  const taskId = await crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject);
  const noteId = await crmSearchOne(workspace, 'notes', 'hs_note_body', note);
  expect(await associated(workspace, 'tasks', taskId ?? '', 'contacts')).toEqual([contactId]);
  expect(await associated(workspace, 'tasks', taskId ?? '', 'companies')).toEqual([accountId]);
  expect(await associated(workspace, 'notes', noteId ?? '', 'contacts')).toEqual([contactId]);
  expect(await associated(workspace, 'notes', noteId ?? '', 'companies')).toEqual([accountId]);
  await syncSettled(page);
});

/** What the web host handed to the OS opener (it logs every allow-listed link). */
const openedLinks = async (workspace: Workspace) => workspace.openedLinks;

test('Call and Send email hand tel: / mailto: links to the host and offer to log the call or email', async ({ page, workspace }) => {
  await openFeed(page, workspace);
  const item = page.getByRole('article').first();
  const contactId = (await item.getAttribute('data-contact-id')) ?? '';
  const contact = await crm<Wire>(workspace, `/crm/v3/objects/contacts/${contactId}?properties=phone,email,firstname,lastname`);

  await item.getByRole('button', { name: /^Call / }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => openedLinks(workspace)).toContain(`tel:${(contact.properties.phone ?? '').replace(/[^\d+]/g, '')}`);
  await page.getByRole('button', { name: 'Log call' }).click();
  const callForm = page.getByRole('dialog', { name: /^Log call with/ });
  const title = `Call with ${contact.properties.firstname ?? ''} ${contact.properties.lastname ?? ''} from the feed`;
  await callForm.getByRole('textbox', { name: 'Call title' }).fill(title);
  await callForm.getByRole('button', { name: 'Save' }).click();
  await expect(callForm).toHaveCount(0);

  await item.hover();
  await item.getByRole('button', { name: /^Send email to/ }).click();
  await expect.poll(async () => (await openedLinks(workspace)).some((l) => l.startsWith(`mailto:${contact.properties.email ?? ''}`))).toBe(true);
  await page.getByRole('button', { name: 'Log email' }).click();
  const emailForm = page.getByRole('dialog', { name: /^Log email to/ });
  await emailForm.getByRole('textbox', { name: 'Subject' }).fill('Following up from the feed');
  await emailForm.getByRole('button', { name: 'Save' }).click();
  await expect(emailForm).toHaveCount(0);

  // Online, the logged call and email reach the CRM on the contact.
  // The create and its association are separate intents: wait for the whole outbox to drain.
  await expect.poll(() => pendingLabels(page), { timeout: DRAIN_TIMEOUT_MS }).toEqual([]);
  // The search index lags writes by up to 10 s, as HubSpot's does.
  await expect.poll(() => crmSearchOne(workspace, 'calls', 'hs_call_title', title), { timeout: 20_000 }).toBeDefined();
  const callId = (await crmSearchOne(workspace, 'calls', 'hs_call_title', title)) ?? '';
  expect(await associated(workspace, 'calls', callId, 'contacts')).toEqual([contactId]);
  await syncSettled(page);
});
