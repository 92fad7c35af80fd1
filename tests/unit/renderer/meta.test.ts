import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { dismissedKey, lastOpenedKey } from '../../../shared/feed';
import { PORTAL_INFO_META } from '../../../shared/sync/daily-limit';
import { clientIdStateKey, DOCS_TYPE, reconcileKey, sweepKey, syncedPropertiesKey, unavailableKey } from '../../../shared/sync';
import { CsDatabase } from '../../../src-renderer/db';
import { deleteMeta, entryFor, getMeta, getMetaFamily, getMetaMany, META, putMeta } from '../../../src-renderer/db/meta';

/**
 * The one registry of local settings (db/meta.ts): each key with its schema; a value that
 * does not fit reads as absent, and the key strings stay those already stored.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});
const open = () => (db = new CsDatabase(`meta-${Math.random()}`, { indexedDB, IDBKeyRange }));

describe('meta registry', () => {
  it('reads back what it wrote, typed, and deletes it', async () => {
    const d = open();
    await putMeta(d, META.crmSource, { kind: 'hubspot', baseUrl: 'https://api.hubapi.com' });
    await putMeta(d, META.feedLastOpened('u1'), 42);
    expect(await getMeta(d, META.crmSource)).toEqual({ kind: 'hubspot', baseUrl: 'https://api.hubapi.com' });
    expect(await getMeta(d, META.feedLastOpened('u1'))).toBe(42);
    expect(await getMetaMany(d, [META.feedLastOpened('u1'), META.feedLastOpened('u2')])).toEqual([42, undefined]);
    await deleteMeta(d, META.feedLastOpened('u1'));
    expect(await getMeta(d, META.feedLastOpened('u1'))).toBeUndefined();
  });

  it('a stored value that fails its schema reads as absent', async () => {
    const d = open();
    // Written raw, as an older build or a damaged store might have left them.
    await d.meta.bulkPut([
      { key: 'crmSource', value: { kind: 'salesforce', baseUrl: null } },
      { key: 'feed:lastOpened:u1', value: 'yesterday' },
      { key: 'playbooks', value: [{ id: 'p1', title: 7 }] },
      { key: 'outbox:redirected', value: 'nope' },
    ]);
    expect(await getMeta(d, META.crmSource)).toBeUndefined();
    expect(await getMeta(d, META.feedLastOpened('u1'))).toBeUndefined();
    expect(await getMeta(d, META.playbooks)).toBeUndefined();
    expect(await getMeta(d, META.redirected)).toBeUndefined();
  });

  it('refuses to write a value that would read back as absent', async () => {
    const d = open();
    await expect(putMeta(d, entryFor('feed:lastOpened:u1'), 'soon')).rejects.toThrow(/feed:lastOpened:u1/);
    expect(await d.meta.get('feed:lastOpened:u1')).toBeUndefined();
  });

  it('lists a family by prefix, each row checked by its own entry', async () => {
    const d = open();
    await d.meta.bulkPut([
      { key: 'shared-doc:views/a', value: '{}' },
      { key: 'shared-doc:views/b', value: 3 },
      { key: 'shared-doc:health', value: '[]' },
    ]);
    expect(await getMetaFamily(d, META.localSharedDoc, 'views/')).toEqual([{ key: 'shared-doc:views/a', value: '{}' }]);
  });

  it('takes a transaction’s table as well as the database', async () => {
    const d = open();
    await d.transaction('rw', d.meta, async (tx) => {
      await putMeta(tx.table('meta'), META.referenceLastAt, 5);
      expect(await getMeta(tx.table('meta'), META.referenceLastAt)).toBe(5);
    });
    expect(await getMeta(d, META.referenceLastAt)).toBe(5);
  });

  it('keeps the key strings already stored, and knows every key the sync engine names', () => {
    expect(META.identity.key).toBe('identity');
    expect(META.workspaceSettings.key).toBe('workspaceSettings');
    expect(META.feedDismissed('u').key).toBe(dismissedKey('u'));
    expect(META.feedLastOpened('u').key).toBe(lastOpenedKey('u'));
    for (const k of [
      syncedPropertiesKey('deals'),
      clientIdStateKey('tasks'),
      reconcileKey('companies'),
      sweepKey('notes'),
      unavailableKey(DOCS_TYPE),
      PORTAL_INFO_META,
      'reference:lastAt',
    ]) {
      expect(entryFor(k).key).toBe(k);
    }
    // The longest prefix wins: a working view is not a user's private views.
    expect(entryFor('views:working:portfolio').schema).toBe(META.workingView.schema);
    expect(() => entryFor('no-such-key')).toThrow(/not registered/);
  });
});
