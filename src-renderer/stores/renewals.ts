import { defineStore } from 'pinia';
import { computed } from 'vue';
import { daysFrom, renewalBucket, type RenewalBucket } from '../../shared/health';
import { createZone } from '../../shared/views';
import type { CsDatabase } from '../db';
import { renewalsBetween } from '../db/queries/health';
import { useDb } from '../lib/db-key';
import { watchTables } from '../db/watch-tables';
import { useWatchedQuery } from '../lib/watched-query';
import { useHealthStore } from './health';
import { useWorkspaceStore } from './workspace';

/** Renewals: accounts by their renewal property (workspace settings), overdue or coming up. */

export interface RenewalRow {
  id: string;
  name: string;
  renewalDate: string;
  /** Whole days from today (negative = overdue). */
  days: number;
  bucket: RenewalBucket;
}
export type RenewalView = 'overdue' | 'next30' | 'next60' | 'next90';

export const useRenewalsStore = defineStore('renewals', () => {
  const db: CsDatabase = useDb();
  const workspace = useWorkspaceStore();
  const health = useHealthStore();
  const accountObject = computed(() => workspace.settings.accountObject);
  const renewalProperty = computed(() => workspace.settings.renewalProperty);

  /** Overdue renewals of the last year and renewals of the next 90 days, soonest first. */
  // Re-run on a write to the accounts or the overlay, not as a Dexie live query: that would
  // record and clone every account renewing within the year (tens of thousands in a big book).
  const renewalRows = useWatchedQuery(
    async (): Promise<RenewalRow[]> => {
      const prop = renewalProperty.value;
      if (!prop) return [];
      const todayDay = createZone(workspace.timeZone).dayOf(Date.now());
      const rows = await renewalsBetween(db, accountObject.value, prop, (todayDay - 365) * 86_400_000, (todayDay + 90) * 86_400_000);
      return rows
        .flatMap((r): RenewalRow[] => {
          const days = daysFrom(todayDay, r.properties[prop]);
          const bucket = renewalBucket(days);
          return bucket && days !== undefined ? [{ id: r.id, name: r.properties.name ?? r.id, renewalDate: r.properties[prop] ?? '', days, bucket }] : [];
        })
        .sort((a, b) => a.days - b.days || a.id.localeCompare(b.id));
    },
    [] as RenewalRow[],
    (onChange) => watchTables(db, () => [accountObject.value, 'overlay'], onChange),
    [renewalProperty, accountObject],
  );
  const renewals = computed(() => renewalRows.value.value);
  /** "Renewals at risk" on Summary: At risk and renewing within 90 days (overdue excluded). */
  const renewalsAtRisk = computed(() => {
    void health.revision;
    return renewals.value.filter((r) => r.bucket !== 'overdue' && health.resultFor(r.id)?.status === 'atRisk');
  });
  /** The accounts of a renewals view: `next30` … `next90` are cumulative ("in the next 60 days" includes the next 30). */
  function renewalsWithin(view: RenewalView): RenewalRow[] {
    if (view === 'overdue') return renewals.value.filter((r) => r.bucket === 'overdue');
    const limit = view === 'next30' ? 30 : view === 'next60' ? 60 : 90;
    return renewals.value.filter((r) => r.days >= 0 && r.days < limit);
  }

  return { renewals, renewalsAtRisk, renewalsWithin };
});
