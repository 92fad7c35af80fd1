import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from 'electron';

/** `--data-dir <dir>` or `--data-dir=<dir>`, resolved against the working directory; null when absent. */
export function dataDirArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--data-dir' ? argv[i + 1] : arg.startsWith('--data-dir=') ? arg.slice('--data-dir='.length) : null;
    if (value === null) continue;
    if (!value || value.startsWith('--')) throw new Error('--data-dir needs a folder: --data-dir <dir>');
    return resolve(value);
  }
  return null;
}

/**
 * Picks the one folder every file of the app lives under, and points Electron at it before
 * it writes anything (profile, caches, logs). Must run before `ready` and before the
 * single-instance lock, which Electron scopes to userData: two data folders are two
 * independent apps, which is what isolated tests and portable installs need.
 */
export function useDataDir(
  app: Pick<App, 'getPath' | 'setPath' | 'setAppLogsPath'>,
  argv: readonly string[],
): string {
  const chosen = dataDirArg(argv);
  if (chosen === null) return app.getPath('userData');
  // setPath throws for a folder that does not exist.
  mkdirSync(chosen, { recursive: true });
  app.setPath('userData', chosen);
  app.setAppLogsPath(join(chosen, 'logs'));
  return chosen;
}
