import type { CsDatabase } from '../database';
import { deleteMetaFamilyBefore, META, putMeta } from '../meta';
import type { HealthSnapshot } from '../queries/health';

/** How many days of snapshots are kept: the preview's 30-day trend and a margin. */
export const SNAPSHOT_KEEP_DAYS = 35;

/** The ISO day `n` days before `day` (both `YYYY-MM-DD`). */
const daysBefore = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the snapshot of `day` (one `meta` row holding every account) and deletes those older
 * than `keepDays` days before it, so the table does not grow by a whole book every day.
 */
export async function writeHealthSnapshot(db: CsDatabase, day: string, snapshot: HealthSnapshot, keepDays = SNAPSHOT_KEEP_DAYS): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await putMeta(db, META.healthSnapshot(day), snapshot);
    await deleteMetaFamilyBefore(db, META.healthSnapshot, daysBefore(day, keepDays - 1));
  });
}
