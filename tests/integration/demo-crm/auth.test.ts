import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenMatcher } from '../../../src-main/demo-crm/http/auth';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/** One raw request with a Host header of our choosing (fetch always sends the URL's). */
function withHost(url: string, host: string, path: string, token: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const r = request({ host: hostname, port, path, method: 'GET', headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', reject);
    r.end();
  });
}

const get = (crm: { url: string }, path: string, token: string) => fetch(`${crm.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('demo CRM access', () => {
  let a: TestDemoCrm;
  let b: TestDemoCrm;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestDemoCrm(), startTestDemoCrm()]);
  });
  afterAll(async () => Promise.all([a.stop(), b.stop()]));

  it('makes a fresh random token at each start; the old fixed one opens nothing', async () => {
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^demo-[A-Za-z0-9_-]{32}$/);
    expect((await get(a, '/crm/v3/owners?limit=1', a.token)).status).toBe(200);
    expect((await get(a, '/crm/v3/owners?limit=1', 'demo-token')).status).toBe(401);
    // One portal's token is not another's.
    expect((await get(a, '/crm/v3/owners?limit=1', b.token)).status).toBe(401);
    expect((await get(a, '/__demo/faults', 'demo-token')).status).toBe(401);
  });

  it('refuses a token that only starts like the real one, or runs past it', async () => {
    for (const wrong of [a.token.slice(0, -1), `${a.token}x`, a.token.toUpperCase(), '']) {
      expect((await get(a, '/crm/v3/owners?limit=1', wrong)).status).toBe(401);
    }
    // Token info takes the token in the path: the same comparison.
    expect((await fetch(`${a.url}/oauth/v1/access-tokens/${a.token.slice(0, -1)}`)).status).toBe(404);
    expect((await fetch(`${a.url}/oauth/v1/access-tokens/${a.token}`)).status).toBe(200);
  });

  it('answers only to its own loopback Host (DNS rebinding is refused with 421)', async () => {
    const port = new URL(a.url).port;
    const rebound = await withHost(a.url, `evil.example:${port}`, '/__demo/faults', a.token);
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toMatchObject({ status: 'error', category: 'MISDIRECTED_REQUEST' });
    expect((await withHost(a.url, `127.0.0.1:${Number(port) + 1}`, '/crm/v3/owners?limit=1', a.token)).status).toBe(421);
    expect((await withHost(a.url, `localhost:${port}`, '/crm/v3/owners?limit=1', a.token)).status).toBe(200);
    expect((await withHost(a.url, `127.0.0.1:${port}`, '/crm/v3/owners?limit=1', a.token)).status).toBe(200);
  });

  it('matches every token of the portal and nothing else', () => {
    const isToken = tokenMatcher(['first-token', 'second']);
    expect(['first-token', 'second'].map(isToken)).toEqual([true, true]);
    expect(['first-toke', 'first-token ', 'secon', 'SECOND', ''].map(isToken)).toEqual([false, false, false, false, false]);
  });
});

describe('npm run crm', () => {
  const BIN = 'out/main/demo-crm.js';
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-crm-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(args: string[]): Promise<{ url: string; token: string; stop(): Promise<void> }> {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+) \(token: (\S+)\)/.exec(out);
        if (m?.[1] && m[2]) {
          const exited = new Promise<void>((done) => child.once('exit', () => done()));
          resolve({ url: m[1], token: m[2], stop: () => (child.kill('SIGTERM'), exited) });
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`demo CRM exited (${code}): ${out}`)));
    });
  }

  it('prints a fresh token per start unless --token names one', async () => {
    expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
    const first = await start([]);
    await first.stop();
    const second = await start([]);
    try {
      expect(second.token).not.toBe(first.token);
      expect((await get(second, '/crm/v3/owners?limit=1', second.token)).status).toBe(200);
      expect((await get(second, '/crm/v3/owners?limit=1', first.token)).status).toBe(401);
    } finally {
      await second.stop();
    }
    const fixed = await start(['--token', 'my-own-token']);
    try {
      expect(fixed.token).toBe('my-own-token');
      expect((await get(fixed, '/crm/v3/owners?limit=1', 'my-own-token')).status).toBe(200);
    } finally {
      await fixed.stop();
    }
  });
});
