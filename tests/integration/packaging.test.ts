import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import afterPack from '../../build/after-pack.mjs';

/**
 * electron-builder always downloads Electron, which our machines cannot. It accepts a local
 * Electron folder instead (`electronDist`), so we pack `--linux dir` against a stand-in made
 * here: this proves electron-builder.yml validates, that the app archive holds the build
 * output and the main process's runtime dependencies — and none of the renderer's libraries —
 * and that the afterPack hook (build/after-pack.mjs) flips Electron's fuses.
 *
 * The stand-in binary is a shell script that carries Electron's fuse wire in a comment, laid
 * out as in the real binary: the sentinel, the schema version (1), the number of fuses, then
 * one byte per fuse ('0' off, '1' on). Its fuses are Electron 45's defaults; the ninth
 * (WasmTrapHandlers), newer than @electron/fuses 1.x, must stay as it is.
 *
 * What this cannot cover: that Electron honours the fuses (no real binary runs here), and asar
 * integrity, which Electron checks only on macOS and Windows, against a hash electron-builder
 * embeds in Info.plist or an .exe resource; a Linux pack has neither, so only the fuse bit is
 * proven here. The macOS and Windows paths of the hook are run against stand-in layouts below.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocolPrivileges, WasmTrapHandlers. */
const ELECTRON_DEFAULT_WIRE = '101100011';
const HARDENED_WIRE = '010011001';

function standInBinary(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\n# fuse wire: ${SENTINEL}`, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(`${wire}\necho stand-in electron\n`, 'latin1'),
  ]);
}

/** The wire as a string of '0'/'1'/'r', read back with @electron/fuses. */
async function readWire(path: string): Promise<string> {
  const wire = await getCurrentFuseWire(path);
  expect(wire.version).toBe('1');
  return Object.entries(wire)
    .filter(([key]) => key !== 'version')
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, state]) => String.fromCharCode(state as number))
    .join('');
}

describe('packaging with electron-builder', () => {
  const work = mkdtempSync(join(tmpdir(), 'csw-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs the built app for Linux with only the runtime dependencies, and its fuses flipped', async () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const dist = join(work, 'electron-dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'electron'), standInBinary());
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), 'v45.5.0');
    writeFileSync(join(dist, 'LICENSE'), '');

    const output = join(work, 'release');
    const res = spawnSync('npx', ['electron-builder', '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${output}`], {
      encoding: 'utf8',
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    });
    expect(res.status, `${res.stdout}\n${res.stderr}`).toBe(0);

    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const expected of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files).toContain(expected);
    }
    expect(files.some((f) => f.startsWith('/node_modules/zod/'))).toBe(true);
    expect(files.some((f) => f.startsWith('/node_modules/sql.js/'))).toBe(true);
    // Loaded by main in an installed app only (src-main/desktop/updates.ts).
    expect(files.some((f) => f.startsWith('/node_modules/electron-updater/'))).toBe(true);
    for (const bundled of ['vue', 'pinia', 'dexie', 'electron', '@fullcalendar', 'typescript']) {
      expect(
        files.some((f) => f.startsWith(`/node_modules/${bundled}/`)),
        `${bundled} must not be packed`,
      ).toBe(false);
    }
    expect(files.some((f) => f.startsWith('/src-'))).toBe(false);
    // The hook's own folder (build/, electron-builder's buildResources) is not packed.
    expect(files.some((f) => f.startsWith('/build/'))).toBe(false);

    const packed = join(output, 'linux-unpacked', 'cs-workspace');
    expect(await readWire(packed)).toBe(HARDENED_WIRE);
    // Only the fuse bytes changed: the binary is otherwise the one electron-builder copied.
    expect(readFileSync(packed).equals(standInBinary(HARDENED_WIRE))).toBe(true);
    expect(spawnSync(packed, { encoding: 'utf8' }).stdout).toBe('stand-in electron\n');
  }, 180_000);

  it('flips the fuses where macOS and Windows keep them (the framework in the .app, the .exe)', async () => {
    const mac = join(work, 'mac');
    const framework = join(mac, 'CS Workspace.app', 'Contents', 'Frameworks', 'Electron Framework.framework');
    mkdirSync(framework, { recursive: true });
    writeFileSync(join(framework, 'Electron Framework'), standInBinary());
    // x64: an arm64 build also re-signs ad hoc with codesign, which exists only on macOS.
    await afterPack({ appOutDir: mac, electronPlatformName: 'darwin', arch: 1, packager: { appInfo: { productFilename: 'CS Workspace' } } });
    // @electron/fuses finds the framework's binary from the bundle's path.
    expect(await readWire(join(mac, 'CS Workspace.app'))).toBe(HARDENED_WIRE);

    const win = join(work, 'win');
    mkdirSync(win, { recursive: true });
    writeFileSync(join(win, 'CS Workspace.exe'), standInBinary());
    await afterPack({ appOutDir: win, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'CS Workspace' } } });
    expect(await readWire(join(win, 'CS Workspace.exe'))).toBe(HARDENED_WIRE);
  });

  it('fails the build when Electron has retired a fuse it sets, and changes nothing', async () => {
    const dir = join(work, 'removed');
    mkdirSync(dir, { recursive: true });
    // An Electron that retired RunAsNode ('r'): flipping it is a no-op, so the read-back must refuse.
    writeFileSync(join(dir, 'cs-workspace'), standInBinary(`r${ELECTRON_DEFAULT_WIRE.slice(1)}`));
    await expect(
      afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { appInfo: { productFilename: 'CS Workspace' }, executableName: 'cs-workspace' },
      }),
    ).rejects.toThrow(/retired the fuse\(s\) RunAsNode/);
    expect(await readWire(join(dir, 'cs-workspace'))).toBe(`r${ELECTRON_DEFAULT_WIRE.slice(1)}`);
  });
});
