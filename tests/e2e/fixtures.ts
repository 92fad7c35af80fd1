import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoCrmOptions } from '../../src-main/demo-crm';
import { startWebHostApp, type WebHostApp, type WebHostAppOptions } from '../../src-main/web-host/app';
import { advancingClock } from '../support/demo-crm';

/** The fixed "now" of every end-to-end test: Friday 27 Nov 2026, 09:00 in Warsaw. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
export const TIME_ZONE = 'Europe/Warsaw';

export interface Workspace {
  url: string;
  dataDir: string;
  app: WebHostApp;
  /** Links the page asked the host to open (tel:, mailto:, meetings), in order; no OS program is started. */
  openedLinks: string[];
}

/**
 * How a spec's web host starts, beyond the defaults (connected to the demo CRM). Only the
 * connect spec changes it: `startConnected: false` opens on the first-run Connect screen.
 */
export type WorkspaceOptions = Partial<Pick<WebHostAppOptions, 'startConnected' | 'hubspotBaseUrl'>> & {
  /** The demo CRM's search index lag (default 1–10 s, as on HubSpot); `false` = off. Give the reason where it is set. */
  searchLag?: DemoCrmOptions['searchLag'];
  /**
   * The demo CRM's dataset without the portal's full property catalogue and the accounts with
   * over 1,000 engagements (default true here). The app syncs only the properties it uses, so the
   * catalogue changes little of what these tests see, but generating it and syncing the heavy
   * accounts would cost every test's first sync; the sync integration tests and the benchmarks
   * run the realistic portal, and a spec that needs the catalogue sets `false`.
   */
  leanDataset?: boolean;
};

/**
 * Each test gets its own web host, data folder and demo CRM (seeded, on the fixed clock),
 * and a fresh browser context (so a fresh IndexedDB). Console errors fail the test.
 */
export const test = base.extend<{ workspace: Workspace; consoleErrors: string[]; workspaceOptions: WorkspaceOptions }>({
  workspaceOptions: [{}, { option: true }],
  timezoneId: TIME_ZONE,
  locale: 'en-US',
  // Depends on the workspace so that it is checked before the web host stops (teardown runs
  // in reverse order). Failed loads while the test has taken the browser offline are expected.
  consoleErrors: [
    async ({ page, workspace }, use) => {
      void workspace;
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED/.test(msg.text())) errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
      await page.goto('about:blank');
    },
    { auto: true },
  ],
  workspace: async ({ workspaceOptions }, use) => {
    const { searchLag, leanDataset = true, ...hostOptions } = workspaceOptions;
    const dataDir = await mkdtemp(join(tmpdir(), 'csw-e2e-'));
    const openedLinks: string[] = [];
    const app = await startWebHostApp({
      // The host's allow-list has run when this is called; tests read what it let through.
      opener: { open: async (url) => void openedLinks.push(url) },
      dataDir,
      // CSW_OUT_DIR lets parallel work build into its own folder.
      rootDir: join(process.env.CSW_OUT_DIR ?? join(process.cwd(), 'out'), 'renderer'),
      version: '0.0.0-test',
      // The CRM's clock starts at FIXED_NOW and runs, so its modification stamps keep moving.
      // Enterprise: the app's setup step can create the shared documents object only there, and
      // shared views, health models and portfolio settings are shared through it.
      demoCrm: { size: 'small', seed: 1, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE, tier: 'enterprise', leanDataset, ...(searchLag !== undefined ? { searchLag } : {}) },
      ...hostOptions,
    });
    await use({ url: app.host.url, dataDir, app, openedLinks });
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
