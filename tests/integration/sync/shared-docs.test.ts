import { describe, expect, it } from 'vitest';
import { DOCS_TYPE, unavailableKey, type CrmPort } from '../../../shared/sync';
import { listConflicts, listOutbox } from '../../../src-renderer/db';
import { MAX_DOC_CHARS, readSharedDoc, readSharedDocs, removeSharedDoc, writeSharedDoc } from '../../../src-renderer/db/repositories/shared-docs';
import { type CrmAdmin, gatewayPort, type TestCrm, testCrmPerFile } from './support/crm';
import { engine, openDb, uniqueDbName } from './support/engine';
import { switchable } from './support/switchable';

const COLLEAGUE = '1000005';
let crm: TestCrm;
let admin: CrmAdmin;
// Enterprise: the sync's setup step can create the documents object only there.
// Lag off: this checks document conflicts, and expects the very next sync to see the other client's write.
testCrmPerFile({ seed: 11, tier: 'enterprise', searchLag: false }, (c, a) => ((crm = c), (admin = a)));

/** One user's client: its own database, syncing only the documents type against the shared CRM. */
function client(port: CrmPort = gatewayPort(crm)) {
  const db = openDb(uniqueDbName('docs'));
  const net = switchable(port);
  return { db, net, sync: () => engine(db, net, { types: [DOCS_TYPE] }).runOnce() };
}

async function remoteDoc(key: string) {
  const all = await admin.listAll(DOCS_TYPE, ['cs_doc_key', 'cs_doc_value']);
  return all.find((r) => r.properties.cs_doc_key === key);
}

