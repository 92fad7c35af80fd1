import { describe, expect, it } from 'vitest';
import type { SyncedType } from '../../../shared/sync';
import { type CrmAdmin, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, firstSync, openDb } from './support/engine';

// Emails are where the heavy account has more than 500 of one type; fewer types keep it quick.
const TYPES: SyncedType[] = ['companies', 'emails'];

let crm: TestCrm;
let admin: CrmAdmin;
// Lag off: this checks association paging and expects the next sync to see a colleague's edit.
testCrmPerFile({ seed: 31, searchLag: false }, (c, a) => ((crm = c), (admin = a)));

/** A record's associations as the CRM holds them, page by page (≤ 500 each). */
async function crmAssociated(type: string, id: string, toType: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | undefined;
  do {
    const page = await admin.call<{ results: Array<{ toObjectId: number }>; paging?: { next?: { after?: string } } }>(
      'GET',
      `/crm/v4/objects/${type}/${id}/associations/${toType}${after ? `?after=${after}` : ''}`,
    );
    expect(page.results.length).toBeLessThanOrEqual(500);
    out.push(...page.results.map((r) => String(r.toObjectId)));
    after = page.paging?.next?.after;
  } while (after);
  return out.sort();
}

async function localAssociated(db: ReturnType<typeof openDb>, type: string, id: string, toType: string): Promise<string[]> {
  return (await db.associations.where('[fromType+fromId+toType]').equals([type, id, toType]).toArray()).map((a) => a.toId).sort();
}

describe('associations of an account with more than 1,000 engagements', () => {
  it('are all held locally after the initial sync, after an incremental pull that reads a new account (paging) and after the reconcile', async () => {
    const { db, port } = await firstSync(crm, { name: 'assoc', types: TYPES });

    // The dataset's heavy account: the company with the most emails, over 1,000 engagements.
    const counts = new Map<string, number>();
    for (const a of await db.associations.toArray()) {
      if (a.fromType === 'companies' && a.toType === 'emails') counts.set(a.fromId, (counts.get(a.fromId) ?? 0) + 1);
    }
    const [heavy] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    const remote = {
      emails: await crmAssociated('companies', heavy, 'emails'),
      notes: await crmAssociated('companies', heavy, 'notes'),
      calls: await crmAssociated('companies', heavy, 'calls'),
    };
    expect(remote.emails.length + remote.notes.length + remote.calls.length).toBeGreaterThan(1_000);
    expect(remote.emails.length).toBeGreaterThan(500);
    expect(await localAssociated(db, 'companies', heavy, 'emails')).toEqual(remote.emails);

    // A colleague moves the account's history to a new company record. The
    // incremental pull reads a record new to it with every partner type, from the company's
    // side: more than 500 emails, so the batch read must follow its paging. (A company it
    // already holds is re-read towards its targets only — none — so the heavy account's loss
    // is the reconcile's to find.)
    const split = await admin.call<{ id: string }>('POST', '/crm/v3/objects/companies', { properties: { name: 'Heavy Holdings (EMEA)' } });
    const { moved } = await admin.call<{ moved: unknown[] }>('POST', '/__demo/reassociate', {
      fromType: 'companies',
      fromId: heavy,
      toType: 'companies',
      toId: split.id,
    });
    expect(moved.length).toBeGreaterThan(1_000);
    const movedEmails = await crmAssociated('companies', split.id, 'emails');
    expect(movedEmails.length).toBeGreaterThan(500);
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();
    const continued = port.log.filter((r) => r.path.endsWith('/companies/emails/batch/read') && JSON.stringify(r.body).includes('"after"'));
    expect(continued.length).toBeGreaterThan(0);
    expect(await localAssociated(db, 'companies', split.id, 'emails')).toEqual(movedEmails);

    // The reconcile re-reads the held emails' companies: the heavy account keeps what it still has (none).
    await engine(db, port, { types: TYPES, sweepEveryMs: 0 }).runOnce();
    expect(await localAssociated(db, 'companies', heavy, 'emails')).toEqual(await crmAssociated('companies', heavy, 'emails'));
    expect(await localAssociated(db, 'companies', split.id, 'emails')).toEqual(movedEmails);
    db.close();
  });
});
