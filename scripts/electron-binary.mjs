// Where the `electron` package put its binary, found without requiring the package: its
// first `require` downloads the binary, which cannot work on machines that set
// ELECTRON_SKIP_BINARY_DOWNLOAD or have no route to GitHub. Used by `npm start`,
// `npm run test:electron` and the Electron end-to-end suite (tests/electron).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The binary's path, or null when it is not installed. */
export function electronBinary() {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const bin = join(dist, rel);
  return existsSync(bin) ? bin : null;
}
