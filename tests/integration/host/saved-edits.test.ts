import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import { startWebHostApp, type WebHostApp } from '../../../src-main/web-host/app';
import { createWebHost } from '../../../src-renderer/bridge/web';
import { CsDatabase, createNote, listConflicts, listOutbox, mergedRecord, setProperties } from '../../../src-renderer/db';
import { writeCrmSource } from '../../../src-renderer/db/repositories/crm-source';
import { importSavedEdits, saveStrandedEdits, saveUnsentEdits } from '../../../src-renderer/stores/saved-edits';
import { deleteLocalStore } from '../../../src-renderer/db';
import { dealRows } from '../../support/deal-rows';
import { STRANDED_OUTBOX_ROW } from '../../support/stranded-store';

let n = 0;
const open = (name: string) => new CsDatabase(name, { indexedDB, IDBKeyRange });

async function seeded(name: string) {
  const db = open(name);
  await db.records('deals').bulkPut(dealRows(['1', '2']));
  await writeCrmSource(db, { kind: 'demo', baseUrl: 'http://127.0.0.1:1' });
  return db;
}

/**
 * Nothing lost: what the renderer does before deleting its store (save the unsent edits to a
 * file through the host) and what Settings → Saved edits does (read them back), against the
 * real web host over HTTP with the renderer's own bridge.
 */
