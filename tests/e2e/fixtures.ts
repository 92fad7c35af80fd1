import { test as base, expect, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoCrmOptions } from '../../src-main/demo-crm';
import { startWebHostApp, type WebHostApp, type WebHostAppOptions } from '../../src-main/web-host/app';
import { advancingClock } from '../support/demo-crm';
import { preparedOncePerRun } from './prepared-run';

/** The fixed "now" of every end-to-end test: Friday 27 Nov 2026, 09:00 in Warsaw. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
export const TIME_ZONE = 'Europe/Warsaw';

/**
 * Where the demo CRM's clock resumes in a test that starts from the prepared, synced state: it
 * stopped there (the preparation's sync must end before it), so every write a test makes is
 * later than what the local store has seen, as on a real portal that kept running.
 */
export const PREPARED_CRM_NOW = FIXED_NOW + 5 * 60_000;

export interface Workspace {
  url: string;
  dataDir: string;
  /** Where this test's demo CRM clock started: FIXED_NOW on a fresh portal, PREPARED_CRM_NOW when prepared. */
  crmStart: number;
  /** True when the test started from the prepared, synced state. */
  prepared: boolean;
  app: WebHostApp;
  /** Links the page asked the host to open (tel:, mailto:, meetings), in order; no OS program is started. */
  openedLinks: string[];
}

/**
 * How a spec's web host starts, beyond the defaults (connected to the demo CRM, from the
 * prepared state). The connect spec sets `startConnected: false` to open on the first-run
 * Connect screen; a few specs change the demo CRM.
 */
export type WorkspaceOptions = Partial<Pick<WebHostAppOptions, 'startConnected' | 'hubspotBaseUrl' | 'oauth'>> & {
  /**
   * The demo CRM's search index lag. Off by default here (it only makes a test wait); a test about
   * it (the app syncs again until it sees a change; another client finds a change only once it is
   * indexed) sets SEARCH_LAG, with the reason where it is set.
   */
  searchLag?: DemoCrmOptions['searchLag'];
  /**
   * HubSpot's rate limits: the demo CRM enforcing its tier's, the gateway pacing itself under
   * its own ceilings (2 searches/s). Off by default: here they only make a test wait (a prepared
   * test's catch-up is ten searches, 2–3 s of pacing); the gateway's and sync's integration
   * tests and sync.spec.ts, which sets them on, are about them. Off, the CRM states no window to pace by.
   */
  rateLimits?: boolean;
  /** The demo CRM's book size (default `small`); `tiny` for a spec whose subject is not the book's size (starts fresh). */
  size?: DemoCrmOptions['size'];
  /**
   * The demo CRM's dataset without the portal's full property catalogue and the accounts with
   * over 1,000 engagements (default true here). The app syncs only the properties it uses, so the
   * catalogue changes little of what these tests see, but generating it and syncing the heavy
   * accounts would cost every test's first sync; the sync integration tests and the benchmarks
   * run the realistic portal, and a spec that needs the catalogue sets `false`.
   */
  leanDataset?: boolean;
  /**
   * The demo CRM's book (default `standard`). `hostile` mixes in values a client must survive
   * (markup, HubSpot-length text, dates that do not parse, removed stages and owners); such a
   * workspace starts fresh and runs its own first sync, since the prepared state is the standard book's.
   */
  dataset?: DemoCrmOptions['dataset'];
  /**
   * Start from the prepared state (default true where the options allow it): the local store
   * and the demo CRM as the first sync left them, made once per run and worker slot. `false` for a test about
   * the first sync or the first run, which must see them happen.
   */
  prepared?: boolean;
};

/**
 * The search index lag of the tests about it: 1–2 s, the low end of HubSpot's 1–10 s (the demo CRM's
 * default, which the sync integration tests run). A sync right after a write still misses the write.
 */
export const SEARCH_LAG: DemoCrmOptions['searchLag'] = { minMs: 1_000, maxMs: 2_000 };

/** The data folder the first sync left (the browser profile inside it), made once per run and worker slot. */
interface PreparedState {
  dataDir: string;
}

/** Inside a prepared data folder: the Chromium profile that holds the page's IndexedDB, localStorage and service worker. */
const PROFILE_DIR = 'chromium-profile';

type Chromium = typeof import('@playwright/test').chromium;

const rootDir = () => join(process.env.CSW_OUT_DIR ?? join(process.cwd(), 'out'), 'renderer');

