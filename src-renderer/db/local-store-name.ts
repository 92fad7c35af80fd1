import Dexie from 'dexie';
import { CsDatabase, DEFAULT_DB_NAME } from './database';
import { readCrmSource, type CrmSource } from './repositories/crm-source';

/**
 * Which local database holds the data of the CRM the host is connected to. One rule:
 * a HubSpot portal's data is in `cs-workspace-hubspot-<portalId>`; the demo CRM, a HubSpot
 * connection whose portal is not known, and no connection use `cs-workspace`. The one
 * exception keeps an older user's data where it is: a `cs-workspace` store that holds HubSpot
 * data at the same address for this portal, or for no recorded portal (written before the
 * portal was recorded), is this portal's and is used under its old name — adopted, not copied
 * (docs/oauth.md, "One local database per portal").
 */
export const portalStoreName = (portalId: number): string => `${DEFAULT_DB_NAME}-hubspot-${portalId}`;

export function localStoreName(now: CrmSource | null, defaultHolds: CrmSource | null): string {
  if (!now || now.kind !== 'hubspot' || now.portalId == null) return DEFAULT_DB_NAME;
  const adopted =
    defaultHolds?.kind === 'hubspot' && defaultHolds.baseUrl === now.baseUrl && (defaultHolds.portalId == null || defaultHolds.portalId === now.portalId);
  return adopted ? DEFAULT_DB_NAME : portalStoreName(now.portalId);
}

/**
 * Whether `cs-workspace` holds the data of another CRM than `now` (another kind, or HubSpot at
 * another address) while `now`'s data is in a database of its own: the Connect screen then
 * asks before it is deleted, as when both would share one store. A HubSpot store at the same
 * address with another portal is that portal's own, and is left alone.
 */
export function otherCrmInDefault(now: CrmSource, defaultHolds: CrmSource | null): boolean {
  if (!defaultHolds) return false;
  return defaultHolds.kind !== now.kind || (now.kind === 'hubspot' && defaultHolds.baseUrl !== now.baseUrl);
}

/** What the `cs-workspace` store holds, read without creating it; null when absent, empty or unreadable. */
export async function readDefaultStoreSource(): Promise<CrmSource | null> {
  if (!(await Dexie.exists(DEFAULT_DB_NAME).catch(() => false))) return null;
  const db = new CsDatabase(DEFAULT_DB_NAME);
  try {
    await db.open();
    return await readCrmSource(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}
