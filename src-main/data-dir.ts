import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'CS Workspace';

/**
 * The one folder every file of the app lives under (settings, the demo CRM's data, logs):
 * `--data-dir <dir>` when given, else the OS's per-user application folder — the same place
 * Electron's `app.getPath('userData')` points to, so both hosts share it.
 */
export function resolveDataDir(
  argDir: string | undefined,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (argDir) return resolve(argDir);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}
