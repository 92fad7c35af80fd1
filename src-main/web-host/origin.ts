import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The browser keeps the workspace's local store (IndexedDB, the outbox of queued edits
 * included) per origin, and the web host's origin is `http://127.0.0.1:<port>`. A new port
 * at every start would open an empty store and strand the edits queued in the last run, so
 * the port is kept in the data folder and reused: one data folder, one origin.
 */
export const ORIGIN_FILE = 'web-host.json';

interface SavedOrigin {
  port: number;
}

const validPort = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 65535;

/** The port this data folder's workspace was served on, or null (first start, or an unreadable file). */
export async function savedPort(dataDir: string): Promise<number | null> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, ORIGIN_FILE), 'utf8')) as Partial<SavedOrigin>;
    return validPort(saved.port) ? saved.port : null;
  } catch {
    return null;
  }
}

export async function savePort(dataDir: string, port: number): Promise<void> {
  const value: SavedOrigin = { port };
  await writeFile(join(dataDir, ORIGIN_FILE), `${JSON.stringify(value)}\n`);
}

/** The saved port is taken: starting elsewhere would show an empty workspace, so the host stops and says why. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';
  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly saved: boolean,
  ) {
    super(
      saved
        ? `Port ${port} is in use. This data folder's workspace is always served at http://127.0.0.1:${port}/ ` +
            `(kept in ${join(dataDir, ORIGIN_FILE)}), because the browser keeps its local data, queued edits included, ` +
            `per address. Another CS Workspace may be running on this data folder: stop it (or the program using the port) and start again. ` +
            `--port <n> picks another address, but the browser then opens an empty local store there; ` +
            `edits queued at http://127.0.0.1:${port}/ stay there until you come back to it.`
        : `Port ${port} is in use; choose another with --port <n>.`,
    );
    this.name = 'PortInUseError';
  }
}
