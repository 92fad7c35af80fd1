import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostApp } from '../../src-main/web-host/app';
import { advancingClock } from '../support/demo-crm';
import { FIXED_NOW, TIME_ZONE } from '../e2e/fixtures';
import { WORKSPACE_TABS } from '../../shared/domain/permissions';
import { heapAfterGcMb, longestTask, observeLongTasks } from './page-timing';
import { report } from './stats';
import { recordTarget } from './targets';
import { DEFAULT_LIMITS } from '../../src-main/crm/rate-limiter';
import { TIER_LIMITS } from '../../src-main/demo-crm/http/rate-limit';
import { WINDOW_LOW_SHARE } from '../../shared/sync';
import { APPLY_MEASURE } from '../../src-renderer/db/store-port';

/** The demo CRM's default tier (Professional), as a real portal's: its standard calls per 10 s. */
const PORTAL_STANDARD_PER_10S = TIER_LIMITS.professional.standardPer10s;

/**
 * Benchmark, not a test: the initial sync of the MEDIUM demo dataset in Chromium, through the
 * real web host and the demo CRM with its default (Professional) rate limits.
 *
 * - Against the rate limit: the lower bound is the standard-bucket requests the sync made,
 *   sent at the share of the portal's 190 per 10 s the app allows itself, plus its searches at
 *   2 per s (below).
 * - Local apply rate: the records the sync applied over the time its page commits took
 *   (the sync worker's `sync:apply-page` measures), against raw IndexedDB puts of the same
 *   records, in pages of 100, in the same browser.
 * Run: npx electron-vite build --outDir <dir> && CSW_OUT_DIR=<dir> npx playwright test -c playwright.bench.config.ts tests/bench/sync.spec.ts
 */
test.use({ timezoneId: TIME_ZONE });
test.setTimeout(30 * 60_000);

/** The issue asks for medium; BENCH_SYNC_SIZE=small gives a quick run of the same harness. */
const SIZE = (process.env.BENCH_SYNC_SIZE ?? 'medium') as 'small' | 'medium' | 'large';

