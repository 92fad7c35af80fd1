import { describe, expect, it } from 'vitest';
import { reconcileKey, type SyncedType } from '../../../shared/sync';
import { applyEdit, listOutbox, mergedRecord, resolveId } from '../../../src-renderer/db';
import { REDIRECTED_META, type RedirectedEdit } from '../../../src-renderer/db/merge-tx';
import { advancingClock } from '../../support/demo-crm';
import { type CrmAdmin, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, firstSync, localAssociations } from './support/engine';

const TYPES: SyncedType[] = ['companies', 'contacts', 'deals'];
const PAIRS: Array<[SyncedType, SyncedType]> = [
  ['contacts', 'companies'],
  ['deals', 'companies'],
  ['deals', 'contacts'],
];
const DAY = 86_400_000;
const LAG_MS = 300;

let crm: TestCrm;
let admin: CrmAdmin;
// A short fixed index lag: the pass after it has passed must see the survivors' new versions.
testCrmPerFile({ seed: 11, now: advancingClock(), searchLag: LAG_MS }, (c, a) => ((crm = c), (admin = a)));

const v4 = (from: string, id: string, to: string) =>
  admin
    .call<{ results: Array<{ toObjectId: number }> }>('GET', `/crm/v4/objects/${from}/${id}/associations/${to}`)
    .then((r) => r.results.map((x) => String(x.toObjectId)));

describe('reconcile: what HubSpot does not announce', () => {
  it('follows merges at once, and the daily reconcile removes GDPR deletes and purges and catches re-associations', async () => {
    const companies = await admin.listAll('companies', ['name']);
    const [survivor, loser, survivor2, loser2] = companies.slice(0, 4).map((c) => c.id) as [string, string, string, string];
    for (const id of [survivor, loser]) await admin.update('companies', id, { csm_sentiment: 'Neutral' });

    const { db, port } = await firstSync(crm, { types: TYPES });
    expect(await db.meta.get(reconcileKey('contacts'))).toBeDefined();

    // Offline, the user edits the company that is about to be merged away.
    await applyEdit(db, { kind: 'update', objectType: 'companies', recordId: loser, desired: { csm_sentiment: 'Bad' } });

    // In the CRM: two merges, a GDPR delete, an archived deal purged after 90 days, a re-association.
    await admin.call('POST', '/crm/v3/objects/companies/merge', { primaryObjectId: survivor, objectIdToMerge: loser });
    await admin.call('POST', '/crm/v3/objects/companies/merge', { primaryObjectId: survivor2, objectIdToMerge: loser2 });
    const [erased] = (await admin.listAll('contacts', ['email'])).slice(-1).map((c) => c.id) as [string];
    await applyEdit(db, { kind: 'update', objectType: 'contacts', recordId: erased, desired: { jobtitle: 'Gone' } });
    await admin.call('POST', '/crm/v3/objects/contacts/gdpr-delete', { objectId: erased });
    const [purged] = (await admin.listAll('deals')).slice(-1).map((d) => d.id) as [string];
    await admin.archive('deals', purged);
    await admin.call('POST', '/__demo/clock', { advanceMs: 91 * DAY });
    const moving = companies[10]!.id;
    const target = companies[11]!.id;
    const [contact] = (await v4('companies', moving, 'contacts')) as [string];
    await admin.call('DELETE', `/crm/v4/objects/contacts/${contact}/associations/companies/${moving}`);
    await admin.call('PUT', `/crm/v4/objects/contacts/${contact}/associations/default/companies/${target}`);

    // The next ordinary pass once the index has caught up: the queued edit lands on the
    // survivor; the pull follows both merges.
    await new Promise((r) => setTimeout(r, LAG_MS + 100));
    await engine(db, port, { types: TYPES }).runOnce();
    const after = await admin.history('companies', survivor, ['csm_sentiment']);
    expect(after.properties.csm_sentiment).toBe('Bad');
    // The edit of the erased contact waits for the user with a plain reason; nothing else is left.
    const left = await listOutbox(db);
    expect(left.map((e) => [e.recordKey, e.status])).toEqual([[`contacts:${erased}`, 'attention']]);
    expect(left[0]!.lastError?.message).toMatch(/no longer exists in the CRM: it was deleted/);
    const notes = (await db.meta.get(REDIRECTED_META))?.value as RedirectedEdit[];
    expect(notes).toEqual([expect.objectContaining({ objectType: 'companies', loserId: loser, survivorId: survivor })]);
    for (const gone of [loser, loser2]) expect(await db.records('companies').get(gone)).toBeUndefined();
    expect(await resolveId(db, 'companies', loser2)).toBe(survivor2);
    expect((await mergedRecord(db, 'companies', loser))?.id).toBe(survivor);
    // Not announced: these are still held until the reconcile runs.
    expect(await db.records('contacts').get(erased)).toBeDefined();
    expect(await db.records('deals').get(purged)).toBeDefined();

    // The reconcile comes due (a day later; here: now).
    await engine(db, port, { types: TYPES, sweepEveryMs: 0 }).runOnce();
    for (const type of TYPES) {
      const remote = (await admin.listAll(type, ['hs_object_id'])).map((r) => r.id).sort();
      const local = (await db.records(type).toCollection().primaryKeys()).map(String).sort();
      expect(local, type).toEqual(remote);
    }
    expect(await localAssociations(db, PAIRS)).toEqual(await admin.associationsBetween(PAIRS));
    expect(await localAssociations(db, PAIRS)).toContain(`contacts:${contact}→companies:${target}`);
    const mark = (await db.meta.get(reconcileKey('contacts')))?.value as { removed: number };
    expect(mark.removed).toBe(1);
  });
});
