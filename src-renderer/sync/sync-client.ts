import type { HostApi } from '../../shared/contract';
import type { CsDatabase } from '../db/database';
import { INITIAL_STATUS, type Activity } from '../../shared/sync';
import type { Endpoint, FromWorker, SyncClientStatus, ToWorker } from './protocol';

export type { SyncClientStatus } from './protocol';

/** What the Pinia sync store uses. */
export interface SyncClient {
  /** "Sync now": runs at once, skipping any backoff wait. */
  syncNow(): void;
  notifyOnline(online: boolean): void;
  notifyResume(): void;
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
    post: (m, transfer) => worker.postMessage(m, transfer ?? []),
    onMessage: (listener) => worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => listener(ev.data)),
  };
}

/**
 * Starts the sync worker, hands it its own line to the host for CRM requests (the token stays
 * in the main process; the UI thread carries none of them), and relays its status to
 * listeners. The caller feeds online/offline and resume (the Pinia sync store listens to the
 * host for those). Given the app's database, the worker opens the same database by name:
 * IndexedDB connections cannot cross threads.
 */
export function startSyncClient(host: HostApi, dbOrOptions: CsDatabase | SyncClientOptions = {}): SyncClient {
  const opts: SyncClientOptions = 'verno' in dbOrOptions ? { dbName: dbOrOptions.name } : dbOrOptions;
  const endpoint = opts.endpoint ?? workerEndpoint();
  let current: SyncClientStatus = { ...INITIAL_STATUS, leader: false };
  const listeners = new Set<(s: SyncClientStatus) => void>();

  endpoint.onMessage((msg) => {
    current = msg.status;
    for (const l of listeners) l(current);
  });

  // Everything after `start` waits for it, so the worker never sees a trigger before its line.
  const online = typeof navigator === 'undefined' ? true : navigator.onLine;
  const started = host.crmChannel().then((crm) => {
    const transfer = crm.kind === 'message-port' ? [crm.port as unknown as Transferable] : [];
    endpoint.post({ type: 'start', online, crm, ...(opts.dbName ? { dbName: opts.dbName } : {}) }, transfer);
  });
  started.catch((err: unknown) => {
    current = { ...current, lastError: `Sync could not start: ${err instanceof Error ? err.message : String(err)}` };
    for (const l of listeners) l(current);
  });
  const post = (m: ToWorker) =>
    void started.then(
      () => endpoint.post(m),
      () => {},
    );

  return {
    syncNow: () => post({ type: 'trigger', reason: 'now' }),
    notifyOnline: (o) => post({ type: 'online', online: o }),
    notifyResume: () => post({ type: 'trigger', reason: 'resume' }),
    // Plain copies: a reactive proxy cannot be cloned into the worker.
    notifyActivity: (a) =>
      post({ type: 'activity', activity: { inUse: a.inUse, onBattery: a.onBattery, onScreen: a.onScreen === 'all' ? 'all' : [...a.onScreen] } }),
    onStatus(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    status: () => current,
    stop: () => post({ type: 'stop' }),
  };
}
