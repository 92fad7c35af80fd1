#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise the web host.
// Electron's package downloads its binary on first use, which cannot work on machines that
// set ELECTRON_SKIP_BINARY_DOWNLOAD or have no route to GitHub; so look for the binary
// without requiring the package.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const bin = join(dist, rel);
  return existsSync(bin) ? bin : null;
}

const bin = electronBinary();
let child;
if (bin) {
  child = spawn(bin, [root, ...args], { stdio: 'inherit' });
} else {
  console.log(
    'Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD, or no download possible), so CS Workspace runs in your browser through the web host instead.',
  );
  child = spawn(process.execPath, [join(root, 'out', 'main', 'web-host.js'), ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
