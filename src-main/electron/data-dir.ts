import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from 'electron';
import { argvOption } from '../argv';

/** `--data-dir <dir>` or `--data-dir=<dir>`, resolved against the working directory; null when absent. */
export function dataDirArg(argv: readonly string[]): string | null {
  const value = argvOption(argv, 'data-dir', '--data-dir needs a folder: --data-dir <dir>');
  return value === null ? null : resolve(value);
}

/**
 * Picks the one folder every file of the app lives under, and points Electron at it before
 * it writes anything (profile, caches, logs). Must run before `ready` and before the
 * single-instance lock, which Electron scopes to userData: two data folders are two
 * independent apps, which is what isolated tests and portable installs need.
 */
export function useDataDir(app: Pick<App, 'getPath' | 'setPath' | 'setAppLogsPath'>, argv: readonly string[]): string {
  const chosen = dataDirArg(argv);
  if (chosen === null) return app.getPath('userData');
  // setPath throws for a folder that does not exist.
  mkdirSync(chosen, { recursive: true });
  app.setPath('userData', chosen);
  app.setAppLogsPath(join(chosen, 'logs'));
  return chosen;
}
