import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostApi, Result } from '../../../shared/contract';
import type { CrmPort, CrmRequest } from '../../../shared/sync';
import type { Endpoint, FromWorker, SyncClientStatus, ToWorker } from '../../../src-renderer/sync/protocol';
import { startSyncClient } from '../../../src-renderer/sync';
import { startWorkerRuntime, type LockManagerLike } from '../../../src-renderer/sync/worker-runtime';
import { MessageChannel } from 'node:worker_threads';
import { serveCrmPort } from '../../../src-main/electron/crm-port';
import { FakeMessagePortMain } from '../../support/fake-electron';
import { gatewayPort, startTestCrm, type TestCrm } from './support/crm';
import { openDb, uniqueDbName } from './support/engine';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

/** Two ends of an in-memory channel with asynchronous delivery, like postMessage (transfer included). */
function channel(): { main: Endpoint<FromWorker, ToWorker>; worker: Endpoint<ToWorker, FromWorker> } {
  const toWorker: Array<(m: ToWorker) => void> = [];
  const toMain: Array<(m: FromWorker) => void> = [];
  const clone = <T>(m: T, transfer: Transferable[] = []): T => structuredClone(m, { transfer: transfer as never });
  return {
    main: {
      post: (m, transfer) => {
        const sent = clone(m, transfer);
        queueMicrotask(() => toWorker.forEach((l) => l(sent)));
      },
      onMessage: (l) => void toMain.push(l),
    },
    worker: { post: (m) => queueMicrotask(() => toMain.forEach((l) => l(clone(m)))), onMessage: (l) => void toWorker.push(l) },
  };
}

/** An exclusive lock manager shared by several "windows", like navigator.locks. */
function fakeLocks(): LockManagerLike {
  let tail = Promise.resolve();
  return {
    request(_name, callback) {
      const run = tail.then(callback);
      tail = run.catch(() => {});
      return run;
    },
  };
}

/**
 * The host as the page sees it: `crmChannel()` hands out a real MessagePort whose other end
 * is served by main's own code (src-main/electron/crm-port.ts), as in Electron. No request
 * goes through `crm:request` on the page's side.
 */
function fakeHost(port: CrmPort): HostApi & { pageCalls: number } {
  const host = {
    pageCalls: 0,
    'crm:request': async (req: CrmRequest) => {
      host.pageCalls++;
      return port.request(req);
    },
    'net:status': async () => ({ ok: true, data: { online: true } }),
    on: () => () => {},
    crmChannel: async () => {
      const { port1, port2 } = new MessageChannel();
      serveCrmPort(new FakeMessagePortMain(port2), async (_name, input) => (await port.request(input as CrmRequest)) as Result<unknown>);
      return { kind: 'message-port' as const, port: port1 };
    },
  };
  return host as unknown as HostApi & { pageCalls: number };
}

