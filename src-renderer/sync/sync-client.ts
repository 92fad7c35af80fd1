import type { HostApi } from '../../shared/contract';
import type { CsDatabase } from '../db/database';
import { INITIAL_STATUS, type Activity, type CrmResult } from '../../shared/sync';
import type { Endpoint, FromWorker, SyncClientStatus, ToWorker } from './protocol';

export type { SyncClientStatus } from './protocol';

/** What the Pinia sync store uses. */
export interface SyncClient {
  /** "Sync now": runs at once, skipping any backoff wait. */
  syncNow(): void;
  notifyOnline(online: boolean): void;
  notifyResume(): void;
  /** An edit was saved: push soon (debounced in the worker). */
  notifyEdit(): void;
  /** Window in use, battery, types on screen: how often each type is pulled (shared/sync/schedule.ts). */
  notifyActivity(activity: Activity): void;
  onStatus(listener: (status: SyncClientStatus) => void): () => void;
  status(): SyncClientStatus;
  stop(): void;
}

export interface SyncClientOptions {
  /** The worker's endpoint; a real module Worker by default, a fake in tests. */
  endpoint?: Endpoint<FromWorker, ToWorker>;
  dbName?: string;
}

function workerEndpoint(): Endpoint<FromWorker, ToWorker> {
  const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => listener(ev.data)),
  };
}

/**
 * Starts the sync worker and relays its CRM requests to the host bridge (the token stays in
 * the main process) and its status to listeners. The caller feeds online/offline and resume
 * (the Pinia sync store listens to the host for those). Given the app's database, the worker
 * opens the same database by name: IndexedDB connections cannot cross threads.
 */
export function startSyncClient(host: HostApi, dbOrOptions: CsDatabase | SyncClientOptions = {}): SyncClient {
  const opts: SyncClientOptions = 'verno' in dbOrOptions ? { dbName: dbOrOptions.name } : dbOrOptions;
  const endpoint = opts.endpoint ?? workerEndpoint();
  let current: SyncClientStatus = { ...INITIAL_STATUS, leader: false };
  const listeners = new Set<(s: SyncClientStatus) => void>();

  endpoint.onMessage((msg) => {
    if (msg.type === 'status') {
      current = msg.status;
      for (const l of listeners) l(current);
      return;
    }
    host['crm:request'](msg.request)
      .catch((err: unknown): CrmResult => ({ ok: false, error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) } }))
      .then((result) => endpoint.post({ type: 'crm:result', id: msg.id, result: result as CrmResult }))
      .catch(() => {});
  });

  const online = typeof navigator === 'undefined' ? true : navigator.onLine;
  endpoint.post({ type: 'start', online, ...(opts.dbName ? { dbName: opts.dbName } : {}) });

  return {
    syncNow: () => endpoint.post({ type: 'trigger', reason: 'now' }),
    notifyOnline: (o) => endpoint.post({ type: 'online', online: o }),
    notifyResume: () => endpoint.post({ type: 'trigger', reason: 'resume' }),
    notifyEdit: () => endpoint.post({ type: 'trigger', reason: 'edit' }),
    // Plain copies: a reactive proxy cannot be cloned into the worker.
    notifyActivity: (a) => endpoint.post({ type: 'activity', activity: { inUse: a.inUse, onBattery: a.onBattery, onScreen: a.onScreen === 'all' ? 'all' : [...a.onScreen] } }),
    onStatus(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    status: () => current,
    stop: () => endpoint.post({ type: 'stop' }),
  };
}
