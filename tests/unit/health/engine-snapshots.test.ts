import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsDatabase, setProperties } from '../../../src-renderer/db';
import { getMetaFamily, META, putMeta } from '../../../src-renderer/db/meta';
import { createHealthEngine, type EngineEvent, type HealthEngine } from '../../../src-renderer/health/engine';
import { companyRow, oneGroup, ZONE } from './fixtures';

/**
 * The health engine (what the health worker runs) keeps the daily snapshots itself: today's is
 * written after each full computation, whether or not a screen reads health, and rewritten once
 * incremental results settle; days older than SNAPSHOT_KEEP_DAYS go.
 */
const engines: HealthEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.stop();
});

const row = companyRow;
const score = oneGroup([
  { id: 'good', kind: 'property', objectType: 'companies', filter: { property: 'csm_sentiment', operator: 'is_any_of', values: ['Good'] }, points: 100 },
]);
const snapshotDays = async (db: CsDatabase) => (await getMetaFamily(db, META.healthSnapshot)).map((r) => r.key.slice(META.healthSnapshot.prefix.length));

describe('health engine snapshots', () => {
  it("writes today's snapshot after a full computation, follows an edit, and prunes old days", async () => {
    const db = new CsDatabase(`engine-snapshots-${Math.random().toString(36).slice(2)}`);
    await db.properties.bulkPut([
      { objectType: 'companies', name: 'name', type: 'string' },
      { objectType: 'companies', name: 'csm_sentiment', type: 'enumeration' },
    ]);
    await db.records('companies').bulkPut([row('c1', { name: 'Acme', csm_sentiment: 'Good' }), row('c2', { name: 'Beta', csm_sentiment: 'Bad' })]);
    await putMeta(db, META.healthSnapshot('2025-01-01'), { c1: [1, 'atRisk', 's'] });
    const events: EngineEvent[] = [];
    const engine = createHealthEngine(db, (e) => events.push(e));
    engines.push(engine);
    // 23:30Z on 2026-03-01 is already 2 March in Warsaw: the day is the page's zone's.
    engine.setInput({ scores: [score], views: [], accountObject: 'companies', timeZone: ZONE, ownerId: null, now: Date.parse('2026-03-01T23:30:00Z') });

    await vi.waitFor(async () => expect(await snapshotDays(db)).toEqual(['2026-03-02']), { timeout: 10_000 });
    expect(events.some((e) => e.type === 'results' && e.full)).toBe(true);
    expect((await db.meta.get('health:snapshots:2026-03-02'))?.value).toEqual({ c1: [100, 'healthy', 's'], c2: [0, 'atRisk', 's'] });

    await setProperties(db, 'companies', 'c2', { csm_sentiment: 'Good' });
    await vi.waitFor(async () => expect((await db.meta.get('health:snapshots:2026-03-02'))?.value).toMatchObject({ c2: [100, 'healthy', 's'] }), {
      timeout: 10_000,
    });
    db.close();
  });
});
