import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file only the user may read (0600), creating its folder when missing. The data
 * goes to `<file>.tmp` first and is then renamed over the file, so a crash mid-write never
 * leaves a truncated file behind: the reader finds the old content or the new, whole.
 * Plain Node (no `electron`), so the Electron shell and the Node hosts and tests share it.
 */
export function writePrivateFileSync(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, file);
}
