import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface SyncProgress {
  objectType: string;
  done: number;
  total: number;
}

/** The sync status the frame shows. The sync worker (src-renderer/sync) feeds it. */
export const useSyncStore = defineStore('sync', () => {
  const running = ref(false);
  const progress = ref<SyncProgress | null>(null);
  const lastSyncedAt = ref<number | null>(null);
  const pending = ref(0);
  const errors = ref(0);
  const lastError = ref<string | null>(null);

  function syncNow() {
    // Wired to the sync client by the offline core (issue 4).
  }
  return { running, progress, lastSyncedAt, pending, errors, lastError, syncNow };
});
