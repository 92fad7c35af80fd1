import { describe, expect, it } from 'vitest';
import { syncedPropertiesKey, type SyncProgress, type SyncedType } from '../../../shared/sync';
import { crmAdmin, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, expectLocalEqualsCrm, firstSync } from './support/engine';
import { pendingBackfill } from '../../../src-renderer/db/queries/used-properties';

/**
 * The sync fetches the properties the workspace uses, not a portal's whole catalogue; a
 * view naming another one backfills it for every held record and keeps it fresh after.
 */
const TYPES: SyncedType[] = ['companies'];
const EXTRA = 'health_notes';
let crm: TestCrm;
// Lag off: the last step expects the next pass to see a change at once.
testCrmPerFile({ seed: 5, searchLag: false }, (c) => (crm = c));

describe('the properties the workspace uses', () => {
  it('a view column on an unsynced property is backfilled with progress, then kept fresh', async () => {
    const admin = crmAdmin(crm);
    const { db, port } = await firstSync(crm, { name: 'used', types: TYPES });
    const defined = await admin.propertyNames('companies');
    const synced = (await db.meta.get(syncedPropertiesKey('companies')))?.value as string[];
    expect(defined.length).toBeGreaterThan(250);
    expect(synced).not.toContain(EXTRA);
    const companies = await db.records('companies').toArray();
    expect(companies.every((c) => !(EXTRA in c.properties))).toBe(true);

    // A private view gets a column on it (any configuration naming it would do).
    expect(await pendingBackfill(db)).toBe('');
    await db.meta.put({ key: 'views:1000001', value: [{ id: 'v1', name: 'Visits', objectType: 'companies', columns: ['name', EXTRA], filterGroups: [] }] });
    // What the sync store watches to ask for a pass at once.
    expect(await pendingBackfill(db)).toBe(`companies:${EXTRA}`);
    const progress: SyncProgress[] = [];
    port.reset();
    await engine(db, port, { types: TYPES, onProgress: (p) => progress.push(p) }).runOnce();
    const reads = port.log.filter((r) => r.path === '/crm/v3/objects/companies/batch/read');
    expect(reads).toHaveLength(Math.ceil(companies.length / 100));
    expect(reads.every((r) => JSON.stringify((r.body as { properties: string[] }).properties) === JSON.stringify([EXTRA]))).toBe(true);
    expect(progress.filter((p) => p.phase === 'backfill').at(-1)).toEqual({
      phase: 'backfill',
      objectType: 'companies',
      done: companies.length,
      total: companies.length,
    });
    expect((await db.meta.get(syncedPropertiesKey('companies')))?.value).toContain(EXTRA);
    expect(await pendingBackfill(db)).toBe('');
    await expectLocalEqualsCrm(
      db,
      admin,
      'companies',
      companies.map((c) => c.id),
    );

    // Fresh from then on: another user's change arrives with the next incremental pull.
    const target = companies[0]!.id;
    await admin.update('companies', target, { [EXTRA]: 'Sponsor left 4242' }, '1000002');
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();
    expect(port.log.some((r) => r.path === '/crm/v3/objects/companies/batch/read')).toBe(false);
    expect((await db.records('companies').get(target))?.properties[EXTRA]).toBe('Sponsor left 4242');

    // Dropped again: no request for it, and adding it back backfills afresh.
    await db.meta.put({ key: 'views:1000001', value: [] });
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();
    const search = port.log.find((r) => r.path.endsWith('/search'));
    expect((search?.body as { properties: string[] }).properties).not.toContain(EXTRA);
    db.close();
  });
});
