import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileKey, type SyncedType } from '../../../shared/sync';
import { DAILY_LIMIT_MESSAGE, msUntilMidnight } from '../../../shared/sync/daily-limit';
import { applyEdit, listOutbox } from '../../../src-renderer/db';
import { advancingClock, TEST_ZONE } from '../../support/demo-crm';
import { MAX_REQUEST_LINE, requestLine } from '../../support/request-line';
import { crmAdmin, gatewayPort, startTestCrm, type TestCrm } from './support/crm';
import { engine, localAssociations, openDb, uniqueDbName } from './support/engine';

/**
 * Everything HubSpot does to a portal at once, against the demo CRM: 800 more properties on
 * companies, the search index lagging writes, 1,500 engagements on one company, a merge, a
 * GDPR delete, a purge from the recycle bin, a silent re-association, and the portal's
 * daily limit spent. The sync waits for the portal's midnight, resumes, reconciles, and
 * then holds exactly what the CRM holds — and no request line it sent was over 8 KB.
 */
const TYPES: SyncedType[] = ['companies', 'contacts', 'deals', 'notes'];
/** Association pairs between held types, from the side that lists them (TYPE_INFO.associationTargets). */
const PAIRS: Array<[SyncedType, SyncedType]> = [
  ['contacts', 'companies'],
  ['deals', 'companies'],
  ['deals', 'contacts'],
  ['notes', 'companies'],
  ['notes', 'contacts'],
  ['notes', 'deals'],
];
const EXTRA_PROPERTIES = 800;
const ON_ONE_COMPANY = 1_500;
const MOVED = 300;
const LAG_MS = 300;
const DAY = 86_400_000;
/** note → company, HubSpot's default association type id. */
const NOTE_TO_COMPANY = 190;

let crm: TestCrm;
let admin: ReturnType<typeof crmAdmin>;
beforeAll(async () => {
  // Search lag on, short and fixed: the pass after it has passed must see the survivor's new version.
  crm = await startTestCrm({ seed: 23, now: advancingClock(), searchLag: LAG_MS });
  admin = crmAdmin(crm);
});
afterAll(async () => crm?.close());

