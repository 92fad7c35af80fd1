// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import type { HostApi } from '../../../shared/contract';
import { lastOpenedKey } from '../../../shared/feed';
import { CsDatabase } from '../../../src-renderer/db';
import { createDexieStore } from '../../../src-renderer/db/store-port';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { useFeedStore } from '../../../src-renderer/stores/feed';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';
import { cursor, HOUR, iso, NOW, rec } from './sources';

/**
 * The unread count of the Feed tab, on the real store over Dexie (fake-indexeddb) and a fixed
 * clock: nothing before the first visit, what arrives by a sync while another tab is open is
 * counted, opening the tab clears it, and leaving it starts counting again.
 */
let pinias: Pinia[] = [];
let db: CsDatabase | undefined;
beforeEach(() => {
  // Only Date is fixed: Dexie and vi.waitFor keep real timers.
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(async () => {
  for (const p of pinias) p._e.stop();
  pinias = [];
  vi.useRealTimers();
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

const USER = 1000001;

async function setup() {
  db = new CsDatabase(`feed-unread-${Math.random().toString(36).slice(2)}`);
  const port = createDexieStore(db);
  await port.applyPage('companies', [rec('c1', { name: 'Acme Rail', csm_owner: '600' })], cursor('companies'));
  const syncContact = (props: Record<string, string>) =>
    port.applyPage('contacts', [rec('7', { firstname: 'Ada', lastname: 'Nowak', ...props }, Date.now())], cursor('contacts'), [
      { fromType: 'contacts', toType: 'companies', ids: ['7'], rows: [{ fromType: 'contacts', fromId: '7', toType: 'companies', toId: 'c1', typeIds: [1] }] },
    ]);
  await syncContact({ hs_email_last_open_date: iso(NOW - HOUR) });
  const host = { 'crm:whoami': async () => ({ ok: true, data: { userId: String(USER), ownerId: '600', email: null } }) } as unknown as HostApi;
  const app = createApp({ render: () => null });
  const pinia = createPinia();
  app.provide(DB_KEY, db).provide(HOST_KEY, host).use(pinia);
  pinias.push(pinia);
  setActivePinia(pinia);
  await app.runWithContext(() => useWorkspaceStore().load());
  const feed = app.runWithContext(() => useFeedStore());
  return { feed, syncContact, database: db };
}

describe('the Feed tab’s unread count', () => {
  it('counts what a sync brings while another tab is open; opening the tab clears it', async () => {
    const { feed, syncContact, database } = await setup();
    // Never visited: nothing is unread (and nothing is derived for the count).
    await new Promise((r) => setTimeout(r, 50));
    expect(feed.tabUnreadCount).toBe(0);

    // First visit, then another tab.
    await feed.open();
    await vi.waitFor(() => expect(feed.visible.map((i) => i.type)).toEqual(['email_opened']));
    vi.setSystemTime(NOW + 60_000);
    await feed.close();
    expect((await database.meta.get(lastOpenedKey(String(USER))))?.value).toBe(NOW + 60_000);
    expect(feed.tabUnreadCount).toBe(0);

    // A sync brings a click and a visit that happened after the visit.
    vi.setSystemTime(NOW + 10 * 60_000);
    await syncContact({
      hs_email_last_open_date: iso(NOW - HOUR),
      hs_email_last_click_date: iso(NOW + 5 * 60_000),
      hs_analytics_last_visit_timestamp: iso(NOW + 6 * 60_000),
    });
    await vi.waitFor(() => expect(feed.tabUnreadCount).toBe(2));

    // Opening the tab clears the count; in the tab the two are marked new.
    await feed.open();
    expect(feed.tabUnreadCount).toBe(0);
    expect(feed.unreadCount).toBe(2);
    vi.setSystemTime(NOW + 11 * 60_000);
    await feed.close();
    await vi.waitFor(() => expect(feed.tabUnreadCount).toBe(0));

    // Another sync after leaving raises it again; a dismissed item is not counted.
    vi.setSystemTime(NOW + 20 * 60_000);
    await syncContact({
      hs_email_last_open_date: iso(NOW + 15 * 60_000),
      hs_email_last_click_date: iso(NOW + 5 * 60_000),
      hs_analytics_last_visit_timestamp: iso(NOW + 16 * 60_000),
    });
    await vi.waitFor(() => expect(feed.tabUnreadCount).toBe(2));
    const open = feed.data.items.find((i) => i.type === 'email_opened');
    if (open) await feed.dismiss(open);
    await vi.waitFor(() => expect(feed.tabUnreadCount).toBe(1));
  });

  it('a CRM clock ahead of this computer does not make what the user saw unread again', async () => {
    const { feed, syncContact } = await setup();
    // Seen during the visit, stamped 30 s ahead of this computer's clock.
    await syncContact({ hs_email_last_open_date: iso(NOW + 30_000) });
    await feed.open();
    await vi.waitFor(() => expect(feed.visible).toHaveLength(1));
    const closing = feed.close();
    // At once, not only when the stored visit comes back through Dexie.
    expect(feed.tabUnreadCount).toBe(0);
    await closing;
    await new Promise((r) => setTimeout(r, 50));
    expect(feed.tabUnreadCount).toBe(0);
  });
});
