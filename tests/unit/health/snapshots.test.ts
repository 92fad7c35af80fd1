import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CsDatabase } from '../../../src-renderer/db';
import { getMetaFamily, META } from '../../../src-renderer/db/meta';
import { SNAPSHOT_KEEP_DAYS, writeHealthSnapshot } from '../../../src-renderer/db/repositories/health-snapshots';

/** Daily health snapshots (one `meta` row each, every account) are kept a bounded number of days. */
describe('health snapshots', () => {
  it('keeps the snapshots of the last SNAPSHOT_KEEP_DAYS days and deletes older ones', async () => {
    const db = new CsDatabase(`snapshots-${Math.random().toString(36).slice(2)}`);
    await db.meta.put({ key: 'health:draft:u1', value: { id: 'kept' } });
    const start = Date.parse('2026-01-01T00:00:00Z');
    const days = Array.from({ length: 60 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    for (const day of days) await writeHealthSnapshot(db, day, { c1: [50, 'neutral', 's1'] });
    const kept = (await getMetaFamily(db, META.healthSnapshot)).map((r) => r.key.slice(META.healthSnapshot.prefix.length));
    expect(SNAPSHOT_KEEP_DAYS).toBe(35);
    expect(kept).toEqual(days.slice(-SNAPSHOT_KEEP_DAYS));
    // Other health keys are untouched.
    expect(await db.meta.get('health:draft:u1')).toBeDefined();
    db.close();
  });

  it('rewrites the same day in place', async () => {
    const db = new CsDatabase(`snapshots-${Math.random().toString(36).slice(2)}`);
    await writeHealthSnapshot(db, '2026-03-01', { c1: [10, 'atRisk', 's1'] });
    await writeHealthSnapshot(db, '2026-03-01', { c1: [90, 'healthy', 's1'] });
    expect(await getMetaFamily(db, META.healthSnapshot)).toEqual([{ key: 'health:snapshots:2026-03-01', value: { c1: [90, 'healthy', 's1'] } }]);
    db.close();
  });
});
