import { join } from 'node:path';
import { vi } from 'vitest';
import { startShell, type StartDemoCrm } from '../../../src-main/electron/lifecycle';
import { createFakeElectron } from '../../support/fake-electron';
import { tmp } from '../../support/temp-dir';

/** The Electron shell started on the typed fake, with a demo CRM that only counts its starts. */
export const baseDir = '/opt/cs-workspace/out/main';
export const APP_PAGE = 'app://cs-workspace/index.html';

export function fakeDemoCrm() {
  const close = vi.fn(async () => {});
  const start = vi.fn<StartDemoCrm>(async () => ({ url: 'http://127.0.0.1:41234', token: 'demo-token', close }));
  return { start, close };
}

export async function boot(
  opts: { lock?: boolean; argv?: string[]; startDemoCrm?: StartDemoCrm; packaged?: boolean; devServerUrl?: string; platform?: NodeJS.Platform } = {},
) {
  const electron = createFakeElectron({ lock: opts.lock, packaged: opts.packaged, userData: join(tmp, 'default-user-data') });
  const crm = fakeDemoCrm();
  const logs: string[] = [];
  const shell = await startShell(electron, {
    argv: opts.argv ?? ['/usr/bin/cs-workspace'],
    devServerUrl: opts.devServerUrl,
    baseDir,
    startDemoCrm: opts.startDemoCrm ?? crm.start,
    log: (line) => logs.push(line),
    platform: opts.platform ?? 'linux',
  });
  return { electron, shell, crm, logs };
}
