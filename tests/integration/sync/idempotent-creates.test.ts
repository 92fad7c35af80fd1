import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIdStateKey, DOCS_TYPE, type CrmPort, type SyncedType } from '../../../shared/sync';
import { applyEdit, createNote, createTask } from '../../../src-renderer/db';
import { crmAdmin, gatewayPort, startTestCrm, type TestCrm } from './support/crm';
import { engine, firstSync, Killed, openDb, uniqueDbName } from './support/engine';

/**
 * The sync's setup step on fresh portals, and creates that stay single where the CRM has no
 * unique key for them (sync README "Idempotent creates").
 */
const TYPES: SyncedType[] = ['companies', 'deals'];
let pro: TestCrm;
let ent: TestCrm;
beforeAll(async () => {
  [pro, ent] = await Promise.all([startTestCrm({ seed: 31 }), startTestCrm({ seed: 37, tier: 'enterprise' })]);
});
afterAll(async () => {
  await Promise.all([pro?.close(), ent?.close()]);
});

type Def = { name: string; hasUniqueValue: boolean };

describe('setup step on a fresh portal', () => {
  it('Professional: cs_client_id becomes unique on the four standard types, plain on engagements; deal creates use upsert', async () => {
    const admin = crmAdmin(pro);
    await expect(admin.call('GET', '/crm/v3/properties/deals/cs_client_id')).rejects.toThrow(/404/);
    const { db, port } = await firstSync(pro, { name: 'setup-pro', types: TYPES });
    for (const type of ['companies', 'contacts', 'deals', 'tickets']) {
      expect((await admin.call<Def>('GET', `/crm/v3/properties/${type}/cs_client_id`)).hasUniqueValue, type).toBe(true);
      expect((await db.meta.get(clientIdStateKey(type)))?.value).toBe('unique');
    }
    for (const type of ['tasks', 'notes', 'calls', 'emails', 'meetings']) {
      expect((await admin.call<Def>('GET', `/crm/v3/properties/${type}/cs_client_id`)).hasUniqueValue, type).toBe(false);
      expect((await db.meta.get(clientIdStateKey(type)))?.value).toBe('plain');
    }
    // No custom objects on Professional: the documents stay on this computer (a 403 is no sync error).
    expect((await db.meta.get(clientIdStateKey(DOCS_TYPE)))?.value).toBe('absent');

    port.reset();
    await applyEdit(
      db,
      { kind: 'create', objectType: 'deals', properties: { dealname: 'Upserted deal', pipeline: 'default', dealstage: 'appointmentscheduled' } },
      { newClientId: () => 'setup-deal-1' },
    );
    await engine(db, port, { types: TYPES }).runOnce();
    expect(port.log.filter((r) => r.path.endsWith('/deals/batch/upsert'))).toHaveLength(1);
    expect(port.log.filter((r) => r.path.endsWith('/deals/batch/create'))).toHaveLength(0);
    expect(
      await admin.call<{ properties: { dealname: string } }>('GET', '/crm/v3/objects/deals/setup-deal-1?idProperty=cs_client_id&properties=dealname'),
    ).toMatchObject({ properties: { dealname: 'Upserted deal' } });
    db.close();
  });
});

describe('creates without a unique key', () => {
  it('a note whose first send never reached the CRM (killed before the send, attempts > 0) is sent once', async () => {
    const admin = crmAdmin(pro);
    const { db, port } = await firstSync(pro, { name: 'before-send', types: TYPES });
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    await createNote(
      db,
      { body: 'Never sent', timestampMs: 1_795_000_000_000, associations: [{ toType: 'companies', toId: company.id }] },
      { newClientId: () => 'never-sent-1' },
    );
    await expect(engine(db, port, { types: TYPES, killAt: { point: 'push:before-send', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    expect((await db.outbox.toArray()).find((e) => e.intent.kind === 'create')?.attempts).toBe(1);
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();
    // Looked for through the company's associations (no search), not found, sent once.
    expect(port.log.some((r) => r.path === `/crm/v4/objects/companies/${company.id}/associations/notes`)).toBe(true);
    expect(port.log.filter((r) => r.path.endsWith('/notes/batch/create'))).toHaveLength(1);
    expect(port.log.some((r) => r.path.endsWith('/search') && r.path.includes('notes'))).toBe(false);
    expect((await admin.findByClientId('notes', 'never-sent-1')).total).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('without cs_client_id at all (the portal refused it), a task whose answer was lost is found by its exact values, not re-sent', async () => {
    const admin = crmAdmin(ent);
    const base = gatewayPort(ent);
    // This portal's token may not create properties: the setup step falls back, quietly.
    const noScope: CrmPort = {
      request: (req) =>
        req.method === 'POST' && req.path.startsWith('/crm/v3/properties/')
          ? Promise.resolve({ ok: true, data: { status: 403, headers: {}, body: { status: 'error', category: 'MISSING_SCOPES', message: 'missing scope' } } })
          : base.request(req),
    };
    const db = openDb(uniqueDbName('no-key'));
    const report = await engine(db, noScope, { types: TYPES }).runOnce();
    expect(report.refused).toBeUndefined();
    expect((await db.meta.get(clientIdStateKey('tasks')))?.value).toBe('absent');
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    const subject = `Exact values ${Date.now()}`;
    await createTask(db, { subject, dueAtMs: 1_795_000_000_000, associations: [{ toType: 'companies', toId: company.id }] }, { newClientId: () => 'no-key-1' });
    // The CRM commits the create; the answer is lost with the crash.
    await expect(engine(db, noScope, { types: TYPES, killAt: { point: 'push:after-send', nth: 1 } }).runOnce()).rejects.toBeInstanceOf(Killed);
    await engine(db, noScope, { types: TYPES }).runOnce();
    // Listed, not searched: the search index would not show a task this fresh yet.
    const found = await admin.findByProperty('tasks', 'hs_task_subject', subject);
    expect(found.total).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records('tasks').get(found.results[0]!.id)).toBeDefined();
    db.close();
  });
});

describe('setup step on a fresh Enterprise portal (after the test above refused it the scope)', () => {
  it('Enterprise: the shared documents object is created with its unique keys', async () => {
    const db = openDb(uniqueDbName('setup-ent'));
    await engine(db, gatewayPort(ent), { types: [DOCS_TYPE] }).runOnce();
    const schema = await crmAdmin(ent).call<{ properties: Def[] }>('GET', '/crm-object-schemas/v3/schemas/p_cs_workspace_docs');
    const unique = Object.fromEntries(schema.properties.map((p) => [p.name, p.hasUniqueValue]));
    expect(unique).toMatchObject({ cs_doc_key: true, cs_doc_value: false, cs_client_id: true });
    expect((await db.meta.get(clientIdStateKey(DOCS_TYPE)))?.value).toBe('unique');
    db.close();
  });
});
