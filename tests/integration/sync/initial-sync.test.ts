import { describe, expect, it } from 'vitest';
import { SYNCED_TYPES, syncedPropertiesKey, type SyncProgress } from '../../../shared/sync';
import { WORKSPACE_PROPERTIES } from '../../../shared/records/workspace-properties';
import { crmAdmin, gatewayPort, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, expectLocalEqualsCrm, openDb, uniqueDbName } from './support/engine';

let crm: TestCrm;
// Enterprise: the setup step creates the documents object, so every synced type exists to compare.
testCrmPerFile({ tier: 'enterprise' }, (c) => (crm = c));

describe('initial sync of the small dataset', () => {
  it('makes the local store equal to the CRM, record by record, with progress per type', async () => {
    const db = openDb(uniqueDbName());
    const port = gatewayPort(crm);
    const progress: SyncProgress[] = [];
    const started = performance.now();
    const report = await engine(db, port, { onProgress: (p) => progress.push(p) }).runOnce();
    const ms = performance.now() - started;
    const admin = crmAdmin(crm);
    let records = 0;
    for (const type of SYNCED_TYPES) {
      const remote = await admin.listAll(type);
      const local = await db.records(type).toArray();
      expect(local.map((r) => r.id).sort(), type).toEqual(remote.map((r) => r.id).sort());
      const byId = new Map(local.map((r) => [r.id, r]));
      for (const r of remote) expect(byId.get(r.id)?.updatedAt).toBe(r.updatedAt);
      // The properties the workspace uses, each equal to the CRM's; not the portal's hundreds.
      await expectLocalEqualsCrm(
        db,
        admin,
        type,
        remote.map((r) => r.id),
      );
      const defined = await admin.propertyNames(type);
      const synced = (await db.meta.get(syncedPropertiesKey(type)))?.value as string[];
      expect(synced, type).toEqual(expect.arrayContaining(WORKSPACE_PROPERTIES[type]!.filter((p) => defined.includes(p))));
      if (defined.length > 100) expect(synced.length, `${type}: ${synced.length} of ${defined.length} properties`).toBeLessThan(defined.length / 4);
      records += remote.length;
      // Progress names the type and counts up to its total.
      const last = progress.filter((p) => p.phase === 'bootstrap' && p.objectType === type).at(-1);
      if (remote.length) expect(last).toMatchObject({ done: remote.length, total: remote.length });
      expect(await db.cursors.get(type)).toMatchObject({ mode: 'incremental' });
    }
    expect(report.pulled).toBe(records);
    expect(await db.pipelines.count()).toBeGreaterThan(0);
    expect(await db.owners.count()).toBeGreaterThan(0);
    expect(await db.associations.count()).toBeGreaterThan(0);
    console.info(`initial sync: ${records} records, ${port.log.length} requests, ${Math.round(ms)} ms`);
    db.close();
  });
});
