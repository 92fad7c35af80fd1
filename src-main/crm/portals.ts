import type { z } from 'zod';
import type { CrmPortal } from '../../shared/contract';
import type { SavedConnection } from './connection-types';

export type SavedPortal = Extract<SavedConnection, { kind: 'hubspot' }> & { portalId: number };

/**
 * The HubSpot portals connected on this computer besides the current one, each with its own
 * credential, so Settings can switch back to one without a new sign-in. The Electron shell
 * keeps each credential in the OS keychain (electron/portal-store.ts); the web host in
 * process memory only. Never in the renderer.
 */
export interface PortalStore {
  list(): SavedPortal[];
  /** Keeps (or replaces) a portal's connection; throws when it cannot keep it safely. */
  put(portal: SavedPortal): void;
  /** Forgets a portal's connection and credential. */
  remove(portalId: number): void;
}

export function memoryPortalStore(initial: SavedPortal[] = []): PortalStore {
  let kept = [...initial];
  return {
    list: () => [...kept],
    put: (portal) => {
      kept = [...kept.filter((p) => p.portalId !== portal.portalId), portal];
    },
    remove: (portalId) => {
      kept = kept.filter((p) => p.portalId !== portalId);
    },
  };
}

export const isPortal = (c: SavedConnection | null): c is SavedPortal => c?.kind === 'hubspot' && typeof c.portalId === 'number';

/**
 * What `crm:status` lists: the current portal first, then the kept ones at the address
 * HubSpot is at now (a credential is only ever sent where it was checked).
 */
export function listPortals(current: SavedConnection | null, kept: SavedPortal[], baseUrl: string): Array<z.output<typeof CrmPortal>> {
  const row = (p: SavedPortal, isCurrent: boolean) => ({ portalId: p.portalId, email: p.user?.email ?? null, auth: p.auth ?? null, current: isCurrent });
  const now = isPortal(current) ? [row(current, true)] : [];
  const others = kept.filter((p) => p.baseUrl === baseUrl && !(isPortal(current) && p.portalId === current.portalId)).map((p) => row(p, false));
  return [...now, ...others];
}