describe('saved edits through the web host', () => {
  let app: WebHostApp;
  let host: HostApi;
  let dataDir: string;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'csw-saved-root-'));
    dataDir = await mkdtemp(join(tmpdir(), 'csw-saved-data-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    app = await startWebHostApp({ dataDir, rootDir: root, version: '0.0.0-test', crm: { kind: 'demo', baseUrl: 'http://127.0.0.1:9', token: 'unused-token' } });
    host = createWebHost(app.host.secret, app.host.url.replace(/\/$/, ''));
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('saves the outbox and the conflicts to a private file, and brings them back after the store is gone', async () => {
    const name = `saved-${++n}`;
    const db = await seeded(name);
    await setProperties(db, 'deals', '1', { dealname: 'Renamed offline' });
    await setProperties(db, 'deals', '2', { amount: '42' });
    await db.conflicts.add({
      key: 'deals:2:dealname',
      objectType: 'deals',
      recordId: '2',
      property: 'dealname',
      base: 'Deal 2',
      theirs: 'Theirs',
      mine: 'Mine',
      detectedAt: 1,
    });

    const out = await saveUnsentEdits(host, db);
    if (!('saved' in out) || !out.saved) throw new Error(`not saved: ${JSON.stringify(out)}`);
    expect(out.saved.count).toBe(3);
    expect(out.saved.path).toBe(join(dataDir, 'exports', out.saved.file));
    expect((await stat(out.saved.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'exports'))).mode & 0o777).toBe(0o700);

    await db.delete();
    const fresh = await seeded(name);
    const listing = await host['data:listExports']({});
    expect(listing).toMatchObject({ ok: true, data: { folder: join(dataDir, 'exports'), files: [expect.objectContaining({ file: out.saved.file })] } });
    expect(await importSavedEdits(host, fresh, out.saved.file)).toEqual({ added: 3 });
    expect((await listOutbox(fresh)).map((e) => (e.intent.kind === 'update' ? e.intent.desired : null))).toEqual([
      { dealname: 'Renamed offline' },
      { amount: '42' },
    ]);
    expect((await mergedRecord(fresh, 'deals', '1'))?.properties.dealname).toBe('Renamed offline');
    expect(await listConflicts(fresh)).toEqual([expect.objectContaining({ key: 'deals:2:dealname', mine: 'Mine' })]);
    // Once more: nothing is added twice.
    expect(await importSavedEdits(host, fresh, out.saved.file)).toEqual({ added: 0 });
    fresh.close();
  });

  it('saves an export larger than one call takes (the web host takes 5 MB a call) in parts, intact', async () => {
    const db = await seeded(`saved-${++n}`);
    // 100 notes of 65,000 characters, with emoji so that parts are cut between code points correctly.
    for (let i = 0; i < 100; i++) {
      await createNote(db, { body: `Note ${i} 😀 `.padEnd(65_000, 'ż'), timestampMs: 0, associations: [{ toType: 'deals', toId: '1' }] });
    }
    const out = await saveUnsentEdits(host, db);
    if (!('saved' in out) || !out.saved) throw new Error(`not saved: ${JSON.stringify(out)}`);
    const text = await readFile(out.saved.path, 'utf8');
    expect(text.length).toBeGreaterThan(6_000_000);
    const parsed = JSON.parse(text) as { entries: Array<{ intent: { properties?: Record<string, string> } }> };
    expect(parsed.entries.filter((e) => e.intent.properties?.hs_note_body?.startsWith('Note ')).length).toBe(100);
    expect(parsed.entries.every((e) => !e.intent.properties || e.intent.properties.hs_note_body?.length === 65_000)).toBe(true);
    db.close();
  });

  it('refuses edits of another CRM, and files that are not saved edits', async () => {
    const db = await seeded(`saved-${++n}`);
    await setProperties(db, 'deals', '1', { dealname: 'Elsewhere' });
    const out = await saveUnsentEdits(host, db);
    if (!('saved' in out) || !out.saved) throw new Error('not saved');
    const other = open(`saved-${++n}`);
    await writeCrmSource(other, { kind: 'hubspot', baseUrl: 'https://api.hubapi.com' });
    expect(await importSavedEdits(host, other, out.saved.file)).toEqual({ problem: 'otherCrm', source: { kind: 'demo', baseUrl: 'http://127.0.0.1:1' } });
    expect(await other.outbox.count()).toBe(0);

    await writeFile(join(dataDir, 'exports', 'cs-workspace-edits-20260101-000000-abcdef.json'), '{"format":"something else"}');
    expect(await importSavedEdits(host, other, 'cs-workspace-edits-20260101-000000-abcdef.json')).toMatchObject({ problem: 'unreadable' });
    db.close();
    other.close();
  });

  it('writes and reads only its own files in the data folder', async () => {
    for (const file of ['../web-host.json', '/etc/passwd', 'cs-workspace-edits-20260101-000000-abcdef.json/../../x', 'notes.txt']) {
      expect(await host['data:readExport']({ file })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await host['data:saveExport']({ content: 'x', file })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // Appending needs a file the host made.
    expect(await host['data:saveExport']({ content: 'x', file: 'cs-workspace-edits-20990101-000000-zzzzzz.json' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect((await readdir(dataDir)).sort()).toEqual(['exports', 'logs', 'web-host.json']);
  });
  it('a store that will not open (its upgrade fails) has its edits saved before it is deleted, and they come back', async () => {
    const name = `stranded-${++n}`;
    // A store whose outbox this version cannot upgrade (its primary key differs from ours).
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        const idb = req.result;
        idb.createObjectStore('outbox', { keyPath: 'seq' }).put(STRANDED_OUTBOX_ROW);
        idb
          .createObjectStore('conflicts', { keyPath: 'key' })
          .put({ key: 'deals:2:amount', objectType: 'deals', recordId: '2', property: 'amount', base: '10', theirs: '11', mine: '12', detectedAt: 1 });
        idb.createObjectStore('meta', { keyPath: 'key' }).put({ key: 'crmSource', value: { kind: 'demo', baseUrl: 'http://127.0.0.1:1' } });
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const error = await open(name)
      .open()
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    expect(error?.name).toBe('UpgradeError');

    const out = await saveStrandedEdits(host, name, { indexedDB });
    if (!('saved' in out) || !out.saved) throw new Error(`not saved: ${JSON.stringify(out)}`);
    expect(out.saved.count).toBe(2);
    expect((await stat(out.saved.path)).mode & 0o777).toBe(0o600);
    await deleteLocalStore(name, indexedDB);

    const fresh = await seeded(name);
    expect(await importSavedEdits(host, fresh, out.saved.file)).toEqual({ added: 2 });
    expect((await mergedRecord(fresh, 'deals', '1'))?.properties.dealname).toBe(STRANDED_OUTBOX_ROW.intent.desired.dealname);
    expect((await listConflicts(fresh)).map((c) => c.mine)).toEqual(['12']);
    fresh.close();
  });

  it('says when a store cannot be read at all, and saves nothing', async () => {
    const broken = {
      open: () => {
        throw new Error('damaged');
      },
    } as unknown as IDBFactory;
    expect(await saveStrandedEdits(host, 'any', { indexedDB: broken })).toEqual({ unreadable: true });
  });
});
