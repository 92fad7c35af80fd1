import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncCoordinator, type CrmPort, type CrmRequest, type CrmResult } from '../../../shared/sync';
import { CsDatabase, createDexieStore, setProperties } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

let n = 0;
const freshStore = () => createDexieStore(new CsDatabase(`coordinator-${++n}-${Math.random()}`, { indexedDB, IDBKeyRange }));

/** A CRM with no records; it records how many requests overlap, and can be switched off. */
function emptyCrm() {
  const port = {
    log: [] as CrmRequest[],
    active: 0,
    maxActive: 0,
    /** `true`: unreachable (no answer); a number: the CRM answers that status. */
    down: false as boolean | 429 | 503,
    async request(req: CrmRequest): Promise<CrmResult> {
      port.log.push(req);
      port.active++;
      port.maxActive = Math.max(port.maxActive, port.active);
      await new Promise((r) => setTimeout(r, 1));
      port.active--;
      if (port.down === true) return { ok: false, error: { code: 'NETWORK', message: 'down' } };
      if (port.down) return { ok: true, data: { status: port.down, headers: {}, body: { status: 'error', message: `down ${port.down}` } } };
      const body = req.path.endsWith('/search') ? { total: 0, results: [] } : { results: [] };
      return { ok: true, data: { status: 200, headers: {}, body } };
    },
  } satisfies CrmPort & Record<string, unknown>;
  return port;
}

/** Timers the test fires by hand. */
function manualTimers() {
  let id = 0;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(++id, { fn, ms });
      return id;
    },
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    fireAll() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

