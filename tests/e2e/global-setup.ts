import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One folder for the whole run, named to the workers through the environment: a worker that
 * needs the prepared, synced state makes it there for its slot, and the worker Playwright
 * starts again in that slot after a failed test copies it instead of making it again
 * (tests/e2e/prepared-run.ts). Made lazily, so a run of first-run tests only never pays for it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'csw-e2e-run-'));
  process.env['CSW_E2E_RUN_DIR'] = dir;
  return () => rm(dir, { recursive: true, force: true, maxRetries: 5 });
}
