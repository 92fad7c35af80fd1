import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncCoordinator, INITIAL_STATUS, statusAfterPass, type CrmPort, type CrmRequest, type CrmResult } from '../../../shared/sync';
import { CsDatabase, createDexieStore } from '../../../src-renderer/db';
import { TEST_NOW } from '../../support/demo-crm';

const SCOPES = "This app hasn't been granted all required scopes to make this call.";

/** An empty CRM that answers 403 (missing scopes) to every request under one of `refused`. */
function crmRefusing(refused: string[]) {
  const port = {
    refused,
    async request(req: CrmRequest): Promise<CrmResult> {
      if (port.refused.some((p) => req.path.startsWith(p))) {
        return { ok: true, data: { status: 403, headers: {}, body: { status: 'error', category: 'MISSING_SCOPES', message: SCOPES } } };
      }
      const body = req.path.endsWith('/search') ? { total: 0, results: [] } : { results: [] };
      return { ok: true, data: { status: 200, headers: {}, body } };
    },
  } satisfies CrmPort & Record<string, unknown>;
  return port;
}

const timers = { setTimeout: () => 0, clearTimeout: () => {} };
const freshStore = () => createDexieStore(new CsDatabase(`status-${Math.random()}`, { indexedDB, IDBKeyRange }));

describe('sync status after a pass', () => {
  it('a pass where every type synced sets lastSyncedAt and clears an earlier refusal', () => {
    const before = {
      ...INITIAL_STATUS,
      lastSyncedAt: 5,
      incomplete: [{ objectType: 'companies', message: 'no' }],
      lastError: 'Companies could not be synced: no',
    };
    const after = statusAfterPass(before, { synced: ['companies', 'deals'] }, 10);
    expect(after.lastSyncedAt).toBe(10);
    expect(after.typeSyncedAt).toEqual({ companies: 10, deals: 10 });
    expect(after.incomplete).toBeUndefined();
    expect(after.lastError).toBeUndefined();
  });

  it('a pass where a type was refused keeps lastSyncedAt and names the types and the reasons', () => {
    const before = { ...INITIAL_STATUS, lastSyncedAt: 5 };
    const after = statusAfterPass(
      before,
      {
        synced: ['deals'],
        refused: [
          { objectType: 'companies', message: SCOPES },
          { objectType: 'tickets', message: 'Gone' },
        ],
      },
      10,
    );
    expect(after.lastSyncedAt).toBe(5);
    expect(after.typeSyncedAt).toEqual({ deals: 10 });
    expect(after.incomplete).toEqual([
      { objectType: 'companies', message: SCOPES },
      { objectType: 'tickets', message: 'Gone' },
    ]);
    expect(after.lastError).toBe(`Companies could not be synced: ${SCOPES}; Tickets could not be synced: Gone`);
  });

  it('the coordinator never reports "synced" while a type is refused, and does once it is served', async () => {
    const crm = crmRefusing(['/crm/v3/objects/companies']);
    let clock = TEST_NOW;
    const sync = createSyncCoordinator({ crm, store: freshStore(), timers, now: () => clock, types: ['companies', 'deals'] });
    const report = await sync.runOnce();
    expect(report.refused).toEqual([{ objectType: 'companies', message: SCOPES }]);
    expect(sync.status()).toMatchObject({ lastSyncedAt: null, typeSyncedAt: { deals: TEST_NOW }, incomplete: [{ objectType: 'companies', message: SCOPES }] });
    expect(sync.status().lastError).toBe(`Companies could not be synced: ${SCOPES}`);

    crm.refused = [];
    clock += 60_000;
    await sync.runOnce();
    expect(sync.status()).toMatchObject({ lastSyncedAt: TEST_NOW + 60_000, typeSyncedAt: { companies: TEST_NOW + 60_000, deals: TEST_NOW + 60_000 } });
    expect(sync.status().incomplete).toBeUndefined();
    expect(sync.status().lastError).toBeUndefined();
  });

  it('a type whose archived sweep is refused is reported, and the other types still sync', async () => {
    const crm = crmRefusing([]);
    const sync = createSyncCoordinator({ crm, store: freshStore(), timers, now: () => TEST_NOW, types: ['companies', 'deals'], sweepEveryMs: 0 });
    await sync.runOnce();
    const base = crm.request.bind(crm);
    crm.request = (req) =>
      req.query?.archived === 'true' && req.path.endsWith('/companies')
        ? Promise.resolve({ ok: true, data: { status: 403, headers: {}, body: { message: 'No archive access' } } })
        : base(req);
    const report = await sync.runOnce();
    expect(report.refused).toEqual([{ objectType: 'companies', message: 'No archive access' }]);
    expect(report.synced).toEqual(['deals']);
    expect(sync.status().incomplete).toEqual([{ objectType: 'companies', message: 'No archive access' }]);
  });
});
