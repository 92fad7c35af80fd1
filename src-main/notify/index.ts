import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createNotifyRunner, englishFormatter, type AnnouncedRecord, type NoticeFormatter, type NotifyRunner } from '../../shared/notify';
import type { Notifier } from '../host/services';

/**
 * The same pure scheduler, run in the main process on the tasks the page pushes
 * (`reminders:set`); reminders.ts drives it in the Electron host, so reminders fire while
 * the page reloads or crashed. It takes Electron's Notification as the `Notifier` interface
 * (src-main/host/services.ts), so it never imports `electron` and Node tests drive it.
 */
export interface MainNotifyDeps {
  notifier: Notifier;
  /** Where the announced record is kept (a JSON file in the data folder). */
  recordPath: string;
  timeZone: string;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  format?: NoticeFormatter;
}

/** Reads the record, or nothing when the file is missing or unreadable (the scheduler then starts afresh). */
async function loadRecord(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Write-then-rename, so a crash mid-write leaves the previous record, never half of one. */
async function saveRecord(path: string, record: AnnouncedRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  await writeFile(tmp, JSON.stringify(record), 'utf8');
  await rename(tmp, path);
}

export function createMainNotifications(deps: MainNotifyDeps): NotifyRunner {
  return createNotifyRunner({
    now: deps.now ?? (() => Date.now()),
    setTimer: deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
    clearTimer: deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    load: () => loadRecord(deps.recordPath),
    save: (r) => saveRecord(deps.recordPath, r),
    // Main shows it itself; a notification the OS refused is not retried.
    deliver: async (payload) => {
      await deps.notifier.show(payload);
      return 'done';
    },
    format: deps.format ?? englishFormatter(deps.timeZone),
  });
}
