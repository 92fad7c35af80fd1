#!/usr/bin/env node
// `npm run test:electron`: the Electron end-to-end suite (tests/electron) on a machine with the
// Electron binary. Without it the suite is skipped with one line and nothing counts as passed.
import { spawnSync } from 'node:child_process';
import { electronBinary, ROOT } from './electron-binary.mjs';

if (!electronBinary()) {
  console.log('Electron end-to-end suite skipped (0 run): the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD).');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(npx, ['playwright', 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
