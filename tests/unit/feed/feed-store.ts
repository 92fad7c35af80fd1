import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';
import { createApp } from 'vue';
import type { HostApi } from '../../../shared/contract';
import { CsDatabase } from '../../../src-renderer/db';
import { createDexieStore } from '../../../src-renderer/db/store-port';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { useFeedStore } from '../../../src-renderer/stores/feed';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';
import { cursor, NOW, rec } from './sources';

/** The signed-in user of the feed store's tests, and their owner id. */
export const USER = 1000001;
const host = { 'crm:whoami': async () => ({ ok: true, data: { userId: String(USER), ownerId: '600', email: null } }) } as unknown as HostApi;

/**
 * The real Feed store over Dexie on a fixed clock (call at a file's top, with fake-indexeddb
 * installed globally: Dexie's liveQuery reads the global IndexedDB). Each test runs at NOW, with
 * only Date fixed (Dexie and vi.waitFor keep real timers); after it the stores are stopped and
 * the database deleted.
 */
export function feedStorePerTest(name: string) {
  let pinias: Pinia[] = [];
  let db: CsDatabase | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(async () => {
    stopStores();
    pinias = [];
    vi.useRealTimers();
    db?.close();
    if (db) await db.delete();
    db = undefined;
  });
  function stopStores() {
    for (const p of pinias) p._e.stop();
  }
  return {
    stopStores,
    /**
     * A new local database with account c1 (Acme Rail, owned by 600) and its contact 7, Ada
     * Nowak, synced with `props`; `syncContact` syncs contact 7 again, updated at `updatedAt()`.
     */
    async seed(props: Record<string, string>, updatedAt: () => number = () => Date.now()) {
      const database = new CsDatabase(`${name}-${Math.random().toString(36).slice(2)}`);
      db = database;
      const port = createDexieStore(database);
      await port.applyPage('companies', [rec('c1', { name: 'Acme Rail', csm_owner: '600' })], cursor('companies'));
      const syncContact = (contactProps: Record<string, string>) =>
        port.applyPage('contacts', [rec('7', { firstname: 'Ada', lastname: 'Nowak', ...contactProps }, updatedAt())], cursor('contacts'), [
          {
            fromType: 'contacts',
            toType: 'companies',
            ids: ['7'],
            rows: [{ fromType: 'contacts', fromId: '7', toType: 'companies', toId: 'c1', typeIds: [1] }],
          },
        ]);
      await syncContact(props);
      return { database, syncContact };
    },
    /** The Feed store as the app opens it over `database`: a fresh Pinia, the workspace loaded as USER (owner 600). */
    async openFeed(database: CsDatabase) {
      const app = createApp({ render: () => null });
      const pinia = createPinia();
      app.provide(DB_KEY, database).provide(HOST_KEY, host).use(pinia);
      pinias.push(pinia);
      setActivePinia(pinia);
      await app.runWithContext(() => useWorkspaceStore().load());
      return app.runWithContext(() => useFeedStore());
    },
  };
}
