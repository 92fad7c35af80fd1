import { randomBytes } from 'node:crypto';
import { appendFile, chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportFileName } from '../../shared/contract';
import { HostCallError } from './dispatch';
import type { ExportStore } from './services';

/** Saved edits hold CRM data and the user's own words: only the user may read them. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** At most this much is read back by `read` (an export of a huge outbox is still far below). */
const MAX_READ_BYTES = 256 * 1024 * 1024;

/**
 * The data folder's `exports/`: files of local edits saved before the local store is deleted.
 * Names are made here (a timestamp and a random tail), so the page never names a path;
 * the same code serves the Electron shell and the web host.
 */
export function createExportStore(dataDir: string, now: () => Date = () => new Date()): ExportStore {
  const folder = join(dataDir, 'exports');
  const pathOf = (file: string) => {
    // The contract's schema already checked this; kept here for callers that skipped it.
    if (!ExportFileName.safeParse(file).success) throw new HostCallError('INVALID_INPUT', 'Not a saved-edits file name.');
    return join(folder, file);
  };

  return {
    folder,
    async save(content, file) {
      await mkdir(folder, { recursive: true, mode: DIR_MODE });
      await chmod(folder, DIR_MODE).catch(() => {});
      if (file === undefined) {
        const d = now();
        const stamp = d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
        const name = `cs-workspace-edits-${stamp}-${randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6)}.json`;
        // 'wx': never overwrite a file that exists.
        await writeFile(pathOf(name), content, { mode: FILE_MODE, flag: 'wx' });
        return { file: name, path: pathOf(name) };
      }
      const path = pathOf(file);
      const exists = await stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) throw new HostCallError('INVALID_INPUT', `No saved-edits file ${file} to add to.`);
      await appendFile(path, content, { mode: FILE_MODE });
      return { file, path };
    },
    async list() {
      const names = await readdir(folder).catch(() => [] as string[]);
      const files = [];
      for (const file of names) {
        if (!ExportFileName.safeParse(file).success) continue;
        const s = await stat(join(folder, file)).catch(() => null);
        if (s?.isFile()) files.push({ file, bytes: s.size, modifiedAt: s.mtimeMs });
      }
      files.sort((a, b) => b.modifiedAt - a.modifiedAt || b.file.localeCompare(a.file));
      return { folder, files };
    },
    async read(file) {
      const path = pathOf(file);
      const s = await stat(path).catch(() => null);
      if (!s?.isFile()) throw new HostCallError('INVALID_INPUT', `No saved-edits file ${file}.`);
      if (s.size > MAX_READ_BYTES) throw new HostCallError('INVALID_INPUT', `${file} is too large to read.`);
      return { content: await readFile(path, 'utf8') };
    },
  };
}
