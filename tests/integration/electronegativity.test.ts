import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * scripts/electronegativity.mjs is the gate `npm test` runs over src-main. Here it is pointed
 * at a main process with the classic mistakes, to prove the gate fails on them (and names
 * them) rather than passing whatever it is given.
 */
describe('the Electronegativity gate', () => {
  const work = mkdtempSync(join(tmpdir(), 'csw-eng-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails on high and medium findings, naming each', () => {
    writeFileSync(
      join(work, 'main.ts'),
      [
        "import { BrowserWindow, app, shell } from 'electron';",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false } });',
        "  void win.loadURL('http://example.com/');",
        "  win.webContents.on('will-navigate', (_e, url: string) => void shell.openExternal(url));",
        '});',
        '',
      ].join('\n'),
    );
    const res = spawnSync(process.execPath, ['scripts/electronegativity.mjs', work], { encoding: 'utf8' });
    expect(res.status, res.stdout + res.stderr).toBe(1);
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(res.stdout).toMatch(new RegExp(`FAILED +${check} `));
    }
    // The exceptions accepted in src-main do not excuse the same check elsewhere.
    expect(res.stdout).toMatch(/FAILED +OPEN_EXTERNAL_JS_CHECK /);
  }, 60_000);
});
