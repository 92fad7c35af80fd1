import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createSyncCoordinator, type CoordinatorOptions, type CrmPort, type KillPoint, type SyncCoordinator } from '../../../../shared/sync';
import { CsDatabase } from '../../../../src-renderer/db';
import { createDexieStore } from '../../../../src-renderer/db/store-port';

let counter = 0;

/** A fresh database name per test; the same name reopens the same (fake) IndexedDB database. */
export function uniqueDbName(prefix = 'sync-test'): string {
  return `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function openDb(name: string): CsDatabase {
  return new CsDatabase(name, { indexedDB, IDBKeyRange });
}

/** Never fires: tests drive passes with runOnce(), so no timer outlives a test. */
const noTimers = { setTimeout: () => 0, clearTimeout: () => {} };

export class Killed extends Error {
  constructor(readonly point: KillPoint) {
    super(`killed at ${point}`);
  }
}

/** A coordinator over a database and a port; `killAt` throws at the n-th time a point is reached. */
export function engine(
  db: CsDatabase,
  crm: CrmPort,
  opts: Partial<CoordinatorOptions> & { killAt?: { point: KillPoint; nth: number } } = {},
): SyncCoordinator {
  const hits = new Map<KillPoint, number>();
  const { killAt, ...rest } = opts;
  return createSyncCoordinator({
    crm,
    store: createDexieStore(db),
    timers: noTimers,
    random: () => 0.5,
    checkpoint: (point) => {
      const n = (hits.get(point) ?? 0) + 1;
      hits.set(point, n);
      if (killAt && killAt.point === point && killAt.nth === n) throw new Killed(point);
    },
    ...rest,
  });
}
