import { afterAll, describe, expect, it } from 'vitest';
import type { SyncedType } from '../../../shared/sync';
import { applyEdit, createNote, listConflicts, mergedRecord, moveStage, retryEntry, setProperties, type CsDatabase } from '../../../src-renderer/db';
import { type CrmAdmin, gatewayPort, type TestCrm, testCrmPerFile } from './support/crm';
import { cloneDb, engine, Killed, openDb, uniqueDbName } from './support/engine';
import { switchable } from './support/switchable';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

const TYPES: SyncedType[] = ['companies', 'deals', 'tasks', 'notes'];
const OTHER_USER = '1000002';
const APP = 'demo-private-app';

let crm: TestCrm;
let admin: CrmAdmin;
testCrmPerFile({ seed: 7 }, (c, a) => ((crm = c), (admin = a)));

/**
 * One first sync for the file: each test starts from a copy of it, brought up to date first
 * (a catch-up of what the tests before changed in the CRM), as a fresh first sync would see it.
 */
let template: CsDatabase | undefined;
afterAll(() => template?.close());
async function bootstrapped() {
  template ??= openDb(uniqueDbName('push-template'));
  await engine(template, gatewayPort(crm), { types: TYPES }).runOnce();
  const name = uniqueDbName();
  const db = openDb(name);
  await cloneDb(template, db);
  const port = switchable(gatewayPort(crm));
  return { db, name, port, sync: () => engine(db, port, { types: TYPES }).runOnce() };
}

/** Open deals in the default pipeline, not yet touched by another test. */
const taken = new Set<string>();
async function freshDeals(db: CsDatabase, n: number) {
  const rows = await db.records('deals').where('stage').anyOf('appointmentscheduled', 'qualifiedtobuy').toArray();
  const picked = rows.filter((r) => !taken.has(r.id)).slice(0, n);
  for (const r of picked) taken.add(r.id);
  expect(picked).toHaveLength(n);
  return picked;
}

async function appWrites(type: string, id: string, prop: string) {
  const h = await admin.history(type, id, [prop]);
  return (h.propertiesWithHistory[prop] ?? []).filter((e) => e.sourceId === APP);
}

