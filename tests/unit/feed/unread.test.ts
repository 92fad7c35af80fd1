// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { lastOpenedKey } from '../../../shared/feed';
import { feedStorePerTest, USER } from './feed-store';
import { HOUR, iso, NOW } from './sources';

/**
 * The unread count of the Feed tab, on the real store over Dexie (fake-indexeddb) and a fixed
 * clock: nothing before the first visit, what arrives by a sync while another tab is open is
 * counted, opening the tab clears it, and leaving it starts counting again.
 */
const feedStore = feedStorePerTest('feed-unread');

async function setup() {
  const { database, syncContact } = await feedStore.seed({ hs_email_last_open_date: iso(NOW - HOUR) });
  return { feed: await feedStore.openFeed(database), syncContact, database };
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
