import { defineStore } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import * as rules from '../../shared/domain/permissions';
import { hubspot } from '../../shared/hubspot';
import type { Action, CrmUser } from '../../shared/domain/permissions';
import { userById } from '../db/queries/catalog';
import { useDb } from '../lib/db-key';
import { hubspotVia, useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { useWorkspaceStore } from './workspace';

/**
 * What the signed-in user may do, from their CRM user record (seats, super admin, the
 * "manage customer success settings" permission). The record comes from the local store
 * (synced from /settings/v3/users), so the rules hold offline; before the first sync it
 * is read once from the CRM. Stores that carry out an action call `assert` first, so a
 * rule holds even where a button was not hidden.
 */
export const usePermissionsStore = defineStore('permissions', () => {
  const db = useDb();
  const crm = hubspotVia(useHost());
  const workspace = useWorkspaceStore();
  if (!workspace.loaded) void workspace.load();

  const userId = computed(() => workspace.identity?.userId ?? null);
  const synced = useLiveQuery(() => (userId.value ? userById(db, userId.value) : undefined), undefined, userId);
  const fetched = shallowRef<CrmUser | null>(null);

  watch(
    [userId, synced.value, synced.loading],
    async ([id, row, loading]) => {
      if (!id || row || loading || fetched.value?.id === id) return;
      const sent = await crm(hubspot.users.get(id));
      if (sent.ok) fetched.value = sent.value;
    },
    { immediate: true },
  );

  const user = computed<CrmUser | null>(() => rules.toCrmUser(synced.value.value) ?? (fetched.value?.id === userId.value ? fetched.value : null));
  /** False until we know who the user is; screens show progress rather than locks meanwhile. */
  const known = computed(() => user.value !== null);

  const decide = (action: Action) => rules.decide(user.value, action);
  const can = (action: Action) => rules.can(user.value, action);
  const assert = (action: Action) => rules.assertCan(user.value, action);
  const lockedTabs = computed(() => (known.value ? rules.lockedTabs(user.value) : []));

  return { user, known, decide, can, assert, lockedTabs };
});
