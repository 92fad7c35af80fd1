import type { HostApi } from '../../shared/contract';
import { createSyncCoordinator, type SyncStatus } from '../../shared/sync';
import { createDexieStore, type CsDatabase } from '../db';

/**
 * The renderer's handle on the sync engine. LEAD'S INTERIM VERSION: it runs the coordinator on
 * the main thread so the tabs have real data while the worker version (issue 4) lands; the
 * worker keeps the same interface.
 */
export interface SyncClient {
  syncNow(): void;
  notifyOnline(online: boolean): void;
  notifyResume(): void;
  onStatus(cb: (s: SyncStatus) => void): () => void;
}

export function startSyncClient(host: HostApi, db: CsDatabase): SyncClient {
  const listeners = new Set<(s: SyncStatus) => void>();
  const coordinator = createSyncCoordinator({
    crm: { request: (req) => host['crm:request'](req) },
    store: createDexieStore(db),
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    onStatus: (s) => {
      for (const l of listeners) l(s);
    },
  });
  coordinator.start();
  return {
    syncNow: () => coordinator.trigger('now'),
    notifyOnline: (online) => coordinator.setOnline(online),
    notifyResume: () => coordinator.trigger('resume'),
    onStatus(cb) {
      listeners.add(cb);
      cb(coordinator.status());
      return () => listeners.delete(cb);
    },
  };
}
