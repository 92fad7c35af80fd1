import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { associationPartners, SYNCED_TYPES } from '../../../shared/sync';
import { type CrmAdmin, crmAdmin, gatewayPort, startTestCrm, type TestCrm, testCrmPerFile } from './support/crm';
import { advancingClock } from '../../support/demo-crm';
import { engine, expectLocalEqualsCrm, firstSync, openDb, uniqueDbName } from './support/engine';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

const OTHER_USER = '1000003';

let crm: TestCrm;
let admin: CrmAdmin;
// Lag off: these count requests per change and expect the next sync to see them; the lag test sets its own.
// The portal's clock starts at a fixed hour, so the book (the default user's agenda around
// "today") is the same at any time of day: on the real clock, what the overlap re-read pages
// through changed with the hour (at 08:03 in Warsaw one search over the bound).
testCrmPerFile({ seed: 3, searchLag: false, now: advancingClock() }, (c, a) => ((crm = c), (admin = a)));

describe('incremental sync', () => {
  it('costs requests in proportion to the changes, not to the dataset (G11)', async () => {
    const { db, port } = await firstSync(crm);
    const bootstrapRequests = port.log.length;

    const perRun: Array<{ n: number; requests: number; sent: string[] }> = [];
    for (const n of [0, 5, 40]) {
      const tasks = (await db.records('tasks').toArray()).slice(n, n * 2);
      for (const [i, t] of tasks.entries()) await admin.update('tasks', t.id, { hs_task_subject: `Changed ${n}-${i}` }, OTHER_USER);
      port.reset();
      await engine(db, port).runOnce();
      // What went out, so a bound broken names the request over it.
      const sent = port.log.map((r) => `${r.path} ${JSON.stringify((r.body as { filterGroups?: unknown } | undefined)?.filterGroups ?? '')}`);
      perRun.push({ n, requests: port.log.length, sent });
      if (n === 0) expect(port.log.every((r) => r.path.endsWith('/search'))).toBe(true);
      await expectLocalEqualsCrm(
        db,
        admin,
        'tasks',
        tasks.map((t) => t.id),
      );
    }
    // One search per type, plus for each page of changed tasks the page and its association reads.
    const perPage = 1 + associationPartners('tasks').length;
    for (const { n, requests, sent } of perRun) {
      expect(requests, `n=${n}: ${sent.join('\n')}`).toBeLessThanOrEqual(SYNCED_TYPES.length + Math.ceil(n / 200 + 1) * perPage);
    }
    // With nothing changed, only searches go out (the overlap window is re-read, but records
    // we already hold at the same version cost no association reads).
    expect(perRun[0]!.requests, perRun[0]!.sent.join('\n')).toBeLessThanOrEqual(SYNCED_TYPES.length + 3);
    console.info(`bootstrap ${bootstrapRequests} requests; incremental ${perRun.map((r) => `${r.n} changes → ${r.requests}`).join(', ')}`);
  });

  it('detects archived records with the archived sweep', async () => {
    const { db, port } = await firstSync(crm, { types: ['deals'] });
    const [victim] = await db.records('deals').limit(1).toArray();
    await admin.archive('deals', victim!.id);
    await engine(db, port, { types: ['deals'], sweepEveryMs: 0 }).runOnce();
    expect(await db.records('deals').get(victim!.id)).toBeUndefined();
  });

  it('catches changes the search index had not shown yet (lag) thanks to the overlap window', async () => {
    const { db, port } = await firstSync(crm, { types: ['companies'] });
    const [company] = await db.records('companies').limit(1).toArray();
    await admin.setFaults({ searchLagMs: 400 });
    try {
      await admin.update('companies', company!.id, { name: 'Lagging Inc' }, OTHER_USER);
      await engine(db, port, { types: ['companies'] }).runOnce();
      await new Promise((r) => setTimeout(r, 500));
      await engine(db, port, { types: ['companies'] }).runOnce();
      expect((await db.records('companies').get(company!.id))?.properties.name).toBe('Lagging Inc');
    } finally {
      await admin.clearFaults();
    }
  });
});

describe('incremental sync with many equal timestamps', () => {
  let frozen: TestCrm;
  const FIXED = Date.parse('2026-11-27T09:00:00.000Z');
  beforeAll(async () => {
    // Lag off: this checks the tie walk, and expects the next sync to see the edits at once.
    frozen = await startTestCrm({ seed: 5, now: () => FIXED, searchLag: false });
  });
  afterAll(async () => frozen?.close());

  it('walks ties by hs_object_id when a whole page shares one timestamp (G9)', async () => {
    const a = crmAdmin(frozen);
    const db = openDb(uniqueDbName());
    const port = gatewayPort(frozen);
    const tuning = { searchPageSize: 5 };
    await engine(db, port, { types: ['companies'], tuning }).runOnce();
    const companies = (await db.records('companies').toArray()).slice(0, 23);
    for (const c of companies) await a.update('companies', c.id, { name: `Same ms ${c.id}` }, OTHER_USER);
    port.reset();
    await engine(db, port, { types: ['companies'], tuning }).runOnce();
    for (const c of companies) expect((await db.records('companies').get(c.id))?.properties.name).toBe(`Same ms ${c.id}`);
    const tieQueries = port.log.filter((r) => JSON.stringify(r.body ?? '').includes('"hs_object_id","operator":"GT"'));
    expect(tieQueries.length).toBeGreaterThan(0);
  });
});
