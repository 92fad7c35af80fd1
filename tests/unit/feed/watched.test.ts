import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { CsDatabase } from '../../../src-renderer/db';
import { feedSince, watchFeedSources } from '../../../src-renderer/db/queries/feed';
import { putMeta, META } from '../../../src-renderer/db/meta';
import { createDexieStore } from '../../../src-renderer/db/store-port';
import { useWatchedQuery } from '../../../src-renderer/lib/watched-query';
import { cursor, DAY, iso, NOW, rec } from './sources';

/**
 * The feed is not a Dexie live query (tens of thousands of reads): it is re-run when a write
 * commits to one of the tables it reads. These pin that signal and the re-running.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the feed re-derived on a change signal', () => {
  it('signals a write to the feed’s tables, not to others (the user’s meta)', async () => {
    db = new CsDatabase(`feed-watch-${Math.random()}`, { indexedDB, IDBKeyRange });
    await db.open();
    let calls = 0;
    const stop = watchFeedSources(db, () => calls++);
    await putMeta(db, META.feedLastOpened('1000001'), NOW);
    await settle();
    expect(calls).toBe(0);
    await createDexieStore(db).applyPage('contacts', [rec('7', { firstname: 'Ada' })], cursor('contacts'));
    await settle();
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    await createDexieStore(db).applyPage('contacts', [rec('8', { firstname: 'Bob' })], cursor('contacts'));
    await settle();
    expect(calls).toBe(before);
  });

  it('a synced activity reaches the derived feed; another owner’s answer replaces it; nothing runs once the scope ends', async () => {
    const database = new CsDatabase(`feed-watch-${Math.random()}`, { indexedDB, IDBKeyRange });
    db = database;
    const store = createDexieStore(database);
    await store.applyPage('companies', [rec('c1', { name: 'Acme Rail', csm_owner: '600' })], cursor('companies'));
    const scope = effectScope();
    let runs = 0;
    const owner = ref('600');
    const feed = scope.run(() =>
      useWatchedQuery(
        () => {
          runs++;
          return feedSince(database, owner.value, NOW - 14 * DAY);
        },
        null,
        (onChange) => watchFeedSources(database, onChange),
        owner,
      ),
    );
    await settle();
    expect(feed?.loading.value).toBe(false);
    expect(feed?.value.value?.items).toEqual([]);

    await store.applyPage('contacts', [rec('7', { firstname: 'Ada', hs_analytics_last_visit_timestamp: iso(NOW - DAY) })], cursor('contacts'), [
      { fromType: 'contacts', toType: 'companies', ids: ['7'], rows: [{ fromType: 'contacts', fromId: '7', toType: 'companies', toId: 'c1', typeIds: [1] }] },
    ]);
    await settle();
    expect(feed?.value.value?.items.map((i) => i.id)).toEqual([`visit:7:${NOW - DAY}`]);

    // Another owner: the answer is theirs (none), never the previous owner's late answer.
    owner.value = '700';
    await nextTick();
    await settle();
    expect(feed?.value.value?.items).toEqual([]);

    const before = runs;
    scope.stop();
    await store.applyPage('contacts', [rec('8', { firstname: 'Bob' })], cursor('contacts'));
    await settle();
    expect(runs).toBe(before);
  });
});