describe('shared workspace documents through the CRM', () => {
  it('a document written offline reaches the CRM on reconnect, and another client sees it after its sync', async () => {
    const a = client();
    const b = client();
    await a.sync();
    await b.sync();
    a.net.online = false;
    const value = { id: 'v1', name: 'Team renewals', columns: ['name'] };
    expect(await writeSharedDoc(a.db, 'view:v1', value)).toEqual({ ok: true, shared: true, changed: true });
    // Shown at once on this client, pending; the CRM has nothing yet.
    expect(await readSharedDoc(a.db, 'view:v1')).toMatchObject({ key: 'view:v1', source: 'crm', pending: true });
    await a.sync();
    expect(await remoteDoc('view:v1')).toBeUndefined();

    a.net.online = true;
    await a.sync();
    const remote = await remoteDoc('view:v1');
    expect(JSON.parse(remote?.properties.cs_doc_value ?? 'null')).toEqual(value);
    expect(await readSharedDoc(a.db, 'view:v1')).toMatchObject({ pending: false, recordId: remote?.id });
    expect(await a.db.outbox.count()).toBe(0);

    await b.sync();
    const seen = await readSharedDocs(b.db, 'view:');
    expect(seen.map((d) => [d.key, JSON.parse(d.json), d.pending])).toEqual([['view:v1', value, false]]);
  });

  it("a colleague's change made meanwhile is a conflict, never overwritten; a removal reaches the other clients", async () => {
    const a = client();
    const b = client();
    expect((await writeSharedDoc(a.db, 'health:scores', { version: 1 })).ok).toBe(true);
    await a.sync();
    await b.sync();
    const id = (await remoteDoc('health:scores'))!.id;

    // A colleague edits the document in the CRM while this client, not yet synced, edits it too.
    await admin.update(DOCS_TYPE, id, { cs_doc_value: JSON.stringify({ version: 2, by: 'colleague' }) }, COLLEAGUE);
    expect((await writeSharedDoc(a.db, 'health:scores', { version: 2, by: 'me' })).ok).toBe(true);
    await a.sync();
    expect(JSON.parse((await remoteDoc('health:scores'))!.properties.cs_doc_value!)).toEqual({ version: 2, by: 'colleague' });
    expect(await listConflicts(a.db)).toEqual([
      expect.objectContaining({
        objectType: DOCS_TYPE,
        recordId: id,
        property: 'cs_doc_value',
        theirs: JSON.stringify({ version: 2, by: 'colleague' }),
        mine: JSON.stringify({ version: 2, by: 'me' }),
      }),
    ]);

    // B removes it; once both synced, A no longer lists it.
    await b.sync();
    expect(await removeSharedDoc(b.db, 'health:scores')).toMatchObject({ ok: true, shared: true, changed: true });
    expect(await readSharedDoc(b.db, 'health:scores')).toBeUndefined();
    await b.sync();
    expect((await remoteDoc('health:scores'))?.properties.cs_doc_value ?? null).toBeNull();
    await a.sync();
    expect(await readSharedDoc(a.db, 'health:scores')).toBeUndefined();
  });

  it('two clients creating the same key: the first one wins, the second waits in "needs attention" with the reason', async () => {
    const a = client();
    const b = client();
    expect((await writeSharedDoc(a.db, 'settings:same', { from: 'a' })).ok).toBe(true);
    expect((await writeSharedDoc(b.db, 'settings:same', { from: 'b' })).ok).toBe(true);
    await a.sync();
    await b.sync();
    expect(JSON.parse((await remoteDoc('settings:same'))!.properties.cs_doc_value!)).toEqual({ from: 'a' });
    const [entry] = await listOutbox(b.db);
    expect(entry).toMatchObject({ status: 'attention', lastError: { status: 409 } });
    expect(entry?.lastError?.message).toMatch(/cs_doc_key/);
    // B shows what the CRM holds, not its refused value.
    expect(JSON.parse((await readSharedDoc(b.db, 'settings:same'))!.json)).toEqual({ from: 'a' });
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const a = client();
    expect(await writeSharedDoc(a.db, '', { x: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await writeSharedDoc(a.db, 'k', undefined)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await writeSharedDoc(a.db, 'k', cyclic)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await writeSharedDoc(a.db, 'k', 'x'.repeat(MAX_DOC_CHARS))).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(await listOutbox(a.db)).toEqual([]);
    expect(await a.db.meta.count()).toBe(0);
  });

  it('where the CRM has no documents object, the sync says so, the rest syncs, and writes stay on this computer', async () => {
    // A portal without the custom object: the same CRM, asked for an object type it does not have.
    const inner = gatewayPort(crm);
    const missing: CrmPort = { request: (req) => inner.request({ ...req, path: req.path.replace(DOCS_TYPE, 'p_cs_workspace_docs_absent') }) };
    const db = openDb(uniqueDbName('docs-missing'));
    const report = await engine(db, missing, { types: ['companies', DOCS_TYPE] }).runOnce();
    expect(report.refused).toBeUndefined();
    expect(await db.records('companies').count()).toBeGreaterThan(0);
    expect((await db.meta.get(unavailableKey(DOCS_TYPE)))?.value).toMatchObject({ message: expect.stringMatching(/p_cs_workspace_docs_absent/) });

    expect(await writeSharedDoc(db, 'view:local', { name: 'Kept here' })).toEqual({ ok: true, shared: false, changed: true });
    expect(await listOutbox(db)).toEqual([]);
    expect(await readSharedDocs(db, 'view:')).toEqual([{ key: 'view:local', json: JSON.stringify({ name: 'Kept here' }), source: 'local', pending: false }]);

    // Once the CRM serves the object, the note clears and the next write of the document is shared.
    await engine(db, gatewayPort(crm), { types: [DOCS_TYPE] }).runOnce();
    expect((await db.meta.get(unavailableKey(DOCS_TYPE)))?.value).toBeNull();
    expect(await writeSharedDoc(db, 'view:local', { name: 'Kept here' })).toMatchObject({ ok: true, shared: true });
    await engine(db, gatewayPort(crm), { types: [DOCS_TYPE] }).runOnce();
    expect(JSON.parse((await remoteDoc('view:local'))!.properties.cs_doc_value!)).toEqual({ name: 'Kept here' });
    expect(await readSharedDocs(db, 'view:local')).toMatchObject([{ source: 'crm', pending: false }]);
  });
});
