import { liveQuery } from 'dexie';
import { createSyncCoordinator, INITIAL_STATUS, type Activity, type SyncCoordinator, type SyncedType } from '../../shared/sync';
import { CsDatabase } from '../db/database';
import { readCrmSource } from '../db/repositories/crm-source';
import { createDexieStore } from '../db/store-port';
import type { Endpoint, FromWorker, SyncClientStatus, ToWorker } from './protocol';
import { createChannelCrmPort } from './worker-crm-port';

export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
}

export interface RuntimeDeps {
  openDb?: (name?: string) => CsDatabase;
  /**
   * `navigator.locks` where available: only the window holding `cs-sync` runs the loop
   * (docs/sync-guarantees.md G15).
   */
  locks?: LockManagerLike;
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
  intervalMs?: number;
  /** The synced types; all by default. */
  types?: readonly SyncedType[];
}

export const SYNC_LOCK = 'cs-sync';

/**
 * What the worker does, apart from being a worker (so a Node test can drive it through a
 * fake endpoint): wait for the sync lock, then own the database and the coordinator, and
 * report status. Until it holds the lock it stays a follower and runs nothing.
 */
export function startWorkerRuntime(endpoint: Endpoint<ToWorker, FromWorker>, deps: RuntimeDeps = {}): void {
  let crm: ReturnType<typeof createChannelCrmPort> | null = null;
  let coordinator: SyncCoordinator | null = null;
  let online = true;
  /** The page's last word on activity; until then the coordinator's default (every type each minute). */
  let activity: Activity | undefined;
  let release: (() => void) | null = null;
  const publish = (status: SyncClientStatus) => endpoint.post({ type: 'status', status });

  async function lead(dbName: string | undefined, port: NonNullable<typeof crm>) {
    const db = (deps.openDb ?? ((n?: string) => new CsDatabase(n)))(dbName);
    // Every request names this store's HubSpot portal: if the host is switched to another
    // portal before this page reloads, the host refuses it and the outbox waits here.
    const portalId = (await readCrmSource(db).catch(() => null))?.portalId ?? null;
    coordinator = createSyncCoordinator({
      crm: portalId === null ? port : { request: (req) => port.request({ ...req, portalId }) },
      store: createDexieStore(db),
      timers: deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      ...(deps.intervalMs !== undefined ? { intervalMs: deps.intervalMs } : {}),
      ...(deps.types ? { types: deps.types } : {}),
      ...(activity ? { activity } : {}),
      onStatus: (s) => publish({ ...s, leader: true }),
    });
    coordinator.setOnline(online);
    coordinator.start();
    // Edits are written by the UI thread; Dexie tells us (across threads) when the entries
    // waiting to be sent grow, so a new edit, or one the user fixed and retried (it goes from
    // "needs attention" back to pending, the outbox no larger), is pushed soon. (The counts the
    // status bar shows it reads itself.)
    let lastPending = -1;
    const c = coordinator;
    const watch = liveQuery(() => db.outbox.where('status').equals('pending').count()).subscribe({
      next: (count) => {
        if (lastPending >= 0 && count > lastPending) c.trigger('edit');
        lastPending = count;
      },
      error: () => {},
    });
    // Hold the lock until stopped; closing the window releases it and another takes over.
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    watch.unsubscribe();
    coordinator.stop();
    coordinator = null;
    db.close();
  }

  endpoint.onMessage((msg) => {
    switch (msg.type) {
      case 'start': {
        online = msg.online;
        publish({ ...INITIAL_STATUS, online, leader: false });
        const port = createChannelCrmPort(msg.crm);
        crm = port;
        const run = () => lead(msg.dbName, port);
        const done = deps.locks ? deps.locks.request(SYNC_LOCK, run) : run();
        done.catch((err: unknown) =>
          publish({ ...INITIAL_STATUS, online, leader: false, lastError: `Sync stopped: ${err instanceof Error ? err.message : String(err)}` }),
        );
        break;
      }
      case 'trigger':
        coordinator?.trigger(msg.reason);
        break;
      case 'online':
        online = msg.online;
        coordinator?.setOnline(msg.online);
        break;
      case 'activity':
        activity = msg.activity;
        coordinator?.setActivity(msg.activity);
        break;
      case 'stop':
        crm?.close('Sync stopped.');
        release?.();
        break;
    }
  });
}