/** A store holding one deal with a pending edit, so a push has something to send. */
async function storeWithEdit() {
  const db = new CsDatabase(`coordinator-${++n}-${Math.random()}`, { indexedDB, IDBKeyRange });
  await db
    .records('deals')
    .put(
      toRow('deals', { id: '1', properties: { dealname: 'Deal 1' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', archived: false }),
    );
  await setProperties(db, 'deals', '1', { dealname: 'Renamed offline' });
  return createDexieStore(db);
}

const isPush = (r: CrmRequest) => r.path === '/crm/v3/objects/deals/batch/read';
const isPull = (r: CrmRequest) => r.path.endsWith('/search') || (r.method === 'GET' && r.path.startsWith('/crm/v3/objects/'));

const passesOf = (log: CrmRequest[]) => log.filter((r) => r.path === '/crm/v3/objects/deals/search' && JSON.stringify(r.body).includes('"GTE"')).length;

describe('sync coordinator', () => {
  it('runs one pass at a time; callers during a pass share the single pass that follows', async () => {
    const crm = emptyCrm();
    const c = createSyncCoordinator({ crm, store: freshStore(), timers: manualTimers(), types: ['deals'] });
    await c.runOnce(); // bootstrap
    crm.log.length = 0;
    await Promise.all([c.runOnce(), c.runOnce(), c.runOnce(), c.runOnce()]);
    expect(crm.maxActive).toBe(1);
    expect(passesOf(crm.log)).toBe(2);
  });

  it('does not storm on 100 online/offline flips and resume events: one timer, one pass (G12)', async () => {
    const crm = emptyCrm();
    const timers = manualTimers();
    const c = createSyncCoordinator({ crm, store: freshStore(), timers, types: ['deals'], random: () => 0.5 });
    await c.runOnce();
    c.start();
    timers.fireAll();
    await c.runOnce();
    crm.log.length = 0;
    timers.pending.clear();
    for (let i = 0; i < 100; i++) {
      c.setOnline(false);
      c.setOnline(true);
      c.trigger('resume');
    }
    expect(timers.pending.size).toBe(1);
    expect([...timers.pending.values()][0]!.ms).toBeLessThanOrEqual(2_000);
    timers.fireAll();
    await c.runOnce();
    expect(passesOf(crm.log)).toBeLessThanOrEqual(2);
    c.stop();
  });

  it('backs off with jitter when the CRM fails, reports the error, and "sync now" skips the wait', async () => {
    const crm = emptyCrm();
    const timers = manualTimers();
    let clock = 1_000_000;
    const c = createSyncCoordinator({
      crm,
      store: freshStore(),
      timers,
      types: ['deals'],
      now: () => clock,
      random: () => 1,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    c.start();
    timers.pending.clear();
    crm.down = 503;
    await c.runOnce();
    expect(c.status().lastError).toMatch(/down/);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([1_000]);
    clock += 1_000;
    timers.pending.clear();
    await c.runOnce();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([2_000]);
    c.trigger('now');
    expect([...timers.pending.values()].map((t) => t.ms)).toContain(0);
    crm.down = false;
    await c.runOnce();
    expect(c.status().lastError).toBeUndefined();
    expect(c.status().lastSyncedAt).toBe(clock);
    c.stop();
  });

  it('stays put while offline and keeps the outbox', async () => {
    const crm = emptyCrm();
    const c = createSyncCoordinator({ crm, store: freshStore(), timers: manualTimers(), types: ['deals'] });
    c.setOnline(false);
    expect(await c.runOnce()).toEqual({ skipped: 'offline', pushed: 0, pulled: 0 });
    expect(crm.log).toHaveLength(0);
  });

  describe('coming back online (a fixed clock, timers fired by hand)', () => {
    async function failingWhileLeaving(down: true | 429 | 503, times: number) {
      const crm = emptyCrm();
      const timers = manualTimers();
      const clock = { t: Date.UTC(2026, 10, 27, 8, 0) };
      const c = createSyncCoordinator({ crm, store: await storeWithEdit(), timers, types: ['deals'], now: () => clock.t, random: () => 0.9 });
      c.start();
      crm.down = down;
      for (let i = 0; i < times; i++) {
        timers.pending.clear();
        await c.runOnce();
        clock.t += 1_000;
      }
      return { crm, timers, c, clock };
    }

    it('after failures that were the network being away, a reconnect sends the outbox within 2 s, before any pull', async () => {
      const { crm, timers, c } = await failingWhileLeaving(true, 8);
      c.setOnline(false);
      crm.down = false;
      timers.pending.clear();
      c.setOnline(true);
      const waits = [...timers.pending.values()].map((t) => t.ms);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeLessThanOrEqual(2_000);
      crm.log.length = 0;
      timers.fireAll();
      await expect.poll(() => crm.log.some(isPush)).toBe(true);
      expect(crm.log.findIndex(isPush)).toBeLessThan(crm.log.findIndex(isPull) === -1 ? Infinity : crm.log.findIndex(isPull));
      // Then, at once, a full pass pulls what changed while the laptop was away.
      await expect.poll(() => [...timers.pending.values()].map((t) => t.ms)).toEqual([0]);
      timers.fireAll();
      await expect.poll(() => crm.log.some(isPull)).toBe(true);
      c.stop();
    });

    it('the retry while the network stays away is short (≤ 30 s), not the server backoff', async () => {
      const { timers, c } = await failingWhileLeaving(true, 12);
      expect(Math.max(...[...timers.pending.values()].map((t) => t.ms))).toBeLessThanOrEqual(30_000);
      c.stop();
    });

    it.each([429, 503] as const)('after the CRM answered %i, a reconnect waits out the backoff', async (status) => {
      const { crm, timers, c } = await failingWhileLeaving(status, 8);
      const backoff = [...timers.pending.values()].map((t) => t.ms);
      expect(backoff[0]).toBeGreaterThan(60_000);
      c.setOnline(false);
      c.setOnline(true);
      c.trigger('resume');
      expect([...timers.pending.values()].map((t) => t.ms)).toEqual(backoff);
      expect(c.status().lastError).toMatch(new RegExp(`down ${status}`));
      crm.log.length = 0;
      c.stop();
    });
  });

  it("after HubSpot's daily limit, waits for the portal's midnight and says so; a reconnect does not cut it short", async () => {
    const crm = emptyCrm();
    const timers = manualTimers();
    const store = await storeWithEdit();
    await store.setMeta('portal:info', { portalId: 1, timeZone: 'Europe/Warsaw' });
    // 23:30 in Warsaw: the budget returns in 30 minutes (plus up to 5 minutes of fleet jitter).
    const c = createSyncCoordinator({ crm, store, timers, types: ['deals'], now: () => Date.UTC(2026, 10, 27, 22, 30), random: () => 0.5 });
    c.start();
    timers.pending.clear();
    const daily = crm.request.bind(crm);
    crm.request = async (req) => {
      await daily(req);
      return {
        ok: true,
        data: {
          status: 429,
          headers: {},
          body: { status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY', message: 'You have reached your daily limit.' },
        },
      };
    };
    await c.runOnce();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([30 * 60_000 + 2.5 * 60_000]);
    expect(c.status().lastError).toBe("HubSpot's daily API limit is used up; edits are kept and will be sent at 00:00 portal time.");
    expect(await store.listOutbox()).toHaveLength(1);
    c.setOnline(false);
    c.setOnline(true);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([30 * 60_000 + 2.5 * 60_000]);
    c.stop();
  });
});
