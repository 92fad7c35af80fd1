import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkHubspotUrl, HUBSPOT_API_BASE_URL } from '../../shared/contract/hubspot-url';
import { CrmUserIdentity } from '../../shared/contract/schemas';
import type { ConnectionStore, SavedConnection } from '../crm/connection';
import { writePrivateFileSync } from '../private-file';
import type { SecretStore } from './secret-store';

export const CONNECTION_FILE = 'connection.json';

/**
 * The desktop app's connection across restarts: which CRM, and for HubSpot the address the
 * token was checked against and the user picked in "Who are you?" (ids and email, no
 * secret), in `<data-dir>/connection.json`; a HubSpot
 * token only in the SecretStore (safeStorage, the OS keychain). The demo CRM needs no
 * secret, so choosing it works where no keychain exists.
 */
export function createPersistentConnectionStore(deps: { secrets: SecretStore; dataDir: string }): ConnectionStore {
  const file = join(deps.dataDir, CONNECTION_FILE);

  function writeChoice(connection: SavedConnection) {
    const choice =
      connection.kind === 'demo' ? { kind: 'demo' } : { kind: 'hubspot', baseUrl: connection.baseUrl, ...(connection.user ? { user: connection.user } : {}) };
    writePrivateFileSync(file, `${JSON.stringify(choice)}\n`);
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
      let parsed: { kind?: unknown; baseUrl?: unknown; user?: unknown };
      try {
        parsed = JSON.parse(raw) as { kind?: unknown; baseUrl?: unknown; user?: unknown };
      } catch {
        throw new Error(`${CONNECTION_FILE} is not valid JSON; connect the CRM again.`);
      }
      const kind = parsed?.kind;
      if (kind === 'demo') return { kind: 'demo' };
      if (kind === 'hubspot') {
        const token = deps.secrets.get();
        // A user entry that does not parse is dropped: "Who are you?" is simply asked again.
        const user = CrmUserIdentity.safeParse(parsed.user);
        // Saved before the address was kept: the token was checked against HubSpot's own.
        const baseUrl =
          parsed.baseUrl === undefined
            ? { ok: true as const, url: HUBSPOT_API_BASE_URL }
            : checkHubspotUrl(typeof parsed.baseUrl === 'string' ? parsed.baseUrl : '');
        if (!baseUrl.ok) throw new Error(`${CONNECTION_FILE} names no valid HubSpot address; connect the CRM again.`);
        return token ? { kind: 'hubspot', token, baseUrl: baseUrl.url, user: user.success ? user.data : null } : null;
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
      writeChoice(connection);
    },
  };
}