/** The demo CRM every test runs against (the e2e defaults); `now` and the options a test may change come from the caller. */
function demoCrmOptions(
  now: () => number,
  leanDataset: boolean,
  searchLag: DemoCrmOptions['searchLag'] | undefined,
  dataset: DemoCrmOptions['dataset'] = 'standard',
  rateLimits = false,
  size: DemoCrmOptions['size'] = 'small',
): Omit<DemoCrmOptions, 'dataDir'> {
  // Enterprise: the app's setup step can create the shared documents object only there, and
  // shared views, health models and portfolio settings are shared through it.
  const limits = rateLimits ? {} : { rateLimits: false as const };
  return { size, seed: 1, now, timeZone: TIME_ZONE, tier: 'enterprise', leanDataset, dataset, searchLag: searchLag ?? false, ...limits };
}

/** The gateway's ceilings when a test is not about rate limits: they never hold a request of one test's sync. */
export const UNPACED: WebHostAppOptions['crmLimits'] = {
  standard: { max: 10_000, intervalMs: 10_000 },
  search: { max: 1_000, intervalMs: 1_000 },
  background: { max: 1_000, intervalMs: 1_000 },
};

/**
 * Runs the first sync once in a throwaway Chromium profile, as a test would, and keeps what it
 * left: the web host's data folder (its port, so the page keeps its origin, and the demo CRM's
 * store) with the profile inside it. Copying a closed profile costs a fraction of a second;
 * restoring the same IndexedDB through Playwright's storage state took about 7 s a test.
 */
async function prepareSyncedState(chromium: Chromium, launchOptions: LaunchOptions, dataDir: string): Promise<void> {
  const started = Date.now();
  const app = await startWebHostApp({
    opener: { open: async () => {} },
    dataDir,
    rootDir: rootDir(),
    version: '0.0.0-test',
    demoCrm: demoCrmOptions(advancingClock(FIXED_NOW), true, undefined),
    crmLimits: UNPACED,
  });
  // The options are named: the test that first asks for the state must not lend it its locale.
  const context = await chromium.launchPersistentContext(join(dataDir, PROFILE_DIR), {
    ...launchOptions,
    timezoneId: TIME_ZONE,
    locale: 'en-US',
    viewport: { width: 1280, height: 720 },
  });
  try {
    const page = await context.newPage();
    await page.clock.install({ time: FIXED_NOW });
    await page.goto(`${app.host.url}#/summary`);
    const status = page.getByRole('status', { name: 'Sync status' });
    await expect(status).toContainText('Last synced', { timeout: 180_000 });
    await expect(status).toContainText('No pending edits');
    await waitForOfflineReady(page);
    await page.goto('about:blank');
    if (FIXED_NOW + (Date.now() - started) >= PREPARED_CRM_NOW) throw new Error('the prepared first sync outlasted PREPARED_CRM_NOW; move it later');
  } finally {
    await context.close();
    await app.close();
  }
}

/**
 * Each test gets its own web host, data folder and demo CRM (seeded, on the fixed clock) and
 * its own browser storage: by default a copy of the prepared, synced state (the test's CRM
 * resumes at PREPARED_CRM_NOW), otherwise a fresh one. Console errors fail the test.
 */
export const test = base.extend<
  { workspace: Workspace; consoleErrors: string[]; workspaceOptions: WorkspaceOptions },
  { preparedState: { made: boolean; get(): Promise<PreparedState> } }
