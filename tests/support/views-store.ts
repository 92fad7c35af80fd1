// Dexie's liveQuery reads the global IndexedDB, so the fake is installed globally too.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from 'vue';
import type { HostApi } from '../../shared/contract';
import type { View } from '../../shared/views';
import { CsDatabase } from '../../src-renderer/db';
import { DB_KEY } from '../../src-renderer/lib/db-key';
import { HOST_KEY } from '../../src-renderer/stores/host-key';
import { useViewsStore } from '../../src-renderer/stores/views';
import { useWorkspaceStore } from '../../src-renderer/stores/workspace';

/** The users of the views store's tests: a settings manager, a plain seat, and the permission without a seat. */
export const ALEX = '1000001';
export const SAM = '1000002';
export const CASEY = '1000003';

/** A private company view of Alex's, with no filters; `over` sets what a test is about. */
export const aView = (over: Partial<View> = {}): View => ({
  id: 'view:1',
  name: 'Team',
  objectType: 'companies',
  filterGroups: [],
  columns: ['name'],
  sharing: 'private',
  ownerUserId: ALEX,
  ...over,
});

/**
 * The views store on a fresh Dexie database (fake-indexeddb) for each test, holding the three
 * users; `onDb` receives each test's database. Registers its own beforeEach/afterEach.
 * `signIn(userId)` builds a fresh app (one client) signed in as that user and returns its views store.
 */
export function viewsStoreHarness(name: string, onDb: (db: CsDatabase) => void): { signIn: (userId: string) => ReturnType<typeof useViewsStore> } {
  let db: CsDatabase;
  let pinias: Pinia[] = [];
  beforeEach(async () => {
    db = new CsDatabase(`${name}-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
    onDb(db);
    await db.users.bulkPut([
      { id: ALEX, email: 'alex@example.com', seatNames: ['service-hub-professional'], 'x-demo-permissions': ['manage-customer-success-settings'] },
      { id: SAM, email: 'sam@example.com', seatNames: ['service-hub-professional'], 'x-demo-permissions': [] },
      // The settings permission without a paid seat: the seat rule refuses Everyone views too.
      { id: CASEY, email: 'casey@example.com', seatNames: [], 'x-demo-permissions': ['manage-customer-success-settings'] },
    ]);
  });
  afterEach(async () => {
    // Disposing the stores' scopes stops their Dexie subscriptions.
    for (const p of pinias) p._e.stop();
    pinias = [];
    await db.delete();
  });
  function signIn(userId: string) {
    const pinia = createPinia();
    pinias.push(pinia);
    // The views store reads nothing from the host; the workspace store only holds it.
    const app = createApp({ render: () => null })
      .provide(DB_KEY, db)
      .provide(HOST_KEY, {} as HostApi)
      .use(pinia);
    setActivePinia(pinia);
    return app.runWithContext(() => {
      useWorkspaceStore().identity = { userId, ownerId: String(Number(userId) + 59_000_000), email: null };
      return useViewsStore();
    });
  }
  return { signIn };
}
