import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` on a machine without Electron's binary: one line saying so, then the web host
 * serves the workspace (with the embedded demo CRM) from the data folder it was given.
 */
describe('npm start without the Electron binary', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'csw-start-'));
  const noElectron = mkdtempSync(join(tmpdir(), 'csw-no-electron-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(noElectron, { recursive: true, force: true });
  });

  it('explains itself in one line and serves the workspace', async () => {
    expect(existsSync('out/main/web-host.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', dataDir], {
      // An empty Electron folder: the launcher must find no binary, whatever this machine has.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      const lines = out.trim().split('\n');
      expect(lines[0]).toMatch(/^Electron binary is not installed here .* web host instead\.$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
      expect(existsSync(join(dataDir, 'logs', 'web-host.log'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
