import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/csp';

/**
 * The desktop app serves out/renderer over app://cs-workspace/ (src-main/electron/app-protocol.ts).
 * Against the real build: every file the build emits is served with a known type (module
 * scripts and module workers are refused by Chromium unless their type is JavaScript), and the
 * page's entry script and both workers are among them.
 */
describe('the built renderer over app://', () => {
  const root = join('out', 'renderer');

  it('serves every built file with its own content type and the CSP', async () => {
    expect(existsSync(join(root, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
    for (const file of files) {
      const res = await serveAppRequest({ url: `app://cs-workspace/${file}`, method: 'GET' }, root);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).not.toBe('application/octet-stream');
      expect(res.headers.get('content-security-policy'), file).toBe(CONTENT_SECURITY_POLICY);
      if (file.endsWith('.js')) expect(res.headers.get('content-type'), file).toBe('text/javascript; charset=utf-8');
    }
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]* src="\.\/([^"]+)"/.exec(html)?.[1];
    expect(entry, 'the entry module script of index.html').toBeDefined();
    expect(files).toContain(entry);
    for (const worker of ['sync.worker', 'health.worker']) {
      expect(
        files.some((f) => f.startsWith(`assets/${worker}-`) && f.endsWith('.js')),
        worker,
      ).toBe(true);
    }
  });
});
