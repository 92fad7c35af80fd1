import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_BODY_BUDGET_BYTES, type CrmPort, type SyncedType } from '../../../shared/sync';
import { startWebHostApp, type WebHostApp } from '../../../src-main/web-host/app';
import { createWebHost } from '../../../src-renderer/bridge/web';
import { createNote, setProperties } from '../../../src-renderer/db';
import { advancingClock, TEST_ZONE } from '../../support/demo-crm';
import { startTestCrm, type TestCrm } from './support/crm';
import { engine, firstSync, openDb, uniqueDbName } from './support/engine';

const TYPES: SyncedType[] = ['companies', 'notes'];
/** Just under HubSpot's most for one text value (65,536 characters). */
const LONG_NOTE = 65_000;

interface Sent {
  path: string;
  bytes: number;
  inputs: number;
  outcome: string;
}

/**
 * Big edits through the same path the browser takes: the sync engine → the web host's
 * contract over HTTP (the renderer's own bridge) → the gateway → the demo CRM. A batch the
 * host cannot take used to reset the connection, which reads as "offline": the queue was
 * retried for ever and nothing behind it went out.
 */
describe('request bodies within limits', () => {
  let app: WebHostApp;
  let root: string;
  let dataDir: string;
  const sent: Sent[] = [];
  let port: CrmPort;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'csw-bytes-root-'));
    dataDir = await mkdtemp(join(tmpdir(), 'csw-bytes-data-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    app = await startWebHostApp({
      dataDir,
      rootDir: root,
      version: '0.0.0-test',
      demoCrm: { size: 'small', seed: 3, now: advancingClock(), timeZone: TEST_ZONE, rateLimits: false, searchLag: false, leanDataset: true },
    });
    const host = createWebHost(app.host.secret, app.host.url.replace(/\/$/, ''));
    port = {
      async request(req) {
        const result = await host['crm:request'](req);
        const inputs = (req.body as { inputs?: unknown[] } | undefined)?.inputs?.length ?? 0;
        sent.push({
          path: req.path,
          bytes: new TextEncoder().encode(JSON.stringify(req.body ?? null)).length,
          inputs,
          outcome: result.ok ? String(result.data.status) : result.error.code,
        });
        return result;
      },
    };
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends 100 long notes (6.5 MB) in batches under the byte budget, and every one arrives', async () => {
    const db = openDb(uniqueDbName('bytes'));
    await engine(db, port, { types: TYPES }).runOnce();
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    for (let i = 0; i < 100; i++) {
      const body = `Long note ${String(i).padStart(3, '0')} `.padEnd(LONG_NOTE, 'x');
      await createNote(db, { body, timestampMs: Date.parse('2026-11-27T10:00:00Z'), associations: [{ toType: 'companies', toId: company.id }] });
    }
    sent.length = 0;
    await engine(db, port, { types: TYPES }).runOnce();

    const creates = sent.filter((s) => s.path === '/crm/v3/objects/notes/batch/create');
    expect(creates.length).toBeGreaterThanOrEqual(3);
    expect(creates.reduce((n, s) => n + s.inputs, 0)).toBe(100);
    for (const c of creates) {
      expect(c.bytes).toBeLessThanOrEqual(PUSH_BODY_BUDGET_BYTES);
      expect(c.outcome).toBe('201');
    }
    expect(await db.outbox.count()).toBe(0);
  });

  it('a single change too large for the web host waits in "needs attention" with a plain reason and is not retried', async () => {
    const db = openDb(uniqueDbName('bytes'));
    await engine(db, port, { types: TYPES }).runOnce();
    const [company, other] = await db.records('companies').limit(2).toArray();
    await createNote(db, {
      body: 'y'.repeat(6 * 1024 * 1024),
      timestampMs: Date.parse('2026-11-27T10:00:00Z'),
      associations: [{ toType: 'companies', toId: company!.id }],
    });
    await setProperties(db, 'companies', other!.id, { name: 'Goes through behind the big one' });
    sent.length = 0;
    await engine(db, port, { types: TYPES }).runOnce();

    const entries = await db.outbox.toArray();
    const entry = entries.find((e) => e.intent.kind === 'create');
    // The note's association waits for its create; the company edit behind it went through.
    expect(entries.map((e) => e.intent.kind).sort()).toEqual(['associate', 'create']);
    expect(entry).toMatchObject({ status: 'attention', intent: { kind: 'create', objectType: 'notes' } });
    expect(entry?.lastError?.message).toMatch(
      /^This request is too large to send: 6\.0 MB, and the limit for one request is 5\.0 MB\. Shorten its longest text/,
    );
    expect(sent.find((s) => s.path === '/crm/v3/objects/companies/batch/update')?.outcome).toBe('200');

    sent.length = 0;
    await engine(db, port, { types: TYPES }).runOnce();
    expect(sent.filter((s) => s.path.endsWith('/batch/create'))).toEqual([]);
  });
});

describe('a 413 from the CRM', () => {
  let crm: TestCrm;
  beforeAll(async () => {
    crm = await startTestCrm({ seed: 5, searchLag: false });
  });
  afterAll(async () => crm?.close());

  // The app's gateway straight to the CRM, as in the desktop app (IPC has no size limit of its own).
  it('is a rejection shown in the review with a plain reason, not a retry', async () => {
    const { db, port } = await firstSync(crm, { name: 'bytes-crm', types: TYPES });
    const company = (await db.records('companies').limit(1).toArray())[0]!;
    // Over the demo CRM's 20 MB request limit.
    await setProperties(db, 'companies', company.id, { description: 'z'.repeat(21 * 1024 * 1024) });
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();

    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'attention', lastError: { status: 413 } });
    expect(entry?.lastError?.message).toMatch(
      /^This change is too large for the CRM \(21\.0 MB; it answered 413: Request body too large.*\)\. Shorten its longest text/,
    );
    port.reset();
    await engine(db, port, { types: TYPES }).runOnce();
    expect(port.log.filter((r) => r.path.endsWith('/batch/update'))).toEqual([]);
  });
});
