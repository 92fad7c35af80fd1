import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmGateway } from '../../src-main/crm/gateway';
import { createDispatcher } from '../../src-main/host/dispatch';
import { createHostHandlers } from '../../src-main/host/handlers';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { createWebHost } from '../../src-renderer/bridge/web';
import { createChannelCrmPort } from '../../src-renderer/sync/worker-crm-port';

/**
 * The web host over real HTTP, in front of a real (tiny) CRM server that counts what
 * reaches it: bad input is refused with a clear error and changes nothing, and calls that
 * do not come from our own page are refused.
 */
describe('web host', () => {
  const root = mkdtempSync(join(tmpdir(), 'csw-webhost-'));
  const crmHits: string[] = [];
  const opened: string[] = [];
  let crm: Server;
  let host: WebHost;
  let base: string;

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    crm = createServer((req, res) => {
      crmHits.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      res.writeHead(200, { 'content-type': 'application/json', 'x-hubspot-ratelimit-remaining': '99' });
      res.end(JSON.stringify({ results: [] }));
    });
    await new Promise<void>((r) => crm.listen(0, '127.0.0.1', r));
    const crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}`;
    const handlers = createHostHandlers({
      appInfo: () => ({ name: 'CS Workspace', version: '1.2.3', platform: 'linux', host: 'web', locale: 'en' }),
      crm: createCrmGateway({ connection: { current: () => ({ kind: 'demo', baseUrl: crmUrl, token: 'secret-token' }) } }),
      notifier: { show: async () => true },
      opener: { open: async (url) => void opened.push(url) },
      network: { isOnline: () => true },
    });
    host = await startWebHost({ rootDir: root, dispatch: createDispatcher(handlers) });
    base = host.url.replace(/\/$/, '');
  });

  afterAll(async () => {
    await host.close();
    await new Promise((r) => crm.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/__host/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cs-host-secret': host.secret, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('hands the secret only to its own page, with a strict CSP', async () => {
    const res = await fetch(`${base}/`);
    const html = await res.text();
    expect(html).toContain(`data-secret="${host.secret}"`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers a valid call and attaches the token only on the way to the CRM', async () => {
    const res = await call('crm:request', { method: 'GET', path: '/crm/v3/objects/companies', query: { limit: '2', properties: ['name', 'domain'] } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, data: { status: 200, body: { results: [] } } });
    expect(JSON.stringify(body)).not.toContain('secret-token');
    expect(crmHits.at(-1)).toBe('GET /crm/v3/objects/companies?limit=2&properties=name&properties=domain Bearer secret-token');
  });

  it("gives the sync worker its own line: the page's channel reaches crm:request over HTTP without the page", async () => {
    const channel = await createWebHost(host.secret, base).crmChannel();
    expect(channel).toEqual({ kind: 'http', base, secret: host.secret });
    const port = createChannelCrmPort(channel);
    const result = await port.request({ method: 'GET', path: '/crm/v3/objects/deals', query: { limit: '1' } });
    expect(result).toMatchObject({ ok: true, data: { status: 200, body: { results: [] } } });
    expect(crmHits.at(-1)).toBe('GET /crm/v3/objects/deals?limit=1 Bearer secret-token');
  });

  it.each([
    ['a path outside the CRM API', 'crm:request', { method: 'GET', path: '/oauth/v1/token' }, 'path must start with one of'],
    ['dot segments', 'crm:request', { method: 'GET', path: '/crm/v3/../../etc' }, 'dot segments'],
    ['an unknown method', 'crm:request', { method: 'TRACE', path: '/crm/v3/objects/deals' }, 'method'],
    ['an extra field', 'crm:request', { method: 'GET', path: '/crm/v3/objects/deals', host: 'evil.example' }, 'host'],
    ['a notification without a title', 'notify:show', { id: 'x', body: 'b' }, 'title'],
    ['a non-route click target', 'notify:show', { id: 'x', title: 't', body: 'b', target: 'https://evil.example' }, 'target'],
  ])('refuses %s with a clear error and sends nothing', async (_what, name, input, mentions) => {
    const before = crmHits.length;
    const res = await call(name, input);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain(mentions);
    expect(crmHits.length).toBe(before);
  });

  // Each of these would leave the allowed prefixes once a URL parser normalises it (or once a
  // proxy decodes it), reaching e.g. the demo CRM's /__demo/faults switches.
  it.each([
    ['a plain dot segment', '/crm/../__demo/faults'],
    ['a single dot segment', '/crm/./v3/objects/deals'],
    ['encoded dots', '/crm/%2e%2e/__demo/faults'],
    ['encoded dots in capitals with an encoded slash', '/crm/%2E%2E%2F__demo/faults'],
    ['half-encoded dots', '/crm/.%2e/__demo/faults'],
    ['an encoded slash', '/crm/v3%2f..%2f..%2f__demo/faults'],
    ['a backslash', '/crm/..\\__demo/faults'],
    ['an encoded backslash', '/crm/..%5c__demo/faults'],
    ['double encoding', '/crm/%252e%252e/__demo/faults'],
    ['an empty segment', '/crm//__demo/faults'],
  ])('refuses a path with %s and sends nothing', async (_what, path) => {
    const before = crmHits.length;
    const res = await call('crm:request', { method: 'PUT', path, body: { errorRate: 1 } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(body.error.message).toContain('path');
    expect(crmHits.length).toBe(before);
  });

  it('still sends ordinary escapes in a path (an email as an id)', async () => {
    const res = await call('crm:request', { method: 'GET', path: '/crm/v3/objects/contacts/jane%40example.com' });
    expect(res.status).toBe(200);
    expect(crmHits.at(-1)).toMatch(/^GET \/crm\/v3\/objects\/contacts\/jane%40example\.com /);
  });

  it('answers a call over 5 MB with a 413 and a plain reason, not a reset connection', async () => {
    const before = crmHits.length;
    const notes = Array.from({ length: 100 }, (_, i) => ({ properties: { hs_note_body: `${i} ${'x'.repeat(62_000)}` } }));
    const res = await call('crm:request', { method: 'POST', path: '/crm/v3/objects/notes/batch/create', body: { inputs: notes } });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(body.error.message).toMatch(/too large to send: 5\.9 MB.*limit for one request is 5\.0 MB/);
    expect(crmHits.length).toBe(before);
    // The host goes on answering.
    expect((await call('app:info', {})).status).toBe(200);
  });

  it('refuses malformed JSON and unknown calls', async () => {
    const bad = await call('crm:request', '{"method":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('not valid JSON');
    const unknown = await call('fs:readFile', {});
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe('UNKNOWN_CALL');
  });

  it('opens only allow-listed links', async () => {
    const refused = await (await call('shell:openExternal', { url: 'file:///etc/passwd' })).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const js = await (await call('shell:openExternal', { url: 'javascript:alert(1)' })).json();
    expect(js.ok).toBe(false);
    expect(opened).toEqual([]);
    const ok = await (await call('shell:openExternal', { url: 'https://meet.example.com/abc' })).json();
    expect(ok).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual(['https://meet.example.com/abc']);
  });

  it('refuses calls without the secret, from another origin, or to another Host name', async () => {
    const before = crmHits.length;
    const req = { method: 'GET', path: '/crm/v3/objects/companies' };
    const noSecret = await fetch(`${base}/__host/call/crm:request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req),
    });
    expect(noSecret.status).toBe(403);
    expect((await call('crm:request', req, { 'x-cs-host-secret': 'guess' })).status).toBe(403);
    expect((await call('crm:request', req, { origin: 'https://evil.example' })).status).toBe(403);
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host header.
    const port = new URL(base).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const r = request(
          {
            host: '127.0.0.1',
            port,
            path: '/__host/call/app:info',
            method: 'POST',
            headers: { host: `evil.example:${port}`, 'content-type': 'application/json', 'x-cs-host-secret': host.secret },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        r.on('error', reject);
        r.end('{}');
      }, reject);
    });
    expect(rebound).toBe(421);
    expect(crmHits.length).toBe(before);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await fetch(`${base}/..%2F..%2Fetc%2Fpasswd.txt`);
    expect(res.status).toBe(404);
  });

  it("answers the browser's own icon request with no content instead of a 404", async () => {
    const res = await fetch(`${base}/favicon.ico`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });
});
