import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The Electron end-to-end suite (tests/electron, Playwright's `_electron`): the desktop app
 * itself, tray, reminders and deep links included. Not part of `npm test`, whose Playwright
 * run (playwright.config.ts) covers tests/e2e against the web host only. Needs the Electron
 * binary and a build: `npm run test:electron` (scripts/test-electron.mjs) checks the first and
 * runs the second. Retries and the reporter are the web suite's; one app at a time, since each
 * is a whole desktop app with its tray, notifications and a single-instance lock.
 */
export default defineConfig({
  ...base,
  testDir: 'tests/electron',
  workers: 1,
  // A reminder is waited for in real time (about two minutes).
  timeout: 240_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
  projects: [{ name: 'electron' }],
});
