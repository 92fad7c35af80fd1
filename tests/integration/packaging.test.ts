import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * electron-builder always downloads Electron, which our machines cannot. It accepts a local
 * Electron folder instead (`electronDist`), so we pack `--linux dir` against a stand-in made
 * here: this proves electron-builder.yml validates and that the app archive holds the build
 * output and the main process's runtime dependencies — and none of the renderer's libraries.
 */
describe('packaging with electron-builder', () => {
  const work = mkdtempSync(join(tmpdir(), 'csw-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs the built app for Linux with only the runtime dependencies', () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const dist = join(work, 'electron-dist');
    spawnSync('mkdir', ['-p', dist]);
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho stand-in electron\n');
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), 'v45.5.0');
    writeFileSync(join(dist, 'LICENSE'), '');

    const output = join(work, 'release');
    const res = spawnSync(
      'npx',
      ['electron-builder', '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${output}`],
      { encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    expect(res.status, `${res.stdout}\n${res.stderr}`).toBe(0);

    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const expected of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files).toContain(expected);
    }
    expect(files.some((f) => f.startsWith('/node_modules/zod/'))).toBe(true);
    expect(files.some((f) => f.startsWith('/node_modules/sql.js/'))).toBe(true);
    for (const bundled of ['vue', 'pinia', 'dexie', 'electron', '@fullcalendar', 'typescript']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${bundled}/`)), `${bundled} must not be packed`).toBe(false);
    }
    expect(files.some((f) => f.startsWith('/src-'))).toBe(false);
  }, 120_000);
});
