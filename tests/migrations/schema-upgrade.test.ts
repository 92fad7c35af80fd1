import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsDatabase, mergedRecord } from '../../src-renderer/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../src-renderer/db/schemas';
import { crmAdmin, gatewayPort, startTestCrm, type TestCrm } from '../integration/sync/support/crm';
import { engine, uniqueDbName } from '../integration/sync/support/engine';
import { FIXTURES } from './fixtures';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

let crm: TestCrm;
beforeAll(async () => {
  crm = await startTestCrm({ seed: 19 });
});
afterAll(async () => crm?.close());

/** A database exactly as the build that shipped `version` created it. */
async function createAtVersion(name: string, version: number, fill: (db: Dexie) => Promise<void>) {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  await fill(old);
  old.close();
}

describe('schema upgrades keep pending edits (G16)', () => {
  it('has a fixture for every released version', () => {
    expect(FIXTURES.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  for (const fixture of FIXTURES) {
    it(`opens a v${fixture.version} database with a non-empty outbox as v${CURRENT_VERSION}: nothing lost, and the outbox drains`, async () => {
      const admin = crmAdmin(crm);
      const [deal] = (await admin.listAll('deals', ['dealname', 'dealstage', 'pipeline', 'hs_lastmodifieddate'])).slice(0, 1);
      // Every fixture queues the same note; notes have no unique key, so count what this one adds.
      const notesBefore = (await admin.findByClientId('notes', 'v1-note')).total;
      const name = uniqueDbName(`v${fixture.version}`);
      await createAtVersion(name, fixture.version, (db) => fixture.write(db, { ...deal!, createdAt: deal!.updatedAt }));

      const db = new CsDatabase(name, { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);
      const outbox = await db.outbox.orderBy('seq').toArray();
      expect(outbox.map((e) => [e.seq, e.intent.kind, e.status])).toEqual([
        [1, 'update', 'pending'],
        [2, 'create', 'pending'],
      ]);
      for (const [table, key] of fixture.kept) expect(await db.table(table).get(key as never), `${table} ${String(key)}`).toBeDefined();
      expect(await mergedRecord(db, 'deals', deal!.id)).toMatchObject({ pending: true, properties: { dealname: 'Migrated edit' } });
      // The links survive, and the prefix queries every tab makes still find them (v3 answers them from the primary key).
      expect((await db.associations.where('[fromType+fromId+toType]').equals(['companies', 'c-1', 'deals']).toArray()).map((a) => a.toId)).toEqual([deal!.id]);
      expect((await db.associations.where('[fromType+fromId]').equals(['deals', deal!.id]).toArray()).map((a) => [a.toType, a.toId])).toEqual([
        ['companies', 'c-1'],
      ]);

      await engine(db, gatewayPort(crm), { types: ['deals'] }).runOnce();
      expect(await db.outbox.count()).toBe(0);
      expect((await admin.history('deals', deal!.id, ['dealname'])).properties.dealname).toBe('Migrated edit');
      expect((await admin.findByClientId('notes', 'v1-note')).total).toBe(notesBefore + 1);
      db.close();
    });
  }
});
