// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ref, watch } from 'vue';
import { decodeSnapshot, deriveFeed, encodeSnapshot } from '../../../shared/feed';
import { CsDatabase } from '../../../src-renderer/db';
import { feedSnapshot } from '../../../src-renderer/db/queries/feed';
import { saveFeedSnapshot } from '../../../src-renderer/db/repositories/feed';
import type { useFeedStore } from '../../../src-renderer/stores/feed';
import { feedStorePerTest } from './feed-store';
import { contact, DAY, engagement, HOUR, iso, NOW, sources } from './sources';

/**
 * The feed last derived, kept for the next cold open (shared/feed/snapshot.ts): it gives back
 * the same items, cut to the window asked for, only for the owner it was derived for; the
 * store shows it while the live derivation runs and then the derived feed.
 */
const derived = deriveFeed(
  sources(
    [
      contact('7', {
        hs_email_last_open_date: iso(NOW - HOUR),
        hs_email_last_email_name: 'Renewal',
        hs_sequences_is_enrolled: 'true',
        hs_latest_sequence_enrolled: 'Onboarding',
      }),
      contact('8', { hs_analytics_last_visit_timestamp: iso(NOW - 10 * DAY) }),
    ],
    [engagement('calls', 'k1', { hs_timestamp: iso(NOW - 2 * HOUR), hs_call_title: 'Check-in' }, ['7'])],
  ),
  { since: NOW - 14 * DAY },
);
const data = {
  items: derived,
  contacts: new Map([
    ['7', { name: 'Ada Nowak', email: 'ada@acme.example' }],
    ['8', { name: 'Bob', phone: '+48 600' }],
  ]),
  accounts: new Map([['c1', 'Acme Rail']]),
};

describe('the feed snapshot', () => {
  it('decodes to the items, contacts and accounts it was encoded from, cut to the window asked for', () => {
    // Through a structured clone, as IndexedDB stores it.
    const stored = structuredClone(encodeSnapshot('600', NOW - 14 * DAY, data));
    expect(derived).toHaveLength(3);
    expect(decodeSnapshot(stored, '600', NOW - 14 * DAY)).toEqual(data);
    expect(decodeSnapshot(stored, '600', NOW - 5 * DAY)?.items.map((i) => i.id)).toEqual([`open:7:${NOW - HOUR}`, 'call:k1:7']);
  });

  it('is not used for another owner, a wider window than it was derived for, or a value of another shape', () => {
    const stored = encodeSnapshot('600', NOW - 14 * DAY, data);
    expect(decodeSnapshot(stored, '700', NOW - 14 * DAY)).toBeNull();
    expect(decodeSnapshot(stored, '600', NOW - 28 * DAY)).toBeNull();
    expect(decodeSnapshot({ ...stored, cols: [...stored.cols] }, '600', NOW - 14 * DAY)).toBeNull();
    expect(decodeSnapshot({ ...stored, ids: stored.ids.slice(1) }, '600', NOW - 14 * DAY)).toBeNull();
    expect(decodeSnapshot('x', '600', NOW - 14 * DAY)).toBeNull();
  });

  it('is kept per owner in meta and read back over Dexie', async () => {
    const database = new CsDatabase(`feed-snap-${Math.random().toString(36).slice(2)}`);
    try {
      expect(await feedSnapshot(database, '600', NOW - 14 * DAY)).toBeNull();
      await saveFeedSnapshot(database, '600', NOW - 14 * DAY, data);
      expect(await feedSnapshot(database, '600', NOW - 14 * DAY)).toEqual({ ...data, since: NOW - 14 * DAY });
      expect(await feedSnapshot(database, '700', NOW - 14 * DAY)).toBeNull();
    } finally {
      database.close();
      await database.delete();
    }
  });
});

const feedStore = feedStorePerTest('feed-cold');
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
/** What the tab shows, each time it changes: `snapshot:` or `live:`, then the items' types. */
function shownOver(feed: ReturnType<typeof useFeedStore>): string[] {
  const seen: string[] = [];
  watch(
    () => `${feed.fromSnapshot ? 'snapshot' : 'live'}:${feed.visible.map((i) => i.type).join(',')}`,
    (v) => seen.push(v),
    { flush: 'sync' },
  );
  return seen;
}

describe('the feed store on a cold open', () => {
  it('shows the feed last derived at once, then the one derived now', async () => {
    const { database: db, syncContact } = await feedStore.seed({ hs_email_last_open_date: iso(NOW - HOUR) }, () => NOW - HOUR);

    // A first visit derives the feed and keeps it.
    const first = await feedStore.openFeed(db);
    await first.open();
    await vi.waitFor(() => expect(first.visible.map((i) => i.type)).toEqual(['email_opened']), { timeout: 5000 });
    await vi.waitFor(async () => expect(await feedSnapshot(db, '600', NOW - 14 * DAY)).not.toBeNull(), { timeout: 5000 });
    feedStore.stopStores();

    // New activity is synced while the app is closed; the next start opens on the Feed tab.
    await syncContact({ hs_email_last_open_date: iso(NOW - HOUR), hs_analytics_last_visit_timestamp: iso(NOW - 30 * 60_000) });
    const next = await feedStore.openFeed(db);
    const seen = shownOver(next);
    await next.open();
    await vi.waitFor(() => expect(next.visible.map((i) => i.type)).toEqual(['website_visit', 'email_opened']), { timeout: 5000 });
    expect(next.fromSnapshot).toBe(false);
    expect(seen).toContain('snapshot:email_opened');
    expect(seen.at(-1)).toBe('live:website_visit,email_opened');
  });

  it('before the first visit, keeps the feed once a sync has finished; the first visit opens on it', async () => {
    const { database: db } = await feedStore.seed({ hs_email_last_open_date: iso(NOW - HOUR) }, () => NOW - HOUR);
    const feed = await feedStore.openFeed(db);
    const lastSyncedAt = ref<number | null>(null);
    feed.keepAfterSyncs(() => lastSyncedAt.value);
    await settle();
    // No sync has finished in this session: nothing is derived or kept.
    expect(await feedSnapshot(db, '600', NOW - 14 * DAY)).toBeNull();

    lastSyncedAt.value = NOW;
    // Kept for the window as it started then (the clock has moved on since NOW).
    await vi.waitFor(async () => expect((await feedSnapshot(db, '600', NOW - 13 * DAY))?.items.map((i) => i.type)).toEqual(['email_opened']), {
      timeout: 5000,
    });
    // The tab was never opened: nothing was derived for it, nothing is unread.
    expect(feed.data.items).toEqual([]);
    expect(feed.tabUnreadCount).toBe(0);

    const seen = shownOver(feed);
    await feed.open();
    await vi.waitFor(() => expect(seen).toContain('live:email_opened'), { timeout: 5000 });
    expect(seen[0]).toBe('snapshot:email_opened');
  });
});
