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
  // ENOTEMPTY is retried rather than failing a test that passed. Node waits retryDelay × n
  // before the n-th retry: up to 2.75 s in all, which two Vitest workers beside lint on two
  // cores needed (0.3 s did not).
  afterEach(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
}
