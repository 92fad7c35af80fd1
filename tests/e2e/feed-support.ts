import type { Page } from '@playwright/test';
import { deriveFeed, filterFeed, NO_FILTER, type FeedFilter, type FeedItem, type SourceContact, type SourceEngagement } from '../../shared/feed';
import { FEED_CONTACT_SIGNALS } from '../../shared/records/workspace-properties';
import { crmApi, expect, FIXED_NOW, openWorkspace, type Workspace } from './fixtures';

export const OWNER = '60000001';
export const DAY = 86_400_000;

// ---- The expected feed, derived by the same pure function from what the CRM itself answers ----

export async function crm<T>(workspace: Workspace, path: string, body?: unknown): Promise<T> {
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

export type Wire = { id: string; properties: Record<string, string | null>; createdAt: string };
export const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function links(workspace: Workspace, from: string, to: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(ids, 1000)) {
    const res = await crmApi(workspace, `/crm/v4/associations/${from}/${to}/batch/read`, { body: { inputs: part.map((id) => ({ id })) } });
    const body = (await res.json()) as { results?: Array<{ from: { id: string }; to: Array<{ toObjectId: number }> }> };
    for (const r of body.results ?? [])
      out.set(
        r.from.id,
        r.to.map((x) => String(x.toObjectId)),
      );
  }
  return out;
}

export async function read(workspace: Workspace, type: string, ids: string[], properties: string[]): Promise<Wire[]> {
  const out: Wire[] = [];
  for (const part of chunks(ids, 100))
    out.push(...(await crm<{ results: Wire[] }>(workspace, `/crm/v3/objects/${type}/batch/read`, { inputs: part.map((id) => ({ id })), properties })).results);
  return out;
}

/** What the expected feed is derived from: a contact's name and email, and the signals the feed reads. */
export const CONTACT_PROPS = ['firstname', 'lastname', 'email', ...FEED_CONTACT_SIGNALS];
export const ENGAGEMENT_PROPS: Record<SourceEngagement['type'], string[]> = {
  emails: ['hs_timestamp', 'hs_email_direction', 'hs_email_subject'],
  meetings: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_outcome'],
  calls: ['hs_timestamp', 'hs_call_title'],
  tickets: ['createdate', 'subject'],
};

export interface Expected {
  all: FeedItem[];
  names: { contact(id: string): string; account(id: string): string };
  since(days: number, filter?: Partial<FeedFilter>): FeedItem[];
}

export async function expectedFeed(workspace: Workspace): Promise<Expected> {
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
    const byContact = await links(
      workspace,
      'contacts',
      type,
      contactRows.map((r) => r.id),
    );
    const contactIdsOf = new Map<string, string[]>();
    for (const [contact, ids] of byContact) for (const id of ids) contactIdsOf.set(id, [...(contactIdsOf.get(id) ?? []), contact]);
    for (const r of await read(workspace, type, [...contactIdsOf.keys()], ENGAGEMENT_PROPS[type]))
      engagements.push({ type, record: r, contactIds: contactIdsOf.get(r.id) ?? [], companyIds: [] });
  }
  const all = deriveFeed({ accountIds, contacts, engagements });
  const contactName = new Map(contactRows.map((r) => [r.id, [r.properties.firstname, r.properties.lastname].filter(Boolean).join(' ')]));
  const accountName = new Map(companies.results.map((c) => [c.id, c.properties.name ?? '']));
  const names = { contact: (id: string) => contactName.get(id) ?? '', account: (id: string) => accountName.get(id) ?? '' };
  return {
    all,
    names,
    since: (days, filter = {}) =>
      filterFeed(
        all.filter((i) => i.at >= FIXED_NOW - days * DAY),
        { ...NO_FILTER, ...filter },
        names,
      ),
  };
}

// ---- The page ----

export async function openFeed(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/feed');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 60_000 });
  await expect(page.getByRole('article').first()).toBeVisible();
}

/** Waits for the sync in flight to end, so the test does not close the host under it. */
export async function syncSettled(page: Page) {
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Last synced', { timeout: 30_000 });
  await expect(status).not.toContainText('Syncing', { timeout: 30_000 });
}

/** The ids of the rendered items, top to bottom (the list is virtualized: the first screenfuls). */
export const renderedIds = (page: Page) => page.locator('article[data-item-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
export const shownCount = (page: Page) => page.getByRole('status', { name: 'Activities shown' });
export const article = (page: Page, id: string) => page.locator(`article[data-item-id="${id}"]`);

export async function expectPrefix(page: Page, expected: FeedItem[]) {
  await expect
    .poll(async () => {
      const ids = await renderedIds(page);
      return ids.length > 0 && JSON.stringify(ids) === JSON.stringify(expected.slice(0, ids.length).map((i) => i.id));
    })
    .toBe(true);
}

/** The CRM's clock (it runs from FIXED_NOW), for activity the test creates "now" at the CRM. */
export async function crmNow(workspace: Workspace): Promise<number> {
  const body = (await (await crmApi(workspace, '/__demo/clock')).json()) as { now?: number | string };
  const now = typeof body.now === 'string' ? Date.parse(body.now) : body.now;
  expect(now, 'the demo CRM reports its clock').toEqual(expect.any(Number));
  return now as number;
}

/** A call logged in the CRM through its public API on a contact and its account: a "Call logged" item. */
export async function logCallInCrm(workspace: Workspace, contactId: string, accountId: string, title: string) {
  const at = await crmNow(workspace);
  const assoc = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });
  await crm<Wire>(workspace, '/crm/v3/objects/calls', {
    properties: { hs_timestamp: new Date(at).toISOString(), hs_call_title: title, hs_call_direction: 'INBOUND', hs_call_status: 'COMPLETED' },
    associations: [assoc(contactId, 194), assoc(accountId, 182)],
  });
}

/** The labels of the outbox entries still waiting, read from the app's IndexedDB. */
export function pendingLabels(page: Page): Promise<string[]> {
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

export async function crmSearchOne(workspace: Workspace, type: string, property: string, value: string): Promise<string | undefined> {
  const body = await crm<{ results: Wire[] }>(workspace, `/crm/v3/objects/${type}/search`, {
    filterGroups: [{ filters: [{ propertyName: property, operator: 'EQ', value }] }],
    limit: 5,
  });
  return body.results[0]?.id;
}

export async function associated(workspace: Workspace, type: string, id: string, to: string): Promise<string[]> {
  const body = await crm<{ results: Array<{ toObjectId: number }> }>(workspace, `/crm/v4/objects/${type}/${id}/associations/${to}`);
  return body.results.map((r) => String(r.toObjectId)).sort();
}

/** What the web host handed to the OS opener (it logs every allow-listed link). */
export const openedLinks = async (workspace: Workspace) => workspace.openedLinks;
