import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkHubspotUrl, HUBSPOT_API_BASE_URL } from '../../shared/contract/hubspot-url';
import { CrmUserIdentity } from '../../shared/contract/schemas';
import type { ConnectionStore, SavedConnection } from '../crm/connection';
import { writePrivateFileSync } from '../private-file';
import type { SecretStore } from './secret-store';

export const CONNECTION_FILE = 'connection.json';

const OAuthSecret = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The desktop app's connection across restarts: which CRM, and for HubSpot the address the
 * token was checked against, the user (picked, or from the sign-in), the portal id, how it is
 * held (OAuth, service key, private app) and an OAuth token's expiry (ids, email and times, no
 * secret), in `<data-dir>/connection.json`; a HubSpot token — for OAuth the access and refresh
 * tokens — only in the SecretStore (safeStorage, the OS keychain). The demo CRM needs no
 * secret, so choosing it works where no keychain exists.
 */
export function createPersistentConnectionStore(deps: { secrets: SecretStore; dataDir: string; file?: string }): ConnectionStore {
  const file = join(deps.dataDir, deps.file ?? CONNECTION_FILE);

  function writeChoice(connection: SavedConnection) {
    const choice =
      connection.kind === 'demo'
        ? { kind: 'demo' }
        : {
            kind: 'hubspot',
            baseUrl: connection.baseUrl,
            ...(connection.user ? { user: connection.user } : {}),
            ...(connection.portalId ? { portalId: connection.portalId } : {}),
            ...(connection.auth ? { auth: connection.auth } : {}),
            ...(connection.oauth ? { expiresAt: connection.oauth.expiresAt } : {}),
          };
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
      let parsed: { kind?: unknown; baseUrl?: unknown; user?: unknown; portalId?: unknown; auth?: unknown; expiresAt?: unknown };
      try {
        parsed = JSON.parse(raw) as typeof parsed;
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
        if (!token) return null;
        const portalId = typeof parsed.portalId === 'number' && Number.isSafeInteger(parsed.portalId) ? parsed.portalId : null;
        const common = { kind: 'hubspot' as const, baseUrl: baseUrl.url, user: user.success ? user.data : null, portalId };
        if (parsed.auth === 'oauth') {
          // An OAuth secret is the pair of tokens; the expiry is not secret and sits in the file.
          const pair = OAuthSecret.safeParse(safeJson(token));
          if (!pair.success) throw new Error('The saved HubSpot sign-in could not be read; sign in again.');
          const expiresAt = typeof parsed.expiresAt === 'number' ? parsed.expiresAt : 0;
          return { ...common, token: pair.data.accessToken, auth: 'oauth', oauth: { refreshToken: pair.data.refreshToken, expiresAt } };
        }
        const auth = parsed.auth === 'service-key' || parsed.auth === 'private-app' ? parsed.auth : undefined;
        return { ...common, token, ...(auth ? { auth } : {}) };
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
        deps.secrets.set(connection.oauth ? JSON.stringify({ accessToken: connection.token, refreshToken: connection.oauth.refreshToken }) : connection.token);
      } else {
        deps.secrets.set(null);
      }
      writeChoice(connection);
    },
  };
}
