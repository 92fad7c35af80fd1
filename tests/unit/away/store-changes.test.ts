import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CHANGE_KEEP_MS } from '../../../shared/away';
import type { SyncedRecord } from '../../../shared/sync';
import { CsDatabase, createDexieStore } from '../../../src-renderer/db';
import { putMeta, META } from '../../../src-renderer/db/meta';
import { readChanges, lastChangeKey } from '../../../src-renderer/db/repositories/away';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const deal = (id: string, dealstage: string, updatedAt: number, createdAt = NOW - 86_400_000): SyncedRecord => ({
  id,
  properties: { dealname: `Deal ${id}`, dealstage },
  createdAt: iso(createdAt),
  updatedAt: iso(updatedAt),
  archived: false,
});

function setup() {
  let now = NOW;
  const db = new CsDatabase(`away-${Math.random()}`, { indexedDB, IDBKeyRange });
  const store = createDexieStore(db, () => now);
  return { db, store, tick: (ms: number) => (now += ms) };
}

describe('applyPage keeps what a page changed', () => {
  it('nothing while a type loads for the first time; a stage move once it pulls incrementally', async () => {
    const { db, store, tick } = setup();
    await store.applyPage('deals', [deal('1', 'a', NOW - 1000)], { objectType: 'deals', mode: 'bootstrap', fenceMs: NOW, done: 1 });
    await store.applyPage('deals', [deal('2', 'a', NOW - 500)], { objectType: 'deals', mode: 'incremental', valueMs: NOW });
    // The page that finished the first load (cursor then bootstrap) records nothing either.
    expect(await readChanges(db, '', '\uffff')).toEqual([]);
    tick(60_000);
    await store.applyPage('deals', [deal('1', 'b', NOW + 1000), deal('3', 'a', NOW + 1000, NOW + 900)], {
      objectType: 'deals',
      mode: 'incremental',
      valueMs: NOW + 1000,
    });
    const changes = await readChanges(db, '', await lastChangeKey(db));
    // A new deal is not an item of the digest; the move is, with both stages.
    expect(changes).toEqual([{ kind: 'dealStage', objectType: 'deals', recordId: '1', at: NOW + 60_000, from: 'a', to: 'b' }]);
    // An older copy (search index lag) is skipped, and so is its "change".
    await store.applyPage('deals', [deal('1', 'a', NOW)], { objectType: 'deals', mode: 'incremental', valueMs: NOW + 1000 });
    expect(await readChanges(db, '', '\uffff')).toHaveLength(1);
    expect((await db.records('deals').get('1'))?.properties.dealstage).toBe('b');
  });

  it('follows the workspace renewal property and prunes entries older than the keep period', async () => {
    const { db, store, tick } = setup();
    await putMeta(db, META.workspaceSettings, { renewalProperty: 'contract_end' });
    const company = (end: string, updatedAt: number): SyncedRecord => ({
      id: 'c1',
      properties: { name: 'Acme', contract_end: end, renewal_date: end },
      createdAt: iso(NOW - 86_400_000),
      updatedAt: iso(updatedAt),
      archived: false,
    });
    const cursor = { objectType: 'companies', mode: 'incremental', valueMs: NOW } as const;
    await store.applyPage('companies', [company('2027-01-01', NOW)], cursor);
    await store.applyPage('companies', [company('2027-02-01', NOW + 1)], cursor);
    expect((await readChanges(db, '', '\uffff')).map((c) => [c.kind, c.from, c.to])).toEqual([['renewalChanged', '2027-01-01', '2027-02-01']]);
    tick(CHANGE_KEEP_MS + 1);
    await store.applyPage('companies', [company('2027-03-01', NOW + 2)], cursor);
    expect((await readChanges(db, '', '\uffff')).map((c) => c.to)).toEqual(['2027-03-01']);
  });
});
