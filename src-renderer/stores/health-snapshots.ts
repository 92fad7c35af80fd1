import { defineStore } from 'pinia';
import { shallowRef, watch } from 'vue';
import type { HealthSummary } from '../../shared/health';
import { createZone } from '../../shared/views';
import type { CsDatabase } from '../db';
import { readSnapshots, snapshotDay } from '../db/queries/health';
import { useDb } from '../lib/db-key';
import { useHealthStore } from './health';
import { useWorkspaceStore } from './workspace';

/**
 * Health over time, read side: an account's trend and the accounts that dropped to At risk, from
 * the daily snapshots the health engine writes (src-renderer/health/engine.ts; the day's latest
 * scores, kept `SNAPSHOT_KEEP_DAYS` days), and what the last sync moved.
 */
export const useHealthSnapshotsStore = defineStore('health-snapshots', () => {
  const db: CsDatabase = useDb();
  const workspace = useWorkspaceStore();
  const health = useHealthStore();

  const todayNumber = () => createZone(workspace.timeZone).dayOf(Date.now());

  /** An account's score on each of the last `days` days that have a snapshot, oldest first. */
  async function trend(accountId: string, days = 30): Promise<Array<{ day: string; score: number; status: string }>> {
    const end = todayNumber();
    const list = Array.from({ length: days }, (_, i) => snapshotDay(end - days + 1 + i));
    const snaps = await readSnapshots(db, list);
    return snaps.flatMap(({ day, snapshot }) => {
      const s = snapshot[accountId];
      return s ? [{ day, score: s[0], status: s[1] }] : [];
    });
  }

  /**
   * Accounts At risk now that were not in the latest snapshot of an earlier day (looking back
   * a week), for Summary's "dropped to At risk".
   */
  async function droppedToAtRisk(): Promise<Array<{ id: string; name: string }>> {
    const end = todayNumber();
    const days = Array.from({ length: 7 }, (_, i) => snapshotDay(end - 7 + i));
    const previous = (await readSnapshots(db, days)).at(-1)?.snapshot;
    if (!previous || !health.ready) return [];
    const out: Array<{ id: string; name: string }> = [];
    for (const [id, r] of health.results) {
      const before = previous[id];
      if (r?.status === 'atRisk' && before && before[1] !== 'atRisk') out.push({ id, name: health.nameOf(id) });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---- what changed since the last sync -----------------------------------------------
  // Results are immutable maps replaced on every publish, so keeping the one in place when a
  // sync started costs nothing: comparing with it says what that sync (and any edit since) moved.
  let atSyncStart: ReadonlyMap<string, HealthSummary | null> | null = null;
  const beforeLastSync = shallowRef<ReadonlyMap<string, HealthSummary | null> | null>(null);
  let followingSync = false;
  /**
   * Follows the sync status (`() => useSyncStore().running`, passed by the screens so this
   * store stays free of the sync worker and testable in Node); idempotent.
   */
  function followSync(running: () => boolean): void {
    if (followingSync) return;
    followingSync = true;
    watch(running, (now) => {
      if (now) atSyncStart = health.ready ? health.results : null;
      else if (atSyncStart) beforeLastSync.value = atSyncStart;
    });
  }
  /** An account's score before the last sync and now; null when there is no earlier result to compare with. */
  function sinceLastSync(accountId: string): { before: HealthSummary | null; now: HealthSummary | null } | null {
    const before = beforeLastSync.value;
    if (!before) return null;
    return { before: before.get(accountId) ?? null, now: health.resultFor(accountId) };
  }

  return { trend, droppedToAtRisk, followSync, sinceLastSync };
});
