// Dexie's liveQuery reads the global IndexedDB, so the fake is installed globally, before Dexie loads.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { View } from '../../../shared/views';
import type { CsDatabase } from '../../../src-renderer/db';
import { EVERYONE_KEY, privateKey } from '../../../src-renderer/stores/views';
import { aView, ALEX, CASEY, SAM, viewsStoreHarness } from '../../support/views-store';

let db: CsDatabase;
const { signIn } = viewsStoreHarness('views', (d) => (db = d));

const view = (over: Partial<View>): View =>
  aView({ name: 'Enterprise', filterGroups: [{ filters: [{ property: 'plan', operator: 'is_any_of', values: ['Enterprise'] }] }], columns: ['plan'], ...over });

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
