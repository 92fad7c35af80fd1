import type { CallOutput, HostApi } from '../../shared/contract';
import { DEFAULT_DB_NAME, localStoreName, readDefaultStoreSource } from '../db';
import type { CrmSource } from '../db/repositories/crm-source';

/** The local store the last start opened, for a start the host cannot answer (an offline web page). Not a secret. */
export const LAST_STORE_KEY = 'cs-workspace.localStore';

/** The CRM a host status describes, as the local store records it; null when not connected. */
export const sourceOfStatus = (s: CallOutput<'crm:status'> | null): CrmSource | null =>
  s?.connected && s.kind ? { kind: s.kind, baseUrl: s.baseUrl, ...(s.portalId ? { portalId: s.portalId } : {}) } : null;

/** The database name for a host status (`db/local-store-name.ts` says the rule). */
export async function storeNameFor(status: CallOutput<'crm:status'> | null): Promise<string> {
  return localStoreName(sourceOfStatus(status), await readDefaultStoreSource());
}

/**
 * Before the page opens its local store: asks the host which CRM (and HubSpot portal) it is
 * connected to and picks that one's database. While a saved connection is still being
 * restored the host says connected without an address; it is asked again for a few seconds.
 * A host that cannot answer leaves the store of the last start.
 */
export async function chooseLocalStore(
  host: HostApi,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  wait = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<string> {
  let status: CallOutput<'crm:status'> | null = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await host['crm:status']({}).catch(() => null);
    if (!res?.ok) return storage.getItem(LAST_STORE_KEY) ?? DEFAULT_DB_NAME;
    status = res.data;
    if (!(status.connected && status.baseUrl === null)) break;
    await wait(250);
  }
  const name = await storeNameFor(status);
  // Only a portal's name is worth remembering; with no CRM (after Disconnect) nothing is left behind.
  if (name === DEFAULT_DB_NAME) storage.removeItem(LAST_STORE_KEY);
  else storage.setItem(LAST_STORE_KEY, name);
  return name;
}