const until = async (check: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

// Dexie's liveQuery (how the worker notices edits) only runs where Dexie sees a global
// IndexedDB, as in a browser or worker; in Node we point it at the fake one.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

let crm: TestCrm;
beforeAll(async () => {
  crm = await startTestCrm({ seed: 17 });
});
afterAll(async () => crm?.close());

describe('sync client and worker runtime', () => {
  it("runs the coordinator behind the message protocol: CRM calls on the worker's own port to the host, status back", async () => {
    const name = uniqueDbName('worker');
    const { main, worker } = channel();
    startWorkerRuntime(worker, { openDb: () => openDb(name), intervalMs: 3_600_000 });
    const host = fakeHost(gatewayPort(crm));
    const client = startSyncClient(host, { endpoint: main, dbName: name });
    const seen: SyncClientStatus[] = [];
    client.onStatus((s) => seen.push(s));
    await until(() => client.status().lastSyncedAt !== null);
    expect(seen.some((s) => s.running && s.progress?.objectType)).toBe(true);
    expect(client.status()).toMatchObject({ leader: true, running: false });
    const db = openDb(name);
    expect(await db.records('companies').count()).toBeGreaterThan(0);
    // The UI thread carried none of the CRM requests.
    expect(host.pageCalls).toBe(0);
    db.close();
    client.stop();
  });

  it('lets one window run the loop; when it stops, another takes over (G15)', async () => {
    const name = uniqueDbName('worker');
    const locks = fakeLocks();
    const port = gatewayPort(crm);
    const windows = [0, 1].map(() => {
      const { main, worker } = channel();
      startWorkerRuntime(worker, { openDb: () => openDb(name), locks, intervalMs: 3_600_000, types: ['companies', 'deals'] });
      return startSyncClient(fakeHost(port), { endpoint: main, dbName: name });
    });
    await until(() => windows.some((w) => w.status().lastSyncedAt !== null));
    expect(windows.map((w) => w.status().leader)).toEqual([true, false]);
    windows[0]!.stop();
    await until(() => windows[1]!.status().leader && windows[1]!.status().lastSyncedAt !== null);
    windows[1]!.stop();
  });
});

describe('edits made on the UI thread', () => {
  it('are noticed by the worker: the edit is pushed without waiting for the interval', async () => {
    const { setProperties } = await import('../../../src-renderer/db');
    const name = uniqueDbName('worker-edit');
    const { main, worker } = channel();
    startWorkerRuntime(worker, { openDb: () => openDb(name), intervalMs: 3_600_000, types: ['deals'] });
    const client = startSyncClient(fakeHost(gatewayPort(crm)), { endpoint: main, dbName: name });
    await until(() => client.status().lastSyncedAt !== null);
    const ui = openDb(name);
    const [deal] = await ui.records('deals').limit(1).toArray();
    const pushes: boolean[] = [];
    client.onStatus((s) => pushes.push(s.running && s.phase === 'push'));
    await setProperties(ui, 'deals', deal!.id, { dealname: 'Pushed by the worker' });
    expect(await ui.outbox.count()).toBe(1);
    // The interval is an hour: only the worker noticing the new outbox row sends it.
    await until(() => pushes.includes(true));
    await until(() => !client.status().running);
    await expect.poll(() => ui.outbox.count(), { timeout: 30_000 }).toBe(0);
    const res = await gatewayPort(crm).request({ method: 'GET', path: `/crm/v3/objects/deals/${deal!.id}`, query: { properties: 'dealname' } });
    expect(res).toMatchObject({ ok: true, data: { body: { properties: { dealname: 'Pushed by the worker' } } } });
    ui.close();
    client.stop();
  }, 60_000);

  it('a change the CRM refused, fixed and retried, is pushed without waiting for the interval (the outbox does not grow)', async () => {
    const { retryEntry } = await import('../../../src-renderer/db');
    const name = uniqueDbName('worker-retry');
    const listed = await gatewayPort(crm).request({ method: 'GET', path: '/crm/v3/objects/deals', query: { limit: '1', properties: 'dealname' } });
    const dealId = listed.ok ? (listed.data.body as { results: Array<{ id: string }> }).results[0]!.id : '';
    // As a refusal left it, before this window starts: in the outbox, needing attention, never sent by itself.
    const ui = openDb(name);
    const seq = await ui.outbox.add({
      recordKey: `deals:${dealId}`,
      intent: { kind: 'update', label: 'property-edit', objectType: 'deals', recordId: dealId, base: {}, desired: { dealname: 'Fixed and retried' } },
      status: 'attention',
      attempts: 1,
      createdAt: Date.now(),
      lastError: { status: 400, message: 'refused', at: Date.now() },
    });
    const { main, worker } = channel();
    startWorkerRuntime(worker, { openDb: () => openDb(name), intervalMs: 3_600_000, types: ['deals'] });
    const client = startSyncClient(fakeHost(gatewayPort(crm)), { endpoint: main, dbName: name });
    await until(() => client.status().lastSyncedAt !== null && !client.status().running);
    expect(await ui.outbox.get(seq)).toMatchObject({ status: 'attention' });
    // The fix: the entry is pending again and the outbox is no larger; the interval is an hour.
    await retryEntry(ui, seq, { dealname: 'Fixed and retried' });
    expect(await ui.outbox.count()).toBe(1);
    await expect.poll(() => ui.outbox.count(), { timeout: 20_000 }).toBe(0);
    const res = await gatewayPort(crm).request({ method: 'GET', path: `/crm/v3/objects/deals/${dealId}`, query: { properties: 'dealname' } });
    expect(res).toMatchObject({ ok: true, data: { body: { properties: { dealname: 'Fixed and retried' } } } });
    ui.close();
    client.stop();
  }, 60_000);
});
