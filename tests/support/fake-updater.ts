import { EventEmitter } from 'node:events';
import type { AppUpdaterLike } from '../../src-main/desktop/updates';

/**
 * electron-updater's `autoUpdater`, faked at the interface the shell takes
 * (src-main/desktop/updates.ts): a test says what a check finds and plays the download.
 */
export function createFakeUpdater() {
  class FakeAppUpdater extends EventEmitter implements AppUpdaterLike {
    autoDownload = false;
    autoInstallOnAppQuit = true;
    checks = 0;
    installs = 0;
    /** What the next check finds: a version to download, nothing new, or a failure. */
    next: { version: string } | 'none' | Error = 'none';
    checkForUpdates(): Promise<unknown> {
      this.checks++;
      this.emit('checking-for-update');
      if (this.next instanceof Error) {
        this.emit('error', this.next);
        return Promise.reject(this.next);
      }
      if (this.next === 'none') this.emit('update-not-available', { version: '0.1.0' });
      else this.emit('update-available', this.next);
      return Promise.resolve(null);
    }
    /** The download moves on; at 100 it is ready. */
    progress(percent: number): void {
      this.emit('download-progress', { percent });
      if (percent >= 100 && this.next !== 'none' && !(this.next instanceof Error)) this.emit('update-downloaded', this.next);
    }
    quitAndInstall(): void {
      this.installs++;
    }
  }
  const updater = new FakeAppUpdater();
  let loads = 0;
  return {
    updater,
    /** How often the shell loaded electron-updater (never in development). */
    loads: () => loads,
    load: async (): Promise<AppUpdaterLike> => {
      loads++;
      return updater;
    },
  };
}
