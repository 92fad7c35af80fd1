import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFilePath, serveAppRequest } from '../../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/host/csp';

/**
 * app://cs-workspace/ serves the built renderer and nothing else. A real folder stands in for
 * out/renderer, with a secret right beside it that no URL may reach.
 */
let work: string;
let root: string;
const SECRET = 'the token file next to the renderer';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cs-app-protocol-'));
  root = join(work, 'renderer');
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>CS Workspace</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'sync.worker-def.js'), 'self.onmessage = () => {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'fonts', 'icons.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'sql.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'asset-manifest.json'), '{"files":[]}');
  writeFileSync(join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(join(work, 'secret.txt'), SECRET);
  mkdirSync(join(work, 'renderer-other'));
  writeFileSync(join(work, 'renderer-other', 'index.html'), SECRET);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

describe('app:// file serving', () => {
  it.each([
    ['app://cs-workspace/', 'text/html; charset=utf-8'],
    ['app://cs-workspace/index.html', 'text/html; charset=utf-8'],
    ['app://cs-workspace/index.html#/tasks?x=1', 'text/html; charset=utf-8'],
    ['app://cs-workspace/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    // A module Worker's script is refused by Chromium unless its type is JavaScript.
    ['app://cs-workspace/assets/sync.worker-def.js', 'text/javascript; charset=utf-8'],
    ['app://cs-workspace/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://cs-workspace/assets/fonts/icons.woff2', 'font/woff2'],
    ['app://cs-workspace/assets/sql.wasm', 'application/wasm'],
    ['app://cs-workspace/assets/logo.svg', 'image/svg+xml'],
    ['app://cs-workspace/asset-manifest.json', 'application/json; charset=utf-8'],
    ['app://cs-workspace/assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s, with the CSP and nosniff', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers with the file itself, a query string ignored', async () => {
    expect(await (await get('app://cs-workspace/assets/index-abc.js?v=2')).text()).toBe('export const x = 1;');
    expect(await (await get('app://cs-workspace/')).text()).toContain('<title>CS Workspace</title>');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://cs-workspace/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await get('app://cs-workspace/index.html', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each(['app://cs-workspace/missing.js', 'app://cs-workspace/assets', 'app://cs-workspace/assets/', 'app://cs-workspace/assets/fonts/nope.woff2'])(
    'answers 404 for %s (missing, or a folder), with the CSP',
    async (url) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it.each([
    'app://cs-workspace/../secret.txt',
    'app://cs-workspace/assets/../../secret.txt',
    'app://cs-workspace/%2e%2e/secret.txt',
    'app://cs-workspace/%2E%2E/secret.txt',
    'app://cs-workspace/.%2e/secret.txt',
    'app://cs-workspace/assets/%2e%2e/%2e%2e/secret.txt',
    'app://cs-workspace/..%2fsecret.txt',
    'app://cs-workspace/%2e%2e%2fsecret.txt',
    'app://cs-workspace/assets%2f..%2f..%2fsecret.txt',
    'app://cs-workspace/..%5csecret.txt',
    'app://cs-workspace/assets\\..\\..\\secret.txt',
    'app://cs-workspace/%252e%252e/secret.txt',
    'app://cs-workspace/%2fsecret.txt',
    `app://cs-workspace/${encodeURIComponent('/etc/passwd')}`,
    'app://cs-workspace//secret.txt',
    'app://cs-workspace/./index.html/../../secret.txt',
    'app://cs-workspace/index.html%00.js',
    'app://cs-workspace/C:%5cWindows%5cwin.ini',
    'app://cs-workspace/%E0%A4%A',
    'app://cs-workspace/../renderer-other/index.html',
    'app://cs-workspace/%2e%2e/renderer-other/index.html',
  ])('never leaves the renderer folder: %s is a 404', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('refuses an absolute path to the secret, encoded into one segment', async () => {
    const res = await get(`app://cs-workspace/${encodeURIComponent(join(work, 'secret.txt'))}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it.each([
    'app://other/index.html',
    'app://cs-workspace.evil/index.html',
    'app://cs-workspace:8080/index.html',
    'app://user:pw@cs-workspace/index.html',
    'file:///index.html',
    'https://cs-workspace/index.html',
    'not a url',
  ])('serves nothing for %s (another host, port, credentials or scheme)', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('maps a URL to a file under the folder, or to nothing', () => {
    expect(appFilePath('app://cs-workspace/assets/fonts/icons.woff2', root)).toBe(join(root, 'assets', 'fonts', 'icons.woff2'));
    expect(appFilePath('app://cs-workspace/assets/a%20b.js', root)).toBe(join(root, 'assets', 'a b.js'));
    expect(appFilePath('app://cs-workspace/', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://cs-workspace/..%2f..%2fetc%2fpasswd', root)).toBeNull();
  });
});