>({
  workspaceOptions: [{}, { option: true }],
  // Made on first use, once per run and worker slot (prepared-run.ts): a restarted worker reuses it.
  preparedState: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      let made: Promise<PreparedState> | undefined;
      let own: string | undefined;
      const ownDir = async () => (own = await mkdtemp(join(tmpdir(), 'csw-e2e-prepared-')));
      await use({
        get made() {
          return made !== undefined;
        },
        get: () =>
          (made ??= preparedOncePerRun(workerInfo.parallelIndex, (dir) => prepareSyncedState(playwright.chromium, launchOptions, dir), ownDir).then(
            (dataDir) => ({ dataDir }),
          )),
      });
      // A preparation still running finishes first; the run's folder goes with the global teardown.
      await made?.catch(() => {});
      if (own) await rm(own, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // A prepared test's browser runs on its copy of the prepared profile (Playwright adds the
  // test's options, such as locale and viewport, and its tracing, as for any context).
  context: async ({ workspace, context, playwright, launchOptions }, use) => {
    if (!workspace.prepared) return use(context);
    const prepared = await playwright.chromium.launchPersistentContext(join(workspace.dataDir, PROFILE_DIR), launchOptions);
    await use(prepared);
    await prepared.close();
  },
  timezoneId: TIME_ZONE,
  locale: 'en-US',
  // Depends on the workspace so that it is checked before the web host stops (teardown runs
  // in reverse order). Failed loads while the test has taken the browser offline are expected.
  consoleErrors: [
    async ({ page, workspace }, use) => {
      void workspace;
      const errors: string[] = [];
      // Each with where it came from, so a failure names the code to look at.
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED/.test(msg.text()))
          errors.push(`${msg.text()} (at ${msg.location().url}:${msg.location().lineNumber + 1})`);
      });
      page.on('pageerror', (err) => errors.push(`${err.message} (uncaught: ${err.stack?.split('\n').slice(1, 4).join(' ← ').trim() ?? 'no stack'})`));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
      await page.goto('about:blank');
    },
    { auto: true },
  ],
  workspace: async ({ workspaceOptions, preparedState }, use, testInfo) => {
    const { searchLag, rateLimits = false, leanDataset = true, dataset = 'standard', size = 'small', prepared: wanted, ...hostOptions } = workspaceOptions;
    const prepared = (wanted ?? true) && leanDataset && dataset === 'standard' && size === 'small' && Object.keys(hostOptions).length === 0;
    if (wanted && !prepared) throw new Error('a prepared workspace runs on the default demo CRM; drop `prepared` or the other options');
    const dataDir = await mkdtemp(join(tmpdir(), 'csw-e2e-'));
    // A copy of the prepared folder keeps its port, so the restored browser storage is this page's.
    if (prepared) {
      // The worker's first prepared test waits for the first sync: that is not its own time.
      if (!preparedState.made) testInfo.setTimeout(testInfo.timeout + 180_000);
      await cp((await preparedState.get()).dataDir, dataDir, { recursive: true });
    }
    const crmStart = prepared ? PREPARED_CRM_NOW : FIXED_NOW;
    const openedLinks: string[] = [];
    const app = await startWebHostApp({
      // The host's allow-list has run when this is called; tests read what it let through.
      opener: { open: async (url) => void openedLinks.push(url) },
      dataDir,
      // CSW_OUT_DIR lets parallel work build into its own folder.
      rootDir: rootDir(),
      version: '0.0.0-test',
      // The CRM's clock starts at crmStart and runs, so its modification stamps keep moving.
      demoCrm: demoCrmOptions(advancingClock(crmStart), leanDataset, searchLag, dataset, rateLimits, size),
      ...(rateLimits ? {} : { crmLimits: UNPACED }),
      ...hostOptions,
    });
    await use({ url: app.host.url, dataDir, app, openedLinks, crmStart, prepared });
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Opens the workspace with the page clock fixed at FIXED_NOW. */
export async function openWorkspace(page: Page, workspace: Workspace, path = '/summary') {
  await page.clock.install({ time: FIXED_NOW });
  await page.goto(`${workspace.url}#${path}`);
}

/** In the browser, offline reloads need the service worker to have cached the app shell. */
export async function waitForOfflineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Authorized fetch against the test's demo CRM, to check what reached it. */
export function crmApi(workspace: Workspace, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const crm = workspace.app.demoCrm;
  if (!crm) throw new Error('this workspace has no embedded demo CRM');
  return fetch(`${crm.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${crm.token}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Meanwhile a colleague (demo user 1000002) changes a record in the CRM. */
export async function colleagueEdits(workspace: Workspace, objectType: string, id: string, properties: Record<string, string>) {
  const res = await crmApi(workspace, `/crm/v3/objects/${objectType}/${id}`, {
    method: 'PATCH',
    body: { properties },
    headers: { 'X-Demo-Act-As': '1000002' },
  });
  expect(res.ok).toBe(true);
}

/**
 * How long a reconnected workspace may take to send its whole queue: the ≤ 2 s reconnect
 * jitter, the push itself and the pull pass after it. One bound for every spec, so no test
 * depends on a backoff's luck (a queue that needs longer is a defect, not a slow test).
 */
export const DRAIN_TIMEOUT_MS = 15_000;

/** The status bar once the outbox has drained (no edit waits for the CRM). */
export async function expectDrained(page: Page) {
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('No pending edits', { timeout: DRAIN_TIMEOUT_MS });
}

/** Back online: the browser reconnects and the queue must reach the CRM within the one bound. */
export async function reconnectAndDrain(page: Page, context: BrowserContext) {
  await context.setOffline(false);
  await expectDrained(page);
}