describe('one portal, everything at once', () => {
  it('after a daily-limit wait and the reconcile, the local store equals the CRM, and every request line was ≤ 8,192 bytes', { timeout: 60_000 }, async () => {
    // A large portal: 800 more company properties, with long names (a GET naming them all would
    // be ~40 KB), created through the Properties API (its batch form: one journal write per 100).
    for (let i = 0; i < EXTRA_PROPERTIES; i += 100) {
      await admin.call('POST', '/crm/v3/properties/companies/batch/create', {
        inputs: Array.from({ length: 100 }, (_, k) => ({
          name: `cs_integration_custom_property_with_a_long_name_${String(i + k).padStart(4, '0')}`,
          label: `Integration property ${i + k}`,
          type: 'string',
          fieldType: 'text',
          groupName: 'companyinformation',
        })),
      });
    }
    const companies = await admin.listAll('companies');
    const [busy, elsewhere, survivor, loser] = companies.slice(0, 4).map((c) => c.id) as [string, string, string, string];
    // The edit queued for the loser lands on the survivor as a write, not a conflict: same base value.
    for (const id of [survivor, loser]) await admin.update('companies', id, { csm_sentiment: 'Neutral' });
    // 1,500 engagements on one company: association reads of it page (500 per call).
    for (let i = 0; i < ON_ONE_COMPANY; i += 100) {
      await admin.call('POST', '/crm/v3/objects/notes/batch/create', {
        inputs: Array.from({ length: 100 }, (_, k) => ({
          properties: { hs_note_body: `Call notes ${i + k}`, hs_timestamp: new Date(Date.UTC(2026, 0, 1) + (i + k) * 60_000).toISOString() },
          associations: [{ to: { id: busy }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_COMPANY }] }],
        })),
      });
    }

    const db = openDb(uniqueDbName());
    // A workspace whose view names every one of them: all are used, so synced (the worst case
    // for request size; the sync fetches only the properties the workspace uses).
    const extra = Array.from({ length: EXTRA_PROPERTIES }, (_, i) => `cs_integration_custom_property_with_a_long_name_${String(i).padStart(4, '0')}`);
    await db.meta.put({ key: 'views:1000001', value: [{ id: 'all', objectType: 'companies', columns: extra }] });
    const port = gatewayPort(crm);
    const timers = new Map<number, { fn: () => void; ms: number }>();
    let timerId = 0;
    let clientNow = Date.now();
    const sync = engine(db, port, {
      types: TYPES,
      // The reconcile is due on every pass (it comes due daily; here the day is what the test makes happen).
      sweepEveryMs: 0,
      now: () => clientNow,
      timers: {
        setTimeout: (fn, ms) => {
          timers.set(++timerId, { fn, ms });
          return timerId;
        },
        clearTimeout: (h) => void timers.delete(h as number),
      },
    });

    await sync.runOnce(); // setup, reference data, bootstrap of every held type
    expect(sync.status().lastError).toBeUndefined();
    expect(await db.properties.where('[objectType+name]').between(['companies', ''], ['companies', '\uffff']).count()).toBeGreaterThanOrEqual(EXTRA_PROPERTIES);
    expect(await db.associations.where('[fromType+fromId+toType]').equals(['companies', busy, 'notes']).count()).toBeGreaterThanOrEqual(ON_ONE_COMPANY);
    expect(await db.meta.get(reconcileKey('notes'))).toBeDefined();

    // Offline edits: one to the company about to be merged away, one to the busy company.
    await applyEdit(db, { kind: 'update', objectType: 'companies', recordId: loser, desired: { csm_sentiment: 'Bad' } });
    await applyEdit(db, { kind: 'update', objectType: 'companies', recordId: busy, desired: { csm_sentiment: 'Good' } });

    // In the CRM: a merge, a GDPR delete, an archived deal purged 91 days later, 300 notes re-filed.
    await admin.call('POST', '/crm/v3/objects/companies/merge', { primaryObjectId: survivor, objectIdToMerge: loser });
    const erased = (await admin.listAll('contacts')).at(-1)!.id;
    await admin.call('POST', '/crm/v3/objects/contacts/gdpr-delete', { objectId: erased });
    const purged = (await admin.listAll('deals')).at(-1)!.id;
    await admin.archive('deals', purged);
    await admin.call('POST', '/__demo/clock', { advanceMs: 91 * DAY });
    const { moved } = await admin.call<{ moved: Array<{ type: string; id: string }> }>('POST', '/__demo/reassociate', {
      fromType: 'companies',
      fromId: busy,
      toType: 'companies',
      toId: elsewhere,
      count: MOVED,
    });
    expect(moved).toHaveLength(MOVED);
    // The portal's daily budget is spent: HubSpot answers 429 DAILY until its midnight.
    await admin.setFaults({ rateLimits: true });
    const limits = await admin.call<{ daily: number }>('GET', '/__demo/limits');
    await admin.call('PUT', '/__demo/limits', { dailyUsed: limits.daily });
    sync.start();
    timers.clear(); // the start's own pass: the test runs that one itself, below
    await sync.runOnce();
    const waits = [...timers.values()].map((t) => t.ms);
    // Until 00:00 in the portal's zone (from /account-info), plus the fleet's jitter (random 0.5 → 2.5 min).
    expect(waits).toEqual([msUntilMidnight(clientNow, TEST_ZONE) + 150_000]);
    expect(sync.status()).toMatchObject({ lastError: DAILY_LIMIT_MESSAGE, budgetLow: true });
    expect(await db.outbox.where('status').equals('pending').count()).toBe(2);

    // Midnight comes in the portal (its count starts again); the sync's timer fires and it resumes.
    const { dailyResetsAt } = await admin.call<{ dailyResetsAt: string }>('GET', '/__demo/limits');
    const { now: portalNow } = await admin.call<{ now: string }>('GET', '/__demo/clock');
    await admin.call('POST', '/__demo/clock', { advanceMs: Date.parse(dailyResetsAt) - Date.parse(portalNow) + 60_000 });
    expect((await admin.call<{ dailyUsed: number }>('GET', '/__demo/limits')).dailyUsed).toBe(0);
    // The new day's window limits are not what this test is about: the sync's own limiter stands in for them.
    await admin.setFaults({ rateLimits: false });
    await new Promise((r) => setTimeout(r, LAG_MS + 100)); // the index has caught up with the merge
    clientNow += waits[0] ?? 0;
    const [timer] = [...timers.values()];
    timers.clear();
    timer?.fn();
    await expect.poll(() => !sync.status().running && sync.status().lastSyncedAt === clientNow, { timeout: 25_000, interval: 100 }).toBe(true);
    expect(sync.status().lastError).toBeUndefined();
    expect(sync.status().budgetLow).toBeUndefined();

    // The edits landed: the loser's on the survivor.
    expect((await admin.history('companies', survivor, ['csm_sentiment'])).properties.csm_sentiment).toBe('Bad');
    expect((await admin.history('companies', busy, ['csm_sentiment'])).properties.csm_sentiment).toBe('Good');
    expect(await listOutbox(db)).toEqual([]);

    // The local store equals the CRM: ids of every held type, and every association between them.
    for (const type of TYPES) {
      const remote = (await admin.listAll(type)).map((r) => r.id).sort();
      const local = (await db.records(type).toCollection().primaryKeys()).map(String).sort();
      expect(local, type).toEqual(remote);
    }
    expect(await db.records('companies').get(loser)).toBeUndefined();
    expect(await db.records('contacts').get(erased)).toBeUndefined();
    expect(await db.records('deals').get(purged)).toBeUndefined();
    const local = await localAssociations(db, PAIRS);
    expect(local).toEqual(await admin.associationsBetween(PAIRS));
    expect(local.filter((a) => a.startsWith('notes:') && a.endsWith(`→companies:${busy}`)).length).toBeGreaterThanOrEqual(ON_ONE_COMPANY - MOVED);
    const movedNotes = moved.filter((m) => m.type === 'notes');
    expect(movedNotes.length).toBeGreaterThan(0);
    for (const { id } of movedNotes) expect(local).toContain(`notes:${id}→companies:${elsewhere}`);

    // No request line the engine sent was over 8 KB, though it named 1,000+ company properties.
    const tooLong = port.log.map(requestLine).filter((line) => Buffer.byteLength(line) > MAX_REQUEST_LINE);
    expect(tooLong).toEqual([]);
    const named = Math.max(
      ...port.log
        .filter((r) => r.path.startsWith('/crm/v3/objects/companies'))
        .map((r) => ((r.body as { properties?: string[] } | undefined)?.properties ?? []).length),
    );
    expect(named).toBeGreaterThanOrEqual(EXTRA_PROPERTIES);
    sync.stop();
    db.close();
  });
});
