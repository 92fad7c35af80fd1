import { defineStore } from 'pinia';
import { computed } from 'vue';
import { ownerDisplayName } from '../../shared/domain/owners';
import { allOwners } from '../db/queries/catalog';
import type { OwnerRow } from '../db/rows';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/** The CRM's owners, one live list for every tab: their names (`ownerDisplayName`) and picker options. */
export const useOwnersStore = defineStore('owners', () => {
  const db = useDb();
  const rows = useLiveQuery(() => allOwners(db), [] as OwnerRow[]);
  const owners = computed(() => rows.value.value);
  /** Owner id → display name. */
  const ownerNames = computed(() => new Map(owners.value.map((o) => [o.id, ownerDisplayName(o)])));
  /** Every owner as a picker option, by name. */
  const ownerOptions = computed(() =>
    [...ownerNames.value.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
  );
  return { owners, ownerNames, ownerOptions };
});

/** The shared owners list (a composable name for the tabs). */
export const useOwners = useOwnersStore;
