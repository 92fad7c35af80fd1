import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CallOutput, HostError } from '../../shared/contract';
import { useConnectionStore } from './connection';
import { useHost } from './host-key';

export type ConnectedPortal = NonNullable<CallOutput<'crm:status'>['portals']>[number];

/**
 * Settings → CRM connection → HubSpot portals: the portals connected on this computer (each
 * with its credential in the host and its own local database), switching between them, and
 * adding another. The page reloads after a switch or an add, onto the portal's database.
 */
export const usePortalsStore = defineStore('portals', () => {
  const host = useHost();
  const connection = useConnectionStore();
  const busy = ref<number | 'add' | 'sign-in' | null>(null);

  /** The host lists them once there are two; one connected portal is the current one alone. */
  const portals = computed<ConnectedPortal[]>(() => {
    const s = connection.status;
    if (s?.portals) return s.portals;
    if (s?.connected && s.kind === 'hubspot' && s.portalId)
      return [{ portalId: s.portalId, email: connection.identity?.email ?? null, auth: s.auth ?? null, current: true }];
    return [];
  });

  /** The host makes the portal current with its kept credential; the caller reloads the page. */
  async function switchTo(portalId: number): Promise<HostError | null> {
    busy.value = portalId;
    try {
      const res = await host['crm:switchPortal']({ portalId });
      return res.ok ? null : res.error;
    } finally {
      busy.value = null;
    }
  }

  /** Another portal, by key or sign-in: the current one's credential and data stay (the page then reloads onto the new one). */
  async function add(req: { kind: 'hubspot'; token: string } | { kind: 'hubspot-oauth' }): Promise<HostError | null> {
    busy.value = req.kind === 'hubspot' ? 'add' : 'sign-in';
    try {
      return await connection.connect(req);
    } finally {
      busy.value = null;
    }
  }

  return { portals, busy, switchTo, add };
});
