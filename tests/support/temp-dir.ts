import { mkdtempSync, rmSync } from 'node:fs';
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
  // ENOTEMPTY is retried rather than failing a test that passed.
  afterEach(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }));
}
