import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConnectionStore, SavedConnection } from '../crm/connection';
import type { SecretStore } from './secret-store';

export const CONNECTION_FILE = 'connection.json';

/**
 * The desktop app's connection across restarts: which CRM in `<data-dir>/connection.json`
 * (plain, holds no secret), and a HubSpot token only in the SecretStore (safeStorage, the OS
 * keychain). The demo CRM needs no secret, so choosing it works where no keychain exists.
 */
export function createPersistentConnectionStore(deps: { secrets: SecretStore; dataDir: string }): ConnectionStore {
  const file = join(deps.dataDir, CONNECTION_FILE);

  function writeKind(kind: SavedConnection['kind']) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ kind })}\n`, { mode: 0o600 });
    renameSync(tmp, file);
  }

  return {
    load() {
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      let kind: unknown;
      try {
        kind = (JSON.parse(raw) as { kind?: unknown }).kind;
      } catch {
        throw new Error(`${CONNECTION_FILE} is not valid JSON; connect the CRM again.`);
      }
      if (kind === 'demo') return { kind: 'demo' };
      if (kind === 'hubspot') {
        const token = deps.secrets.get();
        return token ? { kind: 'hubspot', token } : null;
      }
      throw new Error(`${CONNECTION_FILE} names no known CRM; connect the CRM again.`);
    },
    save(connection) {
      if (connection === null) {
        // The file first: a half-done disconnect must never leave a token that is still used.
        rmSync(file, { force: true });
        deps.secrets.set(null);
        return;
      }
      if (connection.kind === 'hubspot') {
        // Throws when safeStorage is unavailable: nothing is written, the old choice stays.
        deps.secrets.set(connection.token);
      } else {
        deps.secrets.set(null);
      }
      writeKind(connection.kind);
    },
  };
}
