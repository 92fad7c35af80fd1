import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { expect } from 'vitest';
import {
  createSyncCoordinator,
  syncedPropertiesKey,
  type CoordinatorOptions,
  type CrmPort,
  type KillPoint,
  type SyncCoordinator,
  type SyncedType,
} from '../../../../shared/sync';
import { CsDatabase } from '../../../../src-renderer/db';
import { createDexieStore } from '../../../../src-renderer/db/store-port';
import { gatewayPort, type CountingPort, type TestCrm } from './crm';

let counter = 0;

/** A fresh database name per test; the same name reopens the same (fake) IndexedDB database. */
export function uniqueDbName(prefix = 'sync-test'): string {
  return `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function openDb(name: string): CsDatabase {
  return new CsDatabase(name, { indexedDB, IDBKeyRange });
}

/**
 * Copies every table of `from` into `to`, a fresh database: the synced state `from` holds,
 * without another first sync over HTTP (about 1.5 s of a test's time when a file starts many).
 */
export async function cloneDb(from: CsDatabase, to: CsDatabase): Promise<void> {
  // Read first: awaiting another database inside a Dexie transaction would end it.
  const rows = await Promise.all(from.tables.map((t) => t.toArray()));
  await to.transaction('rw', to.tables, async () => {
    await Promise.all(from.tables.map((t, i) => to.table(t.name).bulkPut(rows[i]!)));
  });
}

/** Never fires: tests drive passes with runOnce(), so no timer outlives a test. */
const noTimers = { setTimeout: () => 0, clearTimeout: () => {} };

export class Killed extends Error {
  constructor(readonly point: KillPoint) {
    super(`killed at ${point}`);
  }
}

/** A coordinator over a database and a port; `killAt` throws at the n-th time a point is reached. */
export function engine(db: CsDatabase, crm: CrmPort, opts: Partial<CoordinatorOptions> & { killAt?: { point: KillPoint; nth: number } } = {}): SyncCoordinator {
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

/** A fresh database (its name from `name`) after one sync pass of `types` (default: all) from `crm` through the app's gateway. */
export async function firstSync(crm: TestCrm, opts: { name?: string; types?: SyncedType[] } = {}): Promise<{ db: CsDatabase; port: CountingPort }> {
  const db = openDb(uniqueDbName(opts.name));
  const port = gatewayPort(crm);
  await engine(db, port, opts.types ? { types: opts.types } : {}).runOnce();
  return { db, port };
}

/**
 * The local rows of `ids` hold every property the sync fetched for the type (meta
 * `syncedProperties:<type>`: the workspace's used ones, not the portal's whole catalogue),
 * each equal to the CRM's value read by `batch/read` with the same names.
 */
export async function expectLocalEqualsCrm(
  db: CsDatabase,
  admin: { call<T>(method: string, path: string, body?: unknown): Promise<T> },
  type: string,
  ids: readonly string[],
): Promise<void> {
  const synced = (await db.meta.get(syncedPropertiesKey(type)))?.value as string[] | undefined;
  expect(synced, `${type}: the synced property set is noted`).toBeDefined();
  const names = [...synced!].sort();
  for (let i = 0; i < ids.length; i += 100) {
    const group = ids.slice(i, i + 100);
    const remote = await admin.call<{ results: Array<{ id: string; properties: Record<string, string | null> }> }>(
      'POST',
      `/crm/v3/objects/${type}/batch/read`,
      {
        properties: names,
        inputs: group.map((id) => ({ id })),
      },
    );
    const byId = new Map(remote.results.map((r) => [r.id, r.properties]));
    for (const id of group) {
      const local = (await db.records(type).get(id))?.properties ?? {};
      // Every synced property, equal to the CRM's (rows may keep ones no longer used: unread).
      const held = Object.fromEntries(names.map((n) => [n, local[n]]));
      expect(held, `${type} ${id}`).toEqual(byId.get(id));
    }
  }
}

/** The associations held locally between the pairs' types, in the form of `crmAdmin().associationsBetween`. */
export async function localAssociations(db: CsDatabase, pairs: ReadonlyArray<readonly [string, string]>): Promise<string[]> {
  const rows = await db.associations.toArray();
  return rows
    .filter((a) => pairs.some(([f, t]) => a.fromType === f && a.toType === t))
    .map((a) => `${a.fromType}:${a.fromId}→${a.toType}:${a.toId}`)
    .sort();
}
