import { describe, expect, it } from 'vitest';
import type { SyncedType } from '../../../shared/sync';
import { setProperties } from '../../../src-renderer/db';
import { type CrmAdmin, gatewayPort, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, openDb, uniqueDbName } from './support/engine';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

const TYPES: SyncedType[] = ['deals'];

let crm: TestCrm;
let admin: CrmAdmin;
testCrmPerFile({ seed: 23 }, (c, a) => ((crm = c), (admin = a)));

describe("the demo CRM's own faults", () => {
  it('under dropped connections, 5xx and 429s the queue drains, each edit applied once, local = CRM', async () => {
    const db = openDb(uniqueDbName('faults'));
    // The app's gateway with its own retries (sleeps skipped), as in production.
    const port = gatewayPort(crm, { maxAttempts: 3, timeoutMs: 1_000 });
    await engine(db, port, { types: TYPES }).runOnce();
    const deals = (await db.records('deals').where('stage').anyOf('appointmentscheduled', 'qualifiedtobuy').toArray()).slice(0, 12);
    for (const [i, d] of deals.entries()) await setProperties(db, 'deals', d.id, { dealname: `Faulty ${i}`, amount: String(3000 + i) });
    await admin.setFaults({ dropRate: 0.2, errorRate: 0.3, force429: 3, latencyMs: 1, seed: 5 });
    let passes = 0;
    try {
      while ((await db.outbox.count()) > 0 && passes < 40) {
        passes++;
        await engine(db, port, { types: TYPES }).runOnce();
      }
    } finally {
      await admin.clearFaults();
    }
    await engine(db, port, { types: TYPES }).runOnce();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    for (const [i, d] of deals.entries()) {
      const h = await admin.history('deals', d.id, ['dealname', 'amount']);
      expect(h.properties).toMatchObject({ dealname: `Faulty ${i}`, amount: String(3000 + i) });
      expect(h.propertiesWithHistory.dealname!.filter((e) => e.value === `Faulty ${i}`)).toHaveLength(1);
      expect((await db.records('deals').get(d.id))?.properties).toMatchObject(h.properties);
    }
    console.info(`drained under faults in ${passes} passes`);
  });

  it('an expired token pauses the queue intact; after re-login it drains once (G14)', async () => {
    const db = openDb(uniqueDbName('token'));
    const good = gatewayPort(crm);
    await engine(db, good, { types: TYPES }).runOnce();
    const [deal] = await db.records('deals').where('stage').equals('qualifiedtobuy').limit(1).toArray();
    await setProperties(db, 'deals', deal!.id, { dealname: 'After re-login' });
    const expired = engine(db, gatewayPort({ ...crm, token: 'expired-token' }), { types: TYPES });
    await expired.runOnce();
    expect(expired.status().lastError).toMatch(/Authentication/i);
    expect(await db.outbox.count()).toBe(1);
    await engine(db, good, { types: TYPES }).runOnce();
    expect(await db.outbox.count()).toBe(0);
    const h = await admin.history('deals', deal!.id, ['dealname']);
    expect(h.propertiesWithHistory.dealname!.filter((e) => e.value === 'After re-login')).toHaveLength(1);
  });
});
