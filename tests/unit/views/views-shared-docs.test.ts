// Dexie's liveQuery reads the global IndexedDB, so the fake is installed globally, before Dexie loads.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DOCS_TYPE, unavailableKey } from '../../../shared/sync';
import type { View } from '../../../shared/views';
import { listOutbox, type CsDatabase } from '../../../src-renderer/db';
import { readSharedDocs } from '../../../src-renderer/db/repositories/shared-docs';
import { EVERYONE_KEY, privateKey, viewDocKey } from '../../../src-renderer/stores/views';
import { aView, ALEX, SAM, viewsStoreHarness } from '../../support/views-store';

let db: CsDatabase;
const { signIn } = viewsStoreHarness('views-docs', (d) => (db = d));

const view = (over: Partial<View>): View => aView({ id: 'v-1', sharing: 'everyone', ...over });

const docKeys = async () => (await readSharedDocs(db, 'view:')).map((d) => [d.key, d.source, JSON.parse(d.json).name, JSON.parse(d.json).isDefault ?? false]);

describe('Everyone views in the shared document store', () => {
  it('are written as one CRM document each, through the outbox, never to the local Everyone list', async () => {
    const alex = signIn(ALEX);
    await vi.waitFor(() => expect(alex.canShareWithEveryone).toBe(true));
    expect((await alex.save(view({ isDefault: true }))).ok).toBe(true);
    expect((await alex.save(view({ id: 'v-2', name: 'Renewals', isDefault: true }))).ok).toBe(true);
    // One default per object type: the older one is demoted in its own document.
    expect(await docKeys()).toEqual([
      [viewDocKey('v-1'), 'crm', 'Team', false],
      [viewDocKey('v-2'), 'crm', 'Renewals', true],
    ]);
    const outbox = await listOutbox(db);
    expect(outbox.map((e) => [e.intent.kind, e.intent.kind === 'create' || e.intent.kind === 'update' ? e.intent.objectType : ''])).toEqual([
      ['create', DOCS_TYPE],
      ['create', DOCS_TYPE],
      // The demotion of v-1, queued after its create (per-record order).
      ['update', DOCS_TYPE],
    ]);
    expect(await db.meta.get(EVERYONE_KEY)).toBeUndefined();
    await vi.waitFor(() => expect(alex.defaultFor('companies')?.id).toBe('v-2'));

    // Making it private takes it from everyone (a cleared document) and keeps it for Alex.
    expect((await alex.save(view({ id: 'v-2', name: 'Renewals', sharing: 'private' }))).ok).toBe(true);
    expect(await docKeys()).toEqual([[viewDocKey('v-1'), 'crm', 'Team', false]]);
    expect(((await db.meta.get(privateKey(ALEX)))?.value as View[]).map((v) => v.id)).toEqual(['v-2']);
  });

  it('refuses a user without the settings permission in the store itself, writing nothing', async () => {
    const alex = signIn(ALEX);
    expect((await alex.save(view({}))).ok).toBe(true);
    const before = await listOutbox(db);
    const sam = signIn(SAM);
    await vi.waitFor(() => expect(sam.custom.map((v) => v.id)).toEqual(['v-1']));
    expect(await sam.save(view({ id: 'v-sam', ownerUserId: SAM }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sam.rename('v-1', 'Mine now')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sam.remove('v-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await listOutbox(db)).toEqual(before);
  });

  it('shows Everyone views kept by earlier builds, and moves one to the shared store when saved', async () => {
    await db.meta.put({ key: EVERYONE_KEY, value: [view({ id: 'old', name: 'Old team view' })] });
    const alex = signIn(ALEX);
    await vi.waitFor(() => expect(alex.custom.map((v) => v.name)).toEqual(['Old team view']));
    expect((await alex.rename('old', 'Old, now shared')).ok).toBe(true);
    expect(await docKeys()).toEqual([[viewDocKey('old'), 'crm', 'Old, now shared', false]]);
    expect((await db.meta.get(EVERYONE_KEY))?.value).toEqual([]);
    await vi.waitFor(() => expect(alex.custom.map((v) => v.name)).toEqual(['Old, now shared']));
  });

  it('where the CRM has no documents object, keeps Everyone views on this computer and says why', async () => {
    await db.meta.put({ key: unavailableKey(DOCS_TYPE), value: { message: 'Unable to infer object type from: p_cs_workspace_docs', at: 1 } });
    const alex = signIn(ALEX);
    await vi.waitFor(() => expect(alex.sharedLocally).toMatch(/Unable to infer object type/));
    expect((await alex.save(view({}))).ok).toBe(true);
    expect(await listOutbox(db)).toEqual([]);
    expect(await docKeys()).toEqual([[viewDocKey('v-1'), 'local', 'Team', false]]);
    await vi.waitFor(() => expect(alex.custom.map((v) => v.id)).toEqual(['v-1']));
  });

  it('refuses a view too large for the CRM and writes nothing', async () => {
    const alex = signIn(ALEX);
    await vi.waitFor(() => expect(alex.canShareWithEveryone).toBe(true));
    const columns = Array.from({ length: 3000 }, (_, i) => `property_with_a_long_name_${i}`);
    expect(await alex.save(view({ columns }))).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringMatching(/at most 65536/) } });
    expect(await listOutbox(db)).toEqual([]);
  });
});
