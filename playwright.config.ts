import { defineConfig } from '@playwright/test';

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
  // two at a time passed all 116 at a load of 15. CSW_E2E_WORKERS=1 runs one at a time.
  workers: Number(process.env['CSW_E2E_WORKERS'] ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  // A build in another folder (CSW_OUT_DIR) gets its own results folder: runs side by side never clobber each other.
  outputDir: process.env.CSW_OUT_DIR ? `${process.env.CSW_OUT_DIR}/test-results` : 'test-results',
  use: {
    trace: 'retain-on-failure',
    // As a user who asked for less motion: software-rendered Chromium (no GPU here) repaints
    // every frame of the spinner and the skeletons' pulse, and the suite is bound by CPU
    // (17 tests in one worker: 151–157 CPU-s, 136 with it). The reduced-motion test sets its own.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