describe('push', () => {
  it('an offline edit shows at once as pending, reaches the CRM once online, and retires its overlay', async () => {
    const { db, port, sync } = await bootstrapped();
    const [deal] = await freshDeals(db, 1);
    port.online = false;
    await setProperties(db, 'deals', deal!.id, { dealname: 'Offline rename' });
    await sync();
    expect(await mergedRecord(db, 'deals', deal!.id)).toMatchObject({
      pending: true,
      pendingProperties: ['dealname'],
      properties: { dealname: 'Offline rename' },
    });
    port.online = true;
    await sync();
    expect((await admin.history('deals', deal!.id, ['dealname'])).properties.dealname).toBe('Offline rename');
    expect(await mergedRecord(db, 'deals', deal!.id)).toMatchObject({ pending: false, properties: { dealname: 'Offline rename' } });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.overlay.count()).toBe(0);
  });

  it('raises a conflict instead of overwriting a field someone else changed (G6), and merges disjoint edits (G7)', async () => {
    const { db, sync } = await bootstrapped();
    const [a, b] = await freshDeals(db, 2);
    await setProperties(db, 'deals', a!.id, { dealname: 'Mine' });
    await admin.update('deals', a!.id, { dealname: 'Theirs' }, OTHER_USER);
    await setProperties(db, 'deals', b!.id, { dealname: 'Mine B' });
    await admin.update('deals', b!.id, { amount: '4242' }, OTHER_USER);
    await sync();
    const remoteA = await admin.history('deals', a!.id, ['dealname']);
    expect(remoteA.properties.dealname).toBe('Theirs');
    expect(await listConflicts(db)).toEqual([
      expect.objectContaining({
        objectType: 'deals',
        recordId: a!.id,
        property: 'dealname',
        base: a!.properties.dealname,
        theirs: 'Theirs',
        mine: 'Mine',
        theirsBy: OTHER_USER,
      }),
    ]);
    const remoteB = await admin.history('deals', b!.id, ['dealname', 'amount']);
    expect(remoteB.properties).toMatchObject({ dealname: 'Mine B', amount: '4242' });
    expect(await mergedRecord(db, 'deals', b!.id)).toMatchObject({ pending: false, properties: { dealname: 'Mine B', amount: '4242' } });
  });

  it('sends a rejected intent to "needs attention" with the CRM message, reverts its overlay, lets others through, and retries with a fix (G13)', async () => {
    const { db, sync } = await bootstrapped();
    const [lost, other] = await freshDeals(db, 2);
    // Entering "closed lost" requires closed_lost_reason (stage rules are enforced).
    await moveStage(db, 'deals', lost!.id, 'closedlost');
    await setProperties(db, 'deals', other!.id, { dealname: 'Goes through' });
    await sync();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'attention', lastError: { status: 400 } });
    expect(entry?.lastError?.message).toMatch(/closed_lost_reason/);
    expect(await mergedRecord(db, 'deals', lost!.id)).toMatchObject({ pending: false, properties: { dealstage: lost!.properties.dealstage } });
    expect((await admin.history('deals', other!.id, ['dealname'])).properties.dealname).toBe('Goes through');
    await retryEntry(db, entry!.seq, { closed_lost_reason: 'Budget' });
    await sync();
    expect((await admin.history('deals', lost!.id, ['dealstage', 'closed_lost_reason'])).properties).toMatchObject({
      dealstage: 'closedlost',
      closed_lost_reason: 'Budget',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps per-record order: consecutive stage moves reach the CRM in the user order (G3)', async () => {
    const { db, sync } = await bootstrapped();
    const [deal] = await freshDeals(db, 1);
    for (const stage of ['qualifiedtobuy', 'appointmentscheduled', 'qualifiedtobuy']) await moveStage(db, 'deals', deal!.id, stage);
    await sync();
    const writes = await appWrites('deals', deal!.id, 'dealstage');
    const tail = writes
      .map((w) => w.value)
      .reverse()
      .slice(-3);
    // The first move may be a no-op if the deal already was in that stage; the order holds either way.
    expect(tail.join(',')).toMatch(/(qualifiedtobuy,)?appointmentscheduled,qualifiedtobuy$/);
  });

  it('creates a note with its association exactly once and remaps the temporary id', async () => {
    const { db, sync } = await bootstrapped();
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    const clientId = `note-${Date.now()}`;
    const { recordId } = await createNote(
      db,
      { body: 'Offline note', timestampMs: Date.parse('2026-11-27T10:00:00Z'), associations: [{ toType: 'companies', toId: company.id }] },
      { newClientId: () => clientId },
    );
    expect(await mergedRecord(db, 'notes', recordId!)).toMatchObject({ isNew: true, pending: true });
    await sync();
    const found = await admin.findByClientId('notes', clientId);
    expect(found.total).toBe(1);
    const realId = found.results[0]!.id;
    expect(await mergedRecord(db, 'notes', recordId!)).toMatchObject({ id: realId, isNew: false, pending: false });
    const assoc = await admin.call<{ results: Array<{ toObjectId: number | string }> }>('GET', `/crm/v4/objects/notes/${realId}/associations/companies`);
    expect(assoc.results.map((r) => String(r.toObjectId))).toContain(company.id);
    expect(await db.associations.get(['notes', realId, 'companies', company.id])).toBeDefined();
  });

  it('a create whose answer was lost in a crash is not created twice (G4)', async () => {
    const { db, port } = await bootstrapped();
    const clientId = `crash-${Date.now()}`;
    // As in the app, the task hangs on a record: that association is how a lost create is found again.
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    const { recordId } = await applyEdit(
      db,
      {
        kind: 'create',
        objectType: 'tasks',
        properties: { hs_task_subject: 'Call back', hs_timestamp: '1795000000000', hs_task_status: 'NOT_STARTED' },
        associations: [{ toType: 'companies', toId: company.id }],
      },
      { newClientId: () => clientId },
    );
    await expect(engine(db, port, { types: TYPES, killAt: { point: 'push:after-send', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    expect(await db.outbox.count()).toBe(2);
    await engine(db, port, { types: TYPES }).runOnce();
    const found = await admin.findByClientId('tasks', clientId);
    expect(found.total).toBe(1);
    expect((await mergedRecord(db, 'tasks', recordId!))?.id).toBe(found.results[0]!.id);
    expect(await db.outbox.count()).toBe(0);
  });

  it('an update sent before a crash is acknowledged by value after restart: no second write, no conflict (G5)', async () => {
    const { db, port } = await bootstrapped();
    const [deal] = await freshDeals(db, 1);
    await setProperties(db, 'deals', deal!.id, { dealname: 'Sent once' });
    await expect(engine(db, port, { types: TYPES, killAt: { point: 'push:after-send', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    expect(await db.outbox.count()).toBe(1);
    await engine(db, port, { types: TYPES }).runOnce();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    expect((await appWrites('deals', deal!.id, 'dealname')).filter((w) => w.value === 'Sent once')).toHaveLength(1);
  });

  it('an update found already applied shows its value at once, so the next edit of the field is no conflict', async () => {
    const { db, port } = await bootstrapped();
    const [deal] = await freshDeals(db, 1);
    await setProperties(db, 'deals', deal!.id, { amount: '4100' });
    // The CRM applies the write; the answer never arrives.
    await expect(engine(db, port, { types: TYPES, killAt: { point: 'push:after-send', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    // The next pass acknowledges it by value, then dies before its pull brings the record.
    await expect(engine(db, port, { types: TYPES, killAt: { point: 'pull:after-fetch', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    expect(await db.outbox.count()).toBe(0);
    // The user sees what the CRM holds, not the value from before the edit.
    expect((await mergedRecord(db, 'deals', deal!.id))?.properties.amount).toBe('4100');
    // An edit made on that value is an ordinary write, not a conflict with our own earlier one.
    const { seqs } = await setProperties(db, 'deals', deal!.id, { amount: '4200' });
    const entry = await db.outbox.get(seqs[0]!);
    expect(entry?.intent.kind === 'update' && entry.intent.base.amount).toBe('4100');
    await engine(db, port, { types: TYPES }).runOnce();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    expect((await admin.history('deals', deal!.id, ['amount'])).properties.amount).toBe('4200');
  });
});
