import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeSnapshot } from '../../../shared/feed';
import { CsDatabase } from '../../../src-renderer/db';
import { feedSince, feedSnapshot } from '../../../src-renderer/db/queries/feed';
import { createDexieStore } from '../../../src-renderer/db/store-port';
import { createFeedEngine, type FeedEngineEvent } from '../../../src-renderer/feed/engine';
import { cursor, DAY, HOUR, iso, NOW, rec } from './sources';

/**
 * The feed engine (src-renderer/feed/engine.ts), here in the page as Node tests run it; the app
 * runs the same engine in the feed worker. It derives the window it is asked for, posts back
 * the items with only their contacts' and accounts' names, keeps the result for the next cold
 * open, derives again after a write to the feed's tables, and drops what an older request asked.
 */
let db: CsDatabase | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

const SINCE = NOW - 14 * DAY;
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

/** Account c1 (owner 600) with contact 7, account c2 (owner 700) with contact 8; `sync7` syncs contact 7 again. */
async function seed() {
  const database = new CsDatabase(`feed-engine-${Math.random()}`, { indexedDB, IDBKeyRange });
  db = database;
  const port = createDexieStore(database);
  await port.applyPage(
    'companies',
    [rec('c1', { name: 'Acme Rail', csm_owner: '600' }), rec('c2', { name: 'Other Co', csm_owner: '700' }), rec('c3', { name: 'Idle Co', csm_owner: '600' })],
    cursor('companies'),
  );
  const links = [
    { fromType: 'contacts', fromId: '7', toType: 'companies', toId: 'c1', typeIds: [1] },
    { fromType: 'contacts', fromId: '8', toType: 'companies', toId: 'c2', typeIds: [1] },
  ];
  const sync7 = (props: Record<string, string>) =>
    port.applyPage(
      'contacts',
      [
        rec('7', { firstname: 'Ada', lastname: 'Nowak', email: 'ada@acme.example', ...props }),
        rec('8', { firstname: 'Bob', hs_analytics_last_visit_timestamp: iso(NOW - 2 * HOUR) }),
      ],
      cursor('contacts'),
      [{ fromType: 'contacts', toType: 'companies', ids: ['7', '8'], rows: links }],
    );
  await sync7({ hs_email_last_open_date: iso(NOW - HOUR), hs_email_last_email_name: 'Renewal offer' });
  return { database, sync7 };
}

function engineOver(database: CsDatabase) {
  const events: FeedEngineEvent[] = [];
  const engine = createFeedEngine(database, (e) => events.push(e));
  const decoded = (e: FeedEngineEvent | undefined) => (e?.type === 'feed' ? decodeSnapshot(e.feed, e.feed.ownerId, e.feed.since) : null);
  return { events, engine, decoded };
}

describe('the feed engine', () => {
  it('posts the feed the query derives, with only the names its items show, and keeps it for the next open', async () => {
    const { database } = await seed();
    const { events, engine, decoded } = engineOver(database);
    engine.derive({ requestId: 1, ownerId: '600', since: SINCE, keep: true });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    const expected = await feedSince(database, '600', SINCE);
    const got = decoded(events[0]);
    expect(events[0]).toMatchObject({ type: 'feed', requestId: 1 });
    expect(got?.items).toEqual(expected.items);
    expect(got?.items.map((i) => i.id)).toEqual([`open:7:${NOW - HOUR}`]);
    expect([...(got?.contacts ?? new Map())]).toEqual([['7', { name: 'Ada Nowak', email: 'ada@acme.example' }]]);
    // The owner's idle account c3 has no item, so its name is not posted.
    expect([...(got?.accounts ?? new Map())]).toEqual([['c1', 'Acme Rail']]);
    await vi.waitFor(async () => expect((await feedSnapshot(database, '600', SINCE))?.items).toEqual(expected.items));
    engine.stop();
  });

  it('derives again after a write to its tables, for the latest request; nothing once asked to stop', async () => {
    const { database, sync7 } = await seed();
    const { events, engine, decoded } = engineOver(database);
    engine.derive({ requestId: 1, ownerId: '600', since: SINCE, keep: false });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    await sync7({ hs_email_last_open_date: iso(NOW - HOUR), hs_analytics_last_visit_timestamp: iso(NOW - 30 * 60_000) });
    await vi.waitFor(() => expect(decoded(events.at(-1))?.items.map((i) => i.type)).toEqual(['website_visit', 'email_opened']));
    expect(events.every((e) => e.requestId === 1)).toBe(true);

    engine.derive({ requestId: 2, ownerId: null, since: SINCE, keep: false });
    const before = events.length;
    await sync7({ hs_email_last_reply_date: iso(NOW - 10 * 60_000) });
    await settle();
    expect(events).toHaveLength(before);
    engine.stop();
    // Asked not to keep: nothing was kept.
    expect(await feedSnapshot(database, '600', SINCE)).toBeNull();
  });

  it('drops the answer of a request replaced while it runs; nothing after stop', async () => {
    const { database, sync7 } = await seed();
    const { events, engine, decoded } = engineOver(database);
    engine.derive({ requestId: 1, ownerId: '600', since: SINCE, keep: false });
    engine.derive({ requestId: 2, ownerId: '700', since: SINCE, keep: false });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    await settle();
    expect(events.map((e) => e.requestId)).toEqual([2]);
    expect(decoded(events[0])?.items.map((i) => i.id)).toEqual([`visit:8:${NOW - 2 * HOUR}`]);

    engine.stop();
    await sync7({ hs_email_last_reply_date: iso(NOW - 10 * 60_000) });
    await settle();
    expect(events).toHaveLength(1);
  });

  it('keeps the first window once when asked, sending nothing back', async () => {
    const { database } = await seed();
    const { events, engine } = engineOver(database);
    engine.keepOnce('600', SINCE);
    const expected = await feedSince(database, '600', SINCE);
    await vi.waitFor(async () => expect((await feedSnapshot(database, '600', SINCE))?.items).toEqual(expected.items));
    expect(events).toEqual([]);
    engine.stop();
  });
});
