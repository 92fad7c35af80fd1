import { defineStore } from 'pinia';
import { computed } from 'vue';
import { getMeta, META, putMeta } from '../db/meta';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/** A call or meeting guide. The demo CRM has none, so they live in this computer's database. */
export interface Playbook {
  id: string;
  title: string;
  steps: string[];
  /** Epoch ms of the last time the user opened it; null = never. */
  lastUsedAt: number | null;
  /** Seeded defaults are identified by key so the screen can show them in the user's language. */
  seedKey?: string;
}

/** Written once, on first use; their text is translated by the screen (seedKey). */
export const DEFAULT_PLAYBOOKS: readonly Playbook[] = [
  { id: 'seed-qbr', title: 'Quarterly business review', steps: [], lastUsedAt: null, seedKey: 'qbr' },
  { id: 'seed-renewal', title: 'Renewal call', steps: [], lastUsedAt: null, seedKey: 'renewal' },
  { id: 'seed-onboarding', title: 'Onboarding kickoff', steps: [], lastUsedAt: null, seedKey: 'onboarding' },
  { id: 'seed-risk', title: 'At-risk account call', steps: [], lastUsedAt: null, seedKey: 'risk' },
];

/** Recently used first, then never-used ones by title. */
export function orderPlaybooks(list: readonly Playbook[]): Playbook[] {
  return [...list].sort((a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || a.title.localeCompare(b.title));
}

export const usePlaybooksStore = defineStore('playbooks', () => {
  const db = useDb();
  const stored = useLiveQuery<Playbook[] | null>(async () => (await getMeta(db, META.playbooks)) ?? null, null);
  const playbooks = computed(() => orderPlaybooks(stored.value.value ?? DEFAULT_PLAYBOOKS));

  /** Read-modify-write in one transaction so two quick edits cannot lose each other. */
  function update(change: (list: Playbook[]) => Playbook[]): Promise<void> {
    return db.transaction('rw', db.meta, async () => {
      const current = (await getMeta(db, META.playbooks)) ?? [...DEFAULT_PLAYBOOKS];
      await putMeta(db, META.playbooks, change(current.map((p) => ({ ...p }))));
    });
  }

  const markUsed = (id: string) => update((list) => list.map((p) => (p.id === id ? { ...p, lastUsedAt: Date.now() } : p)));

  function create(title: string, steps: string[]): Promise<void> {
    const playbook: Playbook = { id: crypto.randomUUID(), title, steps, lastUsedAt: Date.now() };
    return update((list) => [...list, playbook]);
  }

  const remove = (id: string) => update((list) => list.filter((p) => p.id !== id));

  return { playbooks, loading: stored.loading, error: stored.error, markUsed, create, remove };
});
