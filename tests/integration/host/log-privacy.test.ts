import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileLog } from '../../../src-main/logging/file-log';
import { startWebHostApp } from '../../../src-main/web-host/app';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

/**
 * The web host's log lives in the data folder. Links the user opens carry personal data
 * (mail addresses, phone numbers, meeting passcodes): the log keeps their scheme only, and
 * only the user may read it.
 */
describe('the web host log', () => {
  const dirs: string[] = [];
  const temp = async (prefix: string) => {
    const d = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  let root: string;
  beforeAll(async () => {
    root = await temp('csw-log-root-');
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  });

  it('is private to the user and names no address, number or meeting link that was opened', async () => {
    const dataDir = await temp('csw-log-data-');
    // A log left world-readable by an earlier version is made private too.
    await mkdir(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    await writeFile(join(dataDir, 'logs', 'web-host.log'), 'an old line\n', { mode: 0o644 });
    const opened: string[] = [];
    const app = await startWebHostApp({
      dataDir,
      rootDir: root,
      version: '0.0.0-test',
      crm: { kind: 'demo', baseUrl: 'http://127.0.0.1:9', token: 'unused-token' },
      opener: { open: async (url) => void opened.push(url) },
    });
    const call = async (url: string) => {
      const res = await fetch(`${app.host.url}__host/call/shell:openExternal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cs-host-secret': app.host.secret },
        body: JSON.stringify({ url }),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string } };
    };
    const links = ['mailto:jane.doe@example.com?subject=Re%3A%20Renewal', 'tel:+48221234567', 'https://meet.example.com/j/8812345?pwd=S3cretPass'];
    for (const url of links) expect(await call(url)).toMatchObject({ ok: true });
    // The handler checks what it is asked to open: no extra recipients through a CRM value.
    expect(await call('mailto:jane.doe@example.com?bcc=spy@evil.example')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(opened).toEqual(links);
    await app.close();

    const file = join(dataDir, 'logs', 'web-host.log');
    const log = await readFile(file, 'utf8');
    expect(log).toContain('open-external mailto:');
    expect(log).toContain('open-external tel:');
    expect(log).toContain('open-external https:');
    for (const secret of ['jane.doe', 'example.com', '48221234567', '8812345', 'S3cretPass', 'spy@', 'Renewal']) expect(log).not.toContain(secret);
    expect(await mode(file)).toBe(0o600);
    expect(await mode(join(dataDir, 'logs'))).toBe(0o700);
  });

  it('rotates by size and keeps a bounded number of private files', async () => {
    const dir = await temp('csw-log-rotate-');
    const file = join(dir, 'logs', 'x.log');
    const log = createFileLog({ file, maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 100; i++) log.log(`line ${String(i).padStart(3, '0')} ${'.'.repeat(40)}`);
    await log.flush();
    expect((await readdir(join(dir, 'logs'))).sort()).toEqual(['x.log', 'x.log.1', 'x.log.2']);
    for (const f of ['x.log', 'x.log.1', 'x.log.2']) {
      expect((await stat(join(dir, 'logs', f))).size).toBeLessThanOrEqual(1000);
      expect(await mode(join(dir, 'logs', f))).toBe(0o600);
    }
    // The newest lines are in the current file, in order.
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.at(-1)).toContain('line 099');
    expect(lines.map((l) => l.split(' ')[2])).toEqual([...lines.map((l) => l.split(' ')[2])].sort());
  });

  it('keeps one line per call: a line break in a message cannot forge another line', async () => {
    const dir = await temp('csw-log-lines-');
    const file = join(dir, 'y.log');
    const log = createFileLog({ file });
    log.log('first\n2026-01-01T00:00:00.000Z forged');
    await log.flush();
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
