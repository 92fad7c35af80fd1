import { defineConfig, type LaunchOptions } from '@playwright/test';
import { DEBIAN_CHROMIUM, findHeadlessShell } from './scripts/chromium.mjs';

/** The full Chromium: CHROMIUM_PATH (`npm test` sets it to the one it found), else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
/** Chromium's headless shell; without one, the full Chromium runs every spec (scripts/chromium.mjs). */
const HEADLESS_SHELL = findHeadlessShell() ?? CHROMIUM;
/** The specs that need the full browser (see `projects`). */
const FULL_BROWSER_SPECS = ['**/screenshots.spec.ts', '**/task-reminders.spec.ts'];

export function launchOptions(executablePath: string): LaunchOptions {
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

/**
 * End-to-end tests run the built renderer in Debian's Chromium against the web host, which
 * each test starts in-process with its own data folder and demo CRM (tests/e2e/fixtures.ts).
 * `npm run build` must have run (npm test does it).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A folder for the run: the prepared, synced state is made there once, for every worker (fixtures.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  // Each test has its own web host, demo CRM and browser profile, so two run at a time. When
  // every test ran its own first sync, two saved little on our 2 cores (81 tests: 20.4 min
  // against 20.8); from the prepared state a test mostly waits (browser start, page load), and
  // two at a time passed all 116 at a load of 15. Three gain nothing: both cores are busy
  // (2026-12-07, 117 tests: 451 s against 455 s). CSW_E2E_WORKERS=1 runs one at a time.
  workers: Number(process.env['CSW_E2E_WORKERS'] ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  // A build in another folder (CSW_OUT_DIR) gets its own results folder: runs side by side never clobber each other.
  // Playwright empties this folder when it starts, so it is a folder of its own: npm test's
  // reports beside it (test-results/reports) outlive the run, and the next `npm run bench` reads them.
  outputDir: process.env.CSW_OUT_DIR ? `${process.env.CSW_OUT_DIR}/test-results/e2e` : 'test-results/e2e',
  use: {
    // A failed test keeps its trace: its actions, console, network and sources. Not the DOM
    // snapshots and screencast a full trace adds to every action of every test, whether it fails
    // or not: they cost a quarter of the suite's CPU (11 pipelines tests in one worker: 61–68
    // CPU-s with them, 45 without; 2026-12-07). `--trace retain-on-failure` on the command line
    // brings them back for a run that needs them.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    // As a user who asked for less motion: software-rendered Chromium (no GPU here) repaints
    // every frame of the spinner and the skeletons' pulse, and the suite is bound by CPU
    // (17 tests in one worker: 151–157 CPU-s, 136 with it). The reduced-motion test sets its own.
    reducedMotion: 'reduce',
  },
  // Most specs run in Chromium's headless shell, the lighter build of the same engine that
  // Playwright itself runs headless tests in: no browser UI, a simpler compositor (23 tests in one
  // worker: 127 s and 87 CPU-s in the full Chromium, 95 s and 58 CPU-s in the shell). The specs
  // that need the full browser run in it: the shell denies notifications, and the screenshots'
  // baselines are the full browser's pixels, as the desktop app (Electron) draws them.
  projects: [
    { name: 'headless-shell', testIgnore: FULL_BROWSER_SPECS, use: { browserName: 'chromium', launchOptions: launchOptions(HEADLESS_SHELL) } },
    { name: 'chromium', testMatch: FULL_BROWSER_SPECS, use: { browserName: 'chromium', launchOptions: launchOptions(CHROMIUM) } },
  ],
});
