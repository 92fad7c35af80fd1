// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick, ref } from 'vue';
import type { HostApi } from '../../../shared/contract';
import { PermissionError } from '../../../shared/domain/permissions';
import { HealthModelError, scratchScore, setupTemplate, type HealthScore } from '../../../shared/health';
import { CsDatabase, setProperties } from '../../../src-renderer/db';
import { loadScoreModel } from '../../../src-renderer/db/repositories/health-model';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { useHealthStore } from '../../../src-renderer/stores/health';
import { healthEngines } from '../../../src-renderer/stores/health-engine';
import { useHealthModelStore } from '../../../src-renderer/stores/health-model';
import { useHealthSnapshotsStore } from '../../../src-renderer/stores/health-snapshots';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { companyRow } from './fixtures';

/**
 * The store on a real Dexie over fake-indexeddb: the permission check in `saveScores`, and a
 * local (offline) edit moving a score at once through Dexie's change events.
 */
let pinias: Pinia[] = [];
afterEach(() => {
  // Disposing the stores' scopes stops their Dexie listeners and timers.
  for (const p of pinias) p._e.stop();
  pinias = [];
});

const USERS = {
  editor: { id: 'u-edit', seatNames: ['Customer Success'], 'x-demo-permissions': ['manage-customer-success-settings'] },
  seatOnly: { id: 'u-seat', seatNames: ['Customer Success'] },
  adminNoSeat: { id: 'u-admin', superAdmin: true, seatNames: [] },
};

async function setup(userId: string) {
  const db = new CsDatabase(`health-${Math.random().toString(36).slice(2)}`);
  await db.users.bulkPut(Object.values(USERS));
  await db.properties.bulkPut([
    { objectType: 'companies', name: 'name', type: 'string' },
    { objectType: 'companies', name: 'csm_sentiment', type: 'enumeration' },
    { objectType: 'companies', name: 'nps_score', type: 'number' },
    { objectType: 'tickets', name: 'hs_ticket_priority', type: 'enumeration' },
  ]);
  const row = companyRow;
  await db
    .records('companies')
    .bulkPut([row('c1', { name: 'Acme', csm_sentiment: 'Good', nps_score: '9' }), row('c2', { name: 'Beta', csm_sentiment: 'Bad', nps_score: '2' })]);
  const host = { 'crm:whoami': async () => ({ ok: true, data: { userId, ownerId: 'o1', email: null } }) } as unknown as HostApi;
  const app = createApp({ render: () => null });
  const pinia = createPinia();
  app.provide(DB_KEY, db).provide(HOST_KEY, host).provide(healthEngines.key, healthEngines.inPage).use(pinia);
  pinias.push(pinia);
  setActivePinia(pinia);
  // The model (editing, permission), the computed scores and the snapshots are stores of their own.
  const store = app.runWithContext(() => useHealthModelStore());
  const health = app.runWithContext(() => useHealthStore());
  const snapshots = app.runWithContext(() => useHealthSnapshotsStore());
  return { db, store, health, snapshots };
}

const simple = (): HealthScore => ({
  ...setupTemplate('s1', 'Simple'),
  groups: [
    {
      id: 'sent',
      name: 'Sentiment',
      maxPoints: 50,
      criteria: [
        { id: 'good', kind: 'property', objectType: 'companies', filter: { property: 'csm_sentiment', operator: 'is_any_of', values: ['Good'] }, points: 50 },
      ],
    },
    {
      id: 'nps',
      name: 'NPS',
      maxPoints: 50,
      criteria: [{ id: 'prom', kind: 'property', objectType: 'companies', filter: { property: 'nps_score', operator: 'gte', value: '9' }, points: 50 }],
    },
  ],
});

