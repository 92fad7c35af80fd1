import { describe, expect, it } from 'vitest';
import type { SyncedType } from '../../../shared/sync';
import { listConflicts, setProperties } from '../../../src-renderer/db';
import { type CrmAdmin, gatewayPort, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, openDb, uniqueDbName } from './support/engine';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

const TYPES: SyncedType[] = ['deals'];
const DAY = 24 * 3_600_000;

let crm: TestCrm;
let admin: CrmAdmin;
// Lag off: this checks clock independence, and expects the very next sync to pull a colleague's edit.
testCrmPerFile({ seed: 29, searchLag: false }, (c, a) => ((crm = c), (admin = a)));

/** The client's clock: shifted by a day either way, and jumping back an hour on every read. */
const clocks: Array<[string, () => () => number]> = [
  ['+24 h', () => () => Date.now() + DAY],
  ['−24 h', () => () => Date.now() - DAY],
  [
    'jumping back',
    () => {
      let t = Date.now();
      return () => (t -= 3_600_000);
    },
  ],
];

describe('correctness does not depend on the client clock (G17)', () => {
  let offset = 0;
  for (const [label, make] of clocks) {
    it(`client clock ${label}: same conflicts, same writes, same pulls`, async () => {
      const now = make();
      const db = openDb(uniqueDbName('clock'));
      const port = gatewayPort(crm);
      const sync = () => engine(db, port, { types: TYPES, now }).runOnce();
      await sync();
      const deals = (await db.records('deals').where('stage').anyOf('appointmentscheduled', 'qualifiedtobuy').toArray()).slice(offset, offset + 3);
      offset += 3;
      const [conflicting, clean, pulled] = deals as [(typeof deals)[0], (typeof deals)[0], (typeof deals)[0]];
      await setProperties(db, 'deals', conflicting.id, { dealname: 'Mine' }, { now });
      await admin.update('deals', conflicting.id, { dealname: `Theirs ${label}` }, '1000002');
      await setProperties(db, 'deals', clean.id, { dealname: `Clean ${label}` }, { now });
      await admin.update('deals', pulled.id, { amount: '31337' }, '1000002');
      await sync();
      expect((await listConflicts(db)).map((c) => [c.recordId, c.property, c.theirs])).toEqual([[conflicting.id, 'dealname', `Theirs ${label}`]]);
      expect((await admin.history('deals', clean.id, ['dealname'])).properties.dealname).toBe(`Clean ${label}`);
      expect((await db.records('deals').get(pulled.id))?.properties.amount).toBe('31337');
      expect(await db.outbox.count()).toBe(0);
      db.close();
    });
  }
});
