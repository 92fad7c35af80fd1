import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KillPoint, SyncedType } from '../../../shared/sync';
import { associate, createTask, setProperties, type CsDatabase } from '../../../src-renderer/db';
import { crmAdmin, gatewayPort, startTestCrm, type TestCrm } from './support/crm';
import { engine, Killed, openDb, uniqueDbName } from './support/engine';

const TYPES: SyncedType[] = ['companies', 'deals'];
const POINTS: KillPoint[] = ['push:before-send', 'push:after-send', 'push:after-resolve', 'pull:after-fetch', 'pull:after-apply'];

let crm: TestCrm;
let admin: ReturnType<typeof crmAdmin>;
let template: CsDatabase;
beforeAll(async () => {
  // Lag off: this checks crash safety, and expects the very next sync to pull a colleague's edit.
  crm = await startTestCrm({ seed: 13, searchLag: false });
  admin = crmAdmin(crm);
  template = openDb(uniqueDbName('kill-template'));
  await engine(template, gatewayPort(crm), { types: TYPES }).runOnce();
});
afterAll(async () => {
  template?.close();
  await crm?.close();
});

describe('kill and restart', () => {
  let round = 0;
  for (const point of POINTS) {
    it(`the outbox written before a kill at ${point} is intact after restart and drains exactly once`, async () => {
      round++;
      const name = uniqueDbName('kill');
      let db = openDb(name);
      const port = gatewayPort(crm);
      await engine(db, port, { types: TYPES }).runOnce();
      const deals = (await db.records('deals').where('stage').anyOf('appointmentscheduled', 'qualifiedtobuy').toArray()).slice(round * 4, round * 4 + 4);
      const company = (await db.records('companies').toArray())[round]!;
      const names = deals.map((d, i) => `Kill ${round}-${i}`);
      for (const [i, d] of deals.entries()) await setProperties(db, 'deals', d.id, { dealname: names[i]! });
      await setProperties(db, 'deals', deals[0]!.id, { amount: String(7000 + round) });
      const clientId = `kill-task-${round}-${Date.now()}`;
      await createTask(
        db,
        { subject: 'After the kill', dueAtMs: 1_795_000_000_000, associations: [{ toType: 'companies', toId: company.id }] },
        { newClientId: () => clientId },
      );
      await associate(db, 'deals', deals[1]!.id, 'companies', company.id);
      // A server-side change so the pull has something to fetch when the kill is in the pull.
      await admin.update('companies', company.id, { name: `touched ${round}` }, '1000002');
      const before = await db.outbox.toArray();

      const killed = engine(db, port, { types: TYPES, killAt: { point, nth: 1 } });
      await expect(killed.runOnce()).rejects.toBeInstanceOf(Killed);
      db.close();

      db = openDb(name);
      const after = await db.outbox.toArray();
      // Intact: every entry still there, except those the CRM confirmed before the kill.
      for (const e of after) expect(before.find((b) => b.seq === e.seq)?.intent.kind).toBe(e.intent.kind);
      if (point === 'push:before-send' || point === 'push:after-send') expect(after.length).toBe(before.length);

      await engine(db, port, { types: TYPES }).runOnce();
      for (let i = 0; i < 3 && (await db.outbox.count()) > 0; i++) await engine(db, port, { types: TYPES }).runOnce();
      expect(await db.outbox.count()).toBe(0);
      expect(await db.conflicts.count()).toBe(0);
      for (const [i, d] of deals.entries()) {
        const h = await admin.history('deals', d.id, ['dealname']);
        expect(h.properties.dealname).toBe(names[i]);
        expect(h.propertiesWithHistory.dealname!.filter((e) => e.value === names[i])).toHaveLength(1);
      }
      expect((await admin.findByClientId('tasks', clientId)).total).toBe(1);
      const assoc = await admin.call<{ results: Array<{ toObjectId: string | number }> }>(
        'GET',
        `/crm/v4/objects/deals/${deals[1]!.id}/associations/companies`,
      );
      expect(assoc.results.map((r) => String(r.toObjectId))).toContain(company.id);
      expect((await db.records('companies').get(company.id))?.properties.name).toBe(`touched ${round}`);
      db.close();
    });
  }
});
