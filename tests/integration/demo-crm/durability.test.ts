import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Persistence } from '../../../src-main/demo-crm/store/persist';
import { Store } from '../../../src-main/demo-crm/store/store';
import { TEST_NOW } from '../../support/demo-crm';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'demo-crm-durable-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SOURCE = { sourceType: 'INTEGRATION', sourceId: 'test' };
const clock = { now: () => TEST_NOW, mono: () => 0 };

describe('journal', () => {
  it('replays committed writes after a crash (no close), drops a torn last line, and never reuses an id', async () => {
    const dir = tempDir();
    const first = new Store(await Persistence.open(dir), clock);
    const a = first.create('companies', { name: 'Before the crash' }, SOURCE);
    first.update(a, { name: 'Renamed before the crash' }, SOURCE);
    first.commit();
    // The process dies here: no close(), no snapshot; then half a line reaches the disk.
    appendFileSync(join(dir, 'demo-crm.journal'), '{"r":[["companies","99999",{"p":{"na');

    const second = new Store(await Persistence.open(dir), clock);
    expect(second.get('companies', a.id)?.props.name).toBe('Renamed before the crash');
    expect(second.get('companies', '99999')).toBeUndefined();
    const b = second.create('companies', { name: 'After the crash' }, SOURCE);
    expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    second.commit();
  });
});

const BIN = 'out/main/demo-crm.js';

/** Starts the built demo CRM CLI; resolves with its URL once it listens. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--data', dataDir, '--token', 'kill-token'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`demo CRM exited (${code}): ${out}`)));
  });
}

const kill9 = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('kill -9', () => {
  it('keeps every write it answered 2xx for, and hands out new ids after the restart', async () => {
    expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
    const dataDir = tempDir();
    const post = (url: string, path: string, body: unknown): Promise<Response> =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer kill-token', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });

    let { child, url } = await startChild(dataDir);
    const created = await post(url, '/crm/v3/objects/companies', { properties: { name: 'Survives kill -9' } });
    expect(created.status).toBe(201);
    const batch = await post(url, '/crm/v3/objects/companies/batch/create', {
      inputs: [{ properties: { name: 'Batch 1' } }, { properties: { name: 'Batch 2' } }],
    });
    expect(batch.status).toBe(201);
    await kill9(child); // at once: no graceful close, no snapshot

    ({ child, url } = await startChild(dataDir));
    try {
      const { id } = (await created.json()) as { id: string };
      const ids = ((await batch.json()) as { results: { id: string }[] }).results.map((r) => r.id);
      const read = await post(url, '/crm/v3/objects/companies/batch/read', { inputs: [id, ...ids].map((x) => ({ id: x })), properties: ['name'] });
      const names = ((await read.json()) as { results: { properties: { name: string } }[] }).results.map((r) => r.properties.name).sort();
      expect(names).toEqual(['Batch 1', 'Batch 2', 'Survives kill -9']);
      const next = (await (await post(url, '/crm/v3/objects/companies', { properties: { name: 'After restart' } })).json()) as { id: string };
      expect(Number(next.id)).toBeGreaterThan(Math.max(...[id, ...ids].map(Number)));
    } finally {
      await kill9(child);
    }
  }, 30_000);
});
