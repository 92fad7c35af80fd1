#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise the web host.
// The binary is looked for without requiring the package (scripts/electron-binary.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, ROOT as root } from './electron-binary.mjs';

const args = process.argv.slice(2);

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
