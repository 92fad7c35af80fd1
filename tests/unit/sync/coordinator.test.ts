import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncCoordinator, type CrmPort, type CrmRequest, type CrmResult } from '../../../shared/sync';
import { CsDatabase, createDexieStore } from '../../../src-renderer/db';

let n = 0;
const freshStore = () => createDexieStore(new CsDatabase(`coordinator-${++n}-${Math.random()}`, { indexedDB, IDBKeyRange }));

/** A CRM with no records; it records how many requests overlap, and can be switched off. */
function emptyCrm() {
  const port = {
    log: [] as CrmRequest[],
    active: 0,
    maxActive: 0,
    down: false,
    async request(req: CrmRequest): Promise<CrmResult> {
      port.log.push(req);
      port.active++;
      port.maxActive = Math.max(port.maxActive, port.active);
      await new Promise((r) => setTimeout(r, 1));
      port.active--;
      if (port.down) return { ok: false, error: { code: 'NETWORK', message: 'down' } };
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

  it('backs off with jitter on transient failures, reports the error, and "sync now" skips the wait', async () => {
    const crm = emptyCrm();
    const timers = manualTimers();
    let clock = 1_000_000;
    const c = createSyncCoordinator({ crm, store: freshStore(), timers, types: ['deals'], now: () => clock, random: () => 1, backoff: { baseMs: 1_000, maxMs: 60_000 } });
    c.start();
    timers.pending.clear();
    crm.down = true;
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
});