describe('health store', () => {
  it('refuses saving to a super admin without a seat, and to a seat without the settings permission', async () => {
    for (const [user, reason] of [
      [USERS.adminNoSeat, 'noSeat'],
      [USERS.seatOnly, 'needsSettingsPermission'],
    ] as const) {
      const { db, store } = await setup(user.id);
      await vi.waitFor(() => expect(store.editDecision).toEqual({ allowed: false, reason }), { timeout: 10_000 });
      const err = await store.saveScores([simple()]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermissionError);
      expect((err as PermissionError).reason).toBe(reason);
      await expect(store.saveDraft(simple())).rejects.toBeInstanceOf(PermissionError);
      expect(await loadScoreModel(db)).toBeUndefined();
    }
  });

  it('saves for an editor, clears the draft, and refuses an invalid model naming the problem', async () => {
    const { db, store } = await setup(USERS.editor.id);
    await vi.waitFor(() => expect(store.canEdit).toBe(true), { timeout: 10_000 });
    await store.saveDraft(scratchScore('d', 'Draft'));
    await vi.waitFor(() => expect(store.draft?.id).toBe('d'), { timeout: 10_000 });
    const err = await store.saveScores([scratchScore('d', 'Draft')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HealthModelError);
    expect((err as Error).message).toBe('Draft: Group "Group 1" has no criteria');
    await store.saveScores([simple()]);
    // Kept as a shared workspace document, queued for the CRM.
    expect(((await loadScoreModel(db)) as HealthScore[]).map((s) => s.id)).toEqual(['s1']);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.get('health:draft:u-edit')).toBeUndefined();
    await vi.waitFor(() => expect(store.scores.map((x) => x.id)).toEqual(['s1']), { timeout: 10_000 });
  });

  it('computes every account and moves a score at once on an offline edit', async () => {
    const { db, store, health } = await setup(USERS.editor.id);
    await vi.waitFor(() => expect(store.canEdit).toBe(true), { timeout: 10_000 });
    health.start();
    await store.saveScores([simple()]);
    await vi.waitFor(() => expect(health.resultFor('c1')?.score).toBe(100), { timeout: 10_000 });
    expect(health.resultFor('c2')).toMatchObject({ score: 0, status: 'atRisk' });
    expect(health.statusCounts).toEqual({ healthy: 1, neutral: 0, atRisk: 1, none: 0 });
    const before = health.revision;
    await setProperties(db, 'companies', 'c2', { csm_sentiment: 'Good' });
    await vi.waitFor(() => expect(health.resultFor('c2')).toMatchObject({ score: 50, status: 'neutral' }), { timeout: 10_000 });
    expect(health.revision).toBeGreaterThan(before);
  });

  it('tells "not computed yet" (pending) from "no score": pending until the engine publishes the account', async () => {
    const { db, store, health } = await setup(USERS.editor.id);
    await vi.waitFor(() => expect(store.canEdit).toBe(true), { timeout: 10_000 });
    // No health score defined: nothing to wait for, whether the engine runs or not.
    await vi.waitFor(() => expect(health.pendingFor('c1')).toBe(false), { timeout: 10_000 });
    await store.saveScores([simple()]);
    await vi.waitFor(() => expect(health.pendingFor('c1')).toBe(true), { timeout: 10_000 });
    health.start();
    await vi.waitFor(() => expect(health.pendingFor('c1')).toBe(false), { timeout: 10_000 });
    // An account the engine has not seen yet is pending until it publishes it.
    expect(health.pendingFor('c3')).toBe(true);
    await db.records('companies').bulkPut([companyRow('c3', { name: 'Gamma' })]);
    await vi.waitFor(() => expect(health.pendingFor('c3')).toBe(false), { timeout: 10_000 });
  });

  it('explains an account on request and says what changed since the last sync', async () => {
    const { db, store, health, snapshots } = await setup(USERS.editor.id);
    await vi.waitFor(() => expect(store.canEdit).toBe(true), { timeout: 10_000 });
    const running = ref(false);
    health.start();
    snapshots.followSync(() => running.value);
    await store.saveScores([simple()]);
    await vi.waitFor(() => expect(health.resultFor('c2')?.score).toBe(0), { timeout: 10_000 });
    expect(snapshots.sinceLastSync('c2')).toBeNull();
    // A sync starts, brings a change, ends.
    running.value = true;
    await nextTick();
    await setProperties(db, 'companies', 'c2', { nps_score: '10' });
    await vi.waitFor(() => expect(health.resultFor('c2')?.score).toBe(50), { timeout: 10_000 });
    running.value = false;
    await nextTick();
    expect(snapshots.sinceLastSync('c2')).toEqual({
      before: expect.objectContaining({ score: 0, status: 'atRisk' }),
      now: expect.objectContaining({ score: 50, status: 'neutral' }),
    });
    expect(snapshots.sinceLastSync('c1')).toEqual({ before: expect.objectContaining({ score: 100 }), now: expect.objectContaining({ score: 100 }) });
    const explained = await health.explain('c2');
    expect(explained?.groups.map((g) => [g.name, g.points])).toEqual([
      ['Sentiment', 0],
      ['NPS', 50],
    ]);
    // Many accounts in one round trip, answered in the order asked; an unknown one is null.
    const many = await health.explainMany(['c1', 'nope', 'c2']);
    expect(many.map((r) => r?.score ?? null)).toEqual([100, null, 50]);
  });
});
