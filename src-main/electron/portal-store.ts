import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { isPortal, type PortalStore, type SavedPortal } from '../crm/portals';
import { createPersistentConnectionStore } from './connection-store';
import { createSecretStore } from './secret-store';

export const PORTALS_DIR = 'portals';

/**
 * The other connected HubSpot portals, across restarts: each as `portals/<portalId>.json`
 * (address, user, portal, how it is held; no secret) and its credential only in
 * `portals/<portalId>.bin`, encrypted with the OS keychain like the current one's (the same
 * two stores, so the same refusals: no keychain, Linux `basic_text`).
 */
export function createPersistentPortalStore(deps: {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  dataDir: string;
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
}): PortalStore {
  const dir = join(deps.dataDir, PORTALS_DIR);
  const storeOf = (portalId: number) =>
    createPersistentConnectionStore({
      secrets: createSecretStore({
        safeStorage: deps.safeStorage,
        dataDir: dir,
        file: `${portalId}.bin`,
        ...(deps.platform ? { platform: deps.platform } : {}),
      }),
      dataDir: dir,
      file: `${portalId}.json`,
    });
  const ids = (): number[] => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.map((n) => /^([0-9]{1,15})\.json$/.exec(n)?.[1]).flatMap((id) => (id ? [Number(id)] : []));
  };
  return {
    list() {
      const kept: SavedPortal[] = [];
      for (const id of ids()) {
        try {
          const saved = storeOf(id).load();
          if (isPortal(saved) && saved.portalId === id) kept.push(saved);
        } catch (err) {
          // One unreadable portal does not hide the others; it is connected again when needed.
          deps.log?.(`the kept HubSpot portal ${id} could not be read: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return kept;
    },
    put(portal) {
      storeOf(portal.portalId).save(portal);
    },
    remove(portalId) {
      storeOf(portalId).save(null);
      rmSync(join(dir, `${portalId}.json.tmp`), { force: true });
    },
  };
}
