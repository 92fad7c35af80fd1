import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useConnectionStore } from './connection';
import { useHost } from './host-key';

/**
 * "Sign in again": HubSpot refused the sign-in's refresh token (it expired, or an admin revoked
 * it). The host keeps the connection and the sync keeps the queue (a 401 pauses it); this asks
 * the host whether that happened and signs the same person in again (`again`: the host refuses
 * anyone else, since the waiting edits are theirs).
 */
export const useSignInAgainStore = defineStore('signInAgain', () => {
  const host = useHost();
  const connection = useConnectionStore();
  const signedOut = computed(() => connection.status?.signedOut === true);
  const email = computed(() => connection.identity?.email ?? null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Reads the host's status again; only a sign-in can be signed out, so only then. */
  async function refresh(): Promise<void> {
    if (connection.status?.auth !== 'oauth') return;
    const res = await host['crm:status']({});
    if (res.ok && res.data.connected) connection.followStatus(res.data);
  }

  /** True once signed in again as the same person. */
  async function signIn(): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      const res = await host['crm:connect']({ kind: 'hubspot-oauth', again: true });
      if (!res.ok) {
        error.value = res.error.message;
        return false;
      }
      connection.followStatus(res.data);
      return true;
    } finally {
      busy.value = false;
    }
  }

  return { signedOut, email, busy, error, refresh, signIn };
});
