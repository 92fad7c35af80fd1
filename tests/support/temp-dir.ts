import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** This test's own folder (a fresh one per test, removed after it): set by `useTempDir`. */
export let tmp: string;

/** Gives each test of the calling file a fresh `tmp`. */
export function useTempDir(prefix = 'cs-test-'): void {
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), prefix));
  });
  // A shell under test may still be writing (its log, the window state) while the folder goes:
  // ENOTEMPTY is retried rather than failing a test that passed. Asynchronously, so that the
  // writer's next step runs between the tries: a synchronous rmSync held the event loop through
  // all of them (up to 2.75 s), and under Playwright beside Vitest on two cores it failed.
  afterEach(() => rm(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
}
