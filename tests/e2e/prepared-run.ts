import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Whether the process that wrote the lock is gone (a worker killed mid-preparation). */
async function stale(lock: string): Promise<boolean> {
  const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The prepared state once per run and worker slot rather than once per worker process: a
 * prepared folder fixes the web host's port (the browser's storage belongs to that origin), so
 * two workers running at once each need their own, but the worker Playwright starts again in the
 * same slot (`parallelIndex`) after a failed test reuses its slot's folder instead of running the
 * first sync again. The worker takes a lock (a file created exclusively, holding its pid) and
 * runs `prepare` into `<run>/prepared-<slot>`, then marks it ready. A preparation that fails
 * gives the lock back, and a lock whose worker died is taken over, so the next worker of the
 * slot tries again. Without the run folder (no global setup) each caller prepares its own.
 */
export async function preparedOncePerRun(slot: number, prepare: (dataDir: string) => Promise<void>, ownDir: () => Promise<string>): Promise<string> {
  const run = process.env['CSW_E2E_RUN_DIR'];
  if (!run) {
    const dir = await ownDir();
    await prepare(dir);
    return dir;
  }
  const dataDir = join(run, `prepared-${slot}`);
  const ready = `${dataDir}.ready`;
  const lock = `${dataDir}.lock`;
  for (;;) {
    if (await exists(ready)) return dataDir;
    const mine = await writeFile(lock, String(process.pid), { flag: 'wx' }).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return false;
        throw e;
      },
    );
    if (!mine) {
      if (await stale(lock)) await rm(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
      await mkdir(dataDir);
      await prepare(dataDir);
      await writeFile(ready, '');
      return dataDir;
    } catch (e) {
      await rm(lock, { force: true });
      throw e;
    }
  }
}