test(`initial sync of the ${SIZE} dataset`, async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'csw-bench-sync-'));
  const genStart = performance.now();
  const app = await startWebHostApp({
    dataDir,
    rootDir: join(process.env.CSW_OUT_DIR ?? join(process.cwd(), 'out'), 'renderer'),
    version: 'bench',
    demoCrm: { size: SIZE, seed: 1, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE },
  });
  const generateMs = performance.now() - genStart;
  try {
    let standard = 0;
    let search = 0;
    page.on('requestfinished', (req) => {
      if (!req.url().includes('/__host/call/crm:request')) return;
      const body = req.postData() ?? '';
      if (body.includes('/search"')) search += 1;
      else standard += 1;
    });

    await observeLongTasks(page);
    const t0 = performance.now();
    await page.goto(`${app.host.url}#/summary`);
    // Progress over time shows whether the rate holds as the local store fills.
    const status = page.getByRole('status', { name: 'Sync status' });
    const sampler = setInterval(() => {
      void status
        .textContent({ timeout: 1000 })
        .then((text) => console.log(`  ${Math.round((performance.now() - t0) / 1000)} s: ${text?.replace(/\s+/g, ' ').trim()} (${standard + search} requests)`))
        .catch(() => {});
    }, 30_000);
    await expect(status)
      .toContainText('Last synced', { timeout: 25 * 60_000 })
      .finally(() => clearInterval(sampler));
    const syncMs = performance.now() - t0;
    const longest = await longestTask(page);

    const floor = await page.evaluate(async () => {
      // No version for the app's database (Dexie stores version × 10); 1 for the scratch one.
      const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
          req.onupgradeneeded = () => upgrade?.(req.result);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const app = await open('cs-workspace');
      const types = ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'meetings', 'notes', 'calls', 'emails'];
      const rows: unknown[] = [];
      for (const t of types) {
        rows.push(
          ...(await new Promise<unknown[]>((resolve) => {
            const req = app.transaction(t).objectStore(t).getAll();
            req.onsuccess = () => resolve(req.result);
          })),
        );
      }
      const scratch = await open(`bench-floor-${Date.now()}`, (db) => db.createObjectStore('rows', { keyPath: 'id' }));
      const start = performance.now();
      for (let i = 0; i < rows.length; i += 100) {
        await new Promise<void>((resolve, reject) => {
          const tx = scratch.transaction('rows', 'readwrite', { durability: 'strict' });
          for (const r of rows.slice(i, i + 100)) tx.objectStore('rows').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      return { records: rows.length, rawPutMs: performance.now() - start };
    });

    // The bound the issue sets: the requests at the rate the app allows itself. HubSpot gives a
    // Professional portal 190 standard calls per 10 s, but the gateway holds back once less than
    // WINDOW_LOW_SHARE of the window is left (the rest is the team's), so alone it sustains
    // (1 − WINDOW_LOW_SHARE) × 190 a window; searches go at its own 2 per s.
    const standardPer10s = (1 - WINDOW_LOW_SHARE) * PORTAL_STANDARD_PER_10S;
    const lowerBoundMs = (standard / standardPer10s) * 10_000 + (search / DEFAULT_LIMITS.search.max) * DEFAULT_LIMITS.search.intervalMs;
    // The page commits as the sync worker timed them (reads overlap them, so wall time
    // minus waits would not say how fast pages apply).
    const applied = { ms: 0, records: 0 };
    for (const worker of page.workers()) {
      const part = await worker.evaluate((name) => {
        const measures = performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];
        return { ms: measures.reduce((s, m) => s + m.duration, 0), records: measures.reduce((s, m) => s + Number(m.detail), 0) };
      }, APPLY_MEASURE);
      applied.ms += part.ms;
      applied.records += part.records;
    }
    const localMs = Math.max(1, applied.ms);
    report(`sync: initial sync of the ${SIZE} dataset (Chromium, web host, demo CRM at 190/10 s, the app's share ${Math.round(standardPer10s)}/10 s)`, [
      {
        name: 'initial sync wall time vs rate-limit lower bound',
        samplesMs: [syncMs],
        floorMs: lowerBoundMs,
        extra: { records: floor.records, standardRequests: standard, searchRequests: search, datasetGenerationMs: Math.round(generateMs) },
      },
      {
        name: 'applying pulled pages (their commits) vs raw IndexedDB puts',
        samplesMs: [localMs],
        floorMs: floor.rawPutMs,
        extra: {
          recordsApplied: applied.records,
          recordsPerSecondLocal: Math.round(applied.records / (localMs / 1000)),
          recordsPerSecondRaw: Math.round(floor.records / (floor.rawPutMs / 1000)),
        },
      },
    ]);
    const book = `the ${SIZE} dataset, ${floor.records} records`;
    recordTarget({ id: 'P1', what: `first sync of ${book}`, value: syncMs / 1000, unit: 's', floor: lowerBoundMs / 1000, ratioAtMost: 1.15 });
    recordTarget({
      id: 'P2',
      what: `applying pulled pages of ${book}`,
      value: applied.records / (localMs / 1000),
      unit: 'records/s',
      floor: floor.records / (floor.rawPutMs / 1000),
      ratioAtLeast: 0.7,
    });
    recordTarget({ id: 'P5a', what: `longest main-thread task during the first sync of ${book}`, value: longest, unit: 'ms', atMost: 100 });

    // Every tab once, each until its heading shows, then the heap after a full collection.
    for (const tab of WORKSPACE_TABS) {
      await page.goto(`${app.host.url}#/${tab}`);
      await expect(page.locator('main h1').first()).toBeVisible({ timeout: 60_000 });
      await page.waitForTimeout(2_000);
    }
    recordTarget({ id: 'P8c', what: `renderer JS heap with ${book} stored and every tab visited`, value: await heapAfterGcMb(page), unit: 'MB', atMost: 150 });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
