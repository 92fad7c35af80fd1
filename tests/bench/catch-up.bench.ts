import { it } from 'vitest';
import type { CrmRequest, SyncedType } from '../../shared/sync';
import { setProperties } from '../../src-renderer/db';
import { crmAdmin, gatewayPort, startTestCrm } from '../integration/sync/support/crm';
import { engine, openDb, uniqueDbName } from '../integration/sync/support/engine';
import { switchable } from '../integration/sync/support/switchable';
import { recordTarget } from './targets';

/**
 * Benchmark, not a test: what the sync asks of the CRM after changes, counted on the real
 * engine and gateway against the demo CRM over HTTP (fake-indexeddb in Node).
 * - P3: after k records of a type changed in the CRM, the requests that catch-up spends on
 *   that type (its searches, batch reads and association reads), at two sizes of the book.
 * - P7: after 500 offline edits, the batch writes and pre-reads per type when the laptop is
 *   back online, and the pass's time against the time the rate limit alone would need.
 * BENCH_CATCHUP_SIZES=small,medium (default small; medium's first sync in Node takes minutes).
 */
const SIZES = (process.env.BENCH_CATCHUP_SIZES ?? 'small').split(',') as Array<'small' | 'medium'>;
const OTHER_USER = '1000003';
/** HubSpot Professional: 190 standard requests per 10 s per app. */
const STANDARD_PER_S = 19;

const ofType = (type: string) => (r: CrmRequest) => r.path.startsWith(`/crm/v3/objects/${type}/`) || r.path.startsWith(`/crm/v4/associations/${type}/`);

for (const size of SIZES) {
  it(`P3: catch-up after k changes, ${size} book`, async () => {
    // The generated book is stamped with one modification time; the CRM's clock then moves an
    // hour on, so the changes below are the only ones in the pull's overlap window, as on a
    // portal whose book was not all written a minute ago.
    let offset = 0;
    const crm = await startTestCrm({ size, seed: 11, searchLag: false, now: () => Date.now() + offset });
    try {
      const admin = crmAdmin(crm);
      const db = openDb(uniqueDbName('bench-catch-up'));
      const port = gatewayPort(crm);
      await engine(db, port).runOnce();
      offset = 3_600_000;
      const records = await db.records('companies').count();
      for (const type of ['companies', 'tasks'] as const) {
        const ids = (await db.records(type).toArray()).map((r) => r.id);
        const prop = type === 'companies' ? 'description' : 'hs_task_body';
        // A first round moves the type's cursor past the book's own stamp.
        await admin.call('POST', `/crm/v3/objects/${type}/batch/update`, { inputs: [{ id: ids[0], properties: { [prop]: 'Warm-up' } }] }, OTHER_USER);
        await engine(db, port).runOnce();
        // The same records may change again: each k is a fresh round of changes.
        for (const k of [10, 200, 1000].filter((n) => n <= ids.length)) {
          const changed = ids.slice(0, k);
          for (let i = 0; i < changed.length; i += 100) {
            const inputs = changed.slice(i, i + 100).map((id) => ({ id, properties: { [prop]: `Changed ${k} ${id}` } }));
            await admin.call('POST', `/crm/v3/objects/${type}/batch/update`, { inputs }, OTHER_USER);
          }
          port.reset();
          await engine(db, port).runOnce();
          const requests = port.log.filter(ofType(type)).length;
          recordTarget({
            id: `P3-${size}-${type}-${k}`,
            what: `catch-up, ${k} ${type} changed, book of ${records} companies: requests for ${type}`,
            value: requests,
            unit: 'requests',
            atMost: Math.ceil(k / 200) + 2,
          });
        }
      }
    } finally {
      await crm.close();
    }
  });
}

it('P7: reconnect after 500 offline edits', async () => {
  const crm = await startTestCrm({ seed: 12, searchLag: false });
  try {
    const db = openDb(uniqueDbName('bench-reconnect'));
    const port = switchable(gatewayPort(crm));
    const counted = gatewayPortLog(port);
    await engine(db, port).runOnce();
    port.online = false;
    const plan: Array<[SyncedType, string]> = [
      ['companies', 'description'],
      ['deals', 'description'],
      ['tasks', 'hs_task_body'],
      ['tickets', 'content'],
      ['contacts', 'jobtitle'],
    ];
    for (const [type, prop] of plan) {
      const rows = (await db.records(type).limit(100).toArray()).slice(0, 100);
      for (const r of rows) await setProperties(db, type, r.id, { [prop]: `Offline edit of ${r.id}` });
    }
    const edits = await db.table('outbox').count();
    port.online = true;
    counted.reset();
    const t0 = performance.now();
    await engine(db, port).runOnce();
    const seconds = (performance.now() - t0) / 1000;
    const all = counted.log();
    for (const [type] of plan) {
      const writes = all.filter((r) => r.method === 'POST' && r.path === `/crm/v3/objects/${type}/batch/update`).length;
      const reads = all.filter((r) => r.method === 'POST' && r.path === `/crm/v3/objects/${type}/batch/read`).length;
      recordTarget({
        id: `P7-${type}-writes`,
        what: `reconnect after ${edits} offline edits: batch writes for ${type}`,
        value: writes,
        unit: 'requests',
        atMost: 5,
      });
      recordTarget({
        id: `P7-${type}-reads`,
        what: `reconnect after ${edits} offline edits: pre-reads of ${type}`,
        value: reads,
        unit: 'requests',
        atMost: 10,
      });
    }
    const standard = all.filter((r) => !r.path.endsWith('/search')).length;
    const searches = all.length - standard;
    recordTarget({
      id: 'P7-time',
      what: `reconnect after ${edits} offline edits: the whole pass (${standard} requests, ${searches} searches) against the rate limit's time for them`,
      value: seconds,
      unit: 's',
      floor: standard / STANDARD_PER_S + searches / 5,
      ratioAtMost: 1.2,
    });
  } finally {
    await crm.close();
  }
});

/** Every request that reached the CRM through `port` since the last reset. */
function gatewayPortLog(port: { request: (req: CrmRequest) => Promise<unknown> }) {
  let log: CrmRequest[] = [];
  const inner = port.request.bind(port);
  port.request = (req) => {
    log.push(req);
    return inner(req);
  };
  return { log: () => log, reset: () => void (log = []) };
}
