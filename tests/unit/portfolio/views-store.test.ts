// Dexie's liveQuery reads the global IndexedDB, so the fake is installed globally too.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import type { HostApi } from '../../../shared/contract';
import type { View } from '../../../shared/views';
import { CsDatabase } from '../../../src-renderer/db';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { EVERYONE_KEY, privateKey, useViewsStore } from '../../../src-renderer/stores/views';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';

const ALEX = '1000001';
const SAM = '1000002';
const CASEY = '1000003';

let db: CsDatabase;
let pinias: Pinia[] = [];

beforeEach(async () => {
  db = new CsDatabase(`views-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
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

/** A fresh app (one client) signed in as `userId`. */
function signIn(userId: string) {
  // The views store reads nothing from the host; the workspace store only holds it.
  const host = {} as HostApi;
  const pinia = createPinia();
  pinias.push(pinia);
  const app = createApp({ render: () => null })
    .provide(DB_KEY, db)
    .provide(HOST_KEY, host)
    .use(pinia);
  setActivePinia(pinia);
  return app.runWithContext(() => {
    const workspace = useWorkspaceStore();
    workspace.identity = { userId, ownerId: String(Number(userId) + 59_000_000), email: null };
    return useViewsStore();
  });
}

const view = (over: Partial<View>): View => ({
  id: 'view:1',
  name: 'Enterprise',
  objectType: 'companies',
  filterGroups: [{ filters: [{ property: 'plan', operator: 'is_any_of', values: ['Enterprise'] }] }],
  columns: ['plan'],
  sharing: 'private',
  ownerUserId: ALEX,
  ...over,
});

describe('the views store', () => {
  it('refuses to share with Everyone without the settings permission, and writes nothing', async () => {
    const views = signIn(SAM);
    const r = await views.save(view({ id: 'view:sam', sharing: 'everyone', ownerUserId: SAM }));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await db.meta.get(EVERYONE_KEY)).toBeUndefined();
    expect(await db.meta.get(privateKey(SAM))).toBeUndefined();
    await vi.waitFor(() => expect(views.canShareWithEveryone).toBe(false));
  });

  it('refuses Everyone views to a user with the settings permission but no paid seat (the one permission rule)', async () => {
    const views = signIn(CASEY);
    await vi.waitFor(() => expect(views.userId).toBe(CASEY));
    const r = await views.save(view({ id: 'view:casey', sharing: 'everyone', ownerUserId: CASEY }));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await db.meta.get(privateKey(CASEY))).toBeUndefined();
    // A private view needs no permission.
    expect((await views.save(view({ id: 'view:casey-own', ownerUserId: CASEY }))).ok).toBe(true);
    expect(views.canShareWithEveryone).toBe(false);
  });

  it('keeps private views per user and Everyone views for all, with the featured list for Summary', async () => {
    const views = signIn(ALEX);
    await vi.waitFor(() => expect(views.canShareWithEveryone).toBe(true));
    expect((await views.save(view({}))).ok).toBe(true);
    const shared = view({ id: 'view:2', name: 'Team', sharing: 'everyone', isDefault: true, featured: true, description: 'For the team' });
    expect((await views.save(shared)).ok).toBe(true);
    await vi.waitFor(() =>
      expect(
        views
          .customFor('companies')
          .map((v) => v.name)
          .sort(),
      ).toEqual(['Enterprise', 'Team']),
    );
    expect(views.featured.map((v) => [v.name, v.description])).toEqual([['Team', 'For the team']]);
    expect(views.defaultFor('companies')?.id).toBe('view:2');

    // A featured view needs Everyone; the schema says so and the store reports it.
    expect(await views.save(view({ id: 'view:3', featured: true, description: 'x' }))).toMatchObject({ ok: false, error: { code: 'INVALID' } });

    expect((await views.rename('view:1', 'Big ones')).ok).toBe(true);
    await vi.waitFor(() => expect(views.custom.find((v) => v.id === 'view:1')?.name).toBe('Big ones'));
    expect((await views.remove('view:1')).ok).toBe(true);
    await vi.waitFor(() => expect(views.custom.map((v) => v.id)).toEqual(['view:2']));
  });

  it('does not let another user change or delete an Everyone view without the permission', async () => {
    const alex = signIn(ALEX);
    expect((await alex.save(view({ id: 'view:team', sharing: 'everyone' }))).ok).toBe(true);
    const sam = signIn(SAM);
    await vi.waitFor(() => expect(sam.custom.map((v) => v.id)).toEqual(['view:team']));
    expect(await sam.rename('view:team', 'Mine now')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sam.remove('view:team')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Turning it private would also take it from everyone.
    expect(await sam.save(view({ id: 'view:team', sharing: 'private', ownerUserId: SAM }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
