import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncCoordinator, type Activity, type CrmRequest, type CrmResult, type SyncedType } from '../../../shared/sync';
import { statusAfterPass } from '../../../shared/sync/status';
import { tierOf } from '../../../shared/sync/schedule';
import { CsDatabase, createDexieStore, setProperties } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { seededRandom } from '../../support/seeded-random';

const MIN = 60_000;
const TYPES: SyncedType[] = ['companies', 'deals', 'tasks', 'notes'];
let n = 0;

/**
 * The coordinator on a simulated clock: timers are kept here and fired in time order, the
 * clock jumping to each; every request is logged with the time it was made. The CRM holds no
 * records and answers at once; `headers` go on every answer.
 */
async function simulation(opts: { activity?: Activity; headers?: Record<string, string>; withEdit?: boolean; down?: number } = {}) {
  const db = new CsDatabase(`schedule-${++n}-${Math.random()}`, { indexedDB, IDBKeyRange });
  if (opts.withEdit)
    await db
      .records('deals')
      .put(
        toRow('deals', { id: '1', properties: { dealname: 'Deal 1' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', archived: false }),
      );
  const sim = {
    clock: Date.UTC(2026, 10, 27, 8, 0),
    log: [] as Array<{ at: number; req: CrmRequest }>,
    down: opts.down ?? 0,
    headers: opts.headers ?? {},
    timers: new Map<number, { fn: () => void; at: number }>(),
    running: false,
  };
  let id = 0;
  const crm = {
    async request(req: CrmRequest): Promise<CrmResult> {
      sim.log.push({ at: sim.clock, req });
      if (sim.down) return { ok: true, data: { status: sim.down, headers: sim.headers, body: { status: 'error', message: `down ${sim.down}` } } };
      const body = req.path.endsWith('/search') ? { total: 0, results: [] } : { results: [] };
      return { ok: true, data: { status: 200, headers: sim.headers, body } };
    },
  };
  const c = createSyncCoordinator({
    crm,
    store: createDexieStore(db),
    types: TYPES,
    now: () => sim.clock,
    random: seededRandom(7),
    timers: {
      setTimeout: (fn, ms) => {
        sim.timers.set(++id, { fn, at: sim.clock + ms });
        return id;
      },
      clearTimeout: (h) => void sim.timers.delete(h as number),
    },
    onStatus: (s) => (sim.running = s.running),
    ...(opts.activity ? { activity: opts.activity } : {}),
  });

  /** Let the pass the last timer started run to its end (it always sets the next timer). */
  async function settle() {
    for (let i = 0; i < 20_000 && (sim.running || sim.timers.size === 0); i++) await new Promise((r) => setImmediate(r));
  }

  async function advance(ms: number) {
    const target = sim.clock + ms;
    for (;;) {
      await settle();
      const [key, next] = [...sim.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (key === undefined || !next || next.at > target) {
        sim.clock = target;
        return;
      }
      sim.timers.delete(key);
      sim.clock = Math.max(sim.clock, next.at);
      next.fn();
    }
  }

  /** When each type was pulled incrementally (a search from its cursor). */
  const pulls = (type: string, since = 0) =>
    sim.log.filter((l) => l.at >= since && l.req.path === `/crm/v3/objects/${type}/search` && JSON.stringify(l.req.body).includes('"GTE"')).map((l) => l.at);
  const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? t));
  const nextTimerIn = () => Math.min(...[...sim.timers.values()].map((t) => t.at)) - sim.clock;

  c.start();
  await advance(0); // the first pass: every type, bootstrap (empty) then incremental
  return { sim, c, db, advance, pulls, gaps, nextTimerIn };
}

const inUse = (onScreen: SyncedType[]): Activity => ({ inUse: true, onBattery: false, onScreen });

describe('adaptive polling (fixed clock, timers fired in simulated time)', () => {
  it('while the window is in use: the type on screen about every minute, engagements every 5–10 minutes, other records every ~15, always jittered', async () => {
    const { advance, pulls, gaps, sim } = await simulation({ activity: inUse(['deals']) });
    const from = sim.clock;
    await advance(120 * MIN);
    const deals = gaps(pulls('deals', from));
    expect(deals.length).toBeGreaterThan(95);
    // 60 s ± 15 %; a pass may take a type up to 10 % of its interval early (one wake-up for two).
    for (const g of deals) {
      expect(g).toBeGreaterThanOrEqual(0.9 * 0.85 * MIN);
      expect(g).toBeLessThanOrEqual(1.15 * MIN);
    }
    expect(new Set(deals).size).toBeGreaterThan(20);
    for (const type of ['tasks', 'notes']) {
      const g = gaps(pulls(type, from));
      expect(g.length, type).toBeGreaterThanOrEqual(11);
      expect(g.length, type).toBeLessThanOrEqual(25);
      for (const x of g) {
        expect(x).toBeGreaterThanOrEqual(0.9 * 5 * MIN);
        expect(x).toBeLessThanOrEqual(10 * MIN);
      }
      expect(new Set(g).size, type).toBeGreaterThan(5);
    }
    const companies = gaps(pulls('companies', from));
    expect(companies.length).toBeGreaterThanOrEqual(6);
    expect(companies.length).toBeLessThanOrEqual(10);
    for (const x of companies) {
      expect(x).toBeGreaterThanOrEqual(0.9 * 0.85 * 15 * MIN);
      expect(x).toBeLessThanOrEqual(1.15 * 15 * MIN);
    }
  });

  it.each([
    ['idle (no input, window hidden)', { inUse: false, onBattery: false, onScreen: ['deals'] }],
    ['on battery', { inUse: true, onBattery: true, onScreen: ['deals'] }],
  ] as const)('%s: every type every 30 minutes ± 15 %%, the screen included', async (_name, activity) => {
    const { advance, pulls, gaps, sim } = await simulation({ activity });
    const from = sim.clock;
    await advance(6 * 60 * MIN);
    for (const type of TYPES) {
      const g = gaps(pulls(type, from));
      expect(g.length, type).toBeGreaterThanOrEqual(9);
      expect(g.length, type).toBeLessThanOrEqual(14);
      for (const x of g) {
        expect(x).toBeGreaterThanOrEqual(0.9 * 0.85 * 30 * MIN);
        expect(x).toBeLessThanOrEqual(1.15 * 30 * MIN);
      }
    }
    // An idle laptop costs a few requests an hour, not hundreds: a search per type every half
    // hour (at most 10.5 an hour for 4 types), and the reference data every 6 hours.
    const after = sim.log.filter((l) => l.at > from);
    expect(after.filter((l) => l.req.path.endsWith('/search')).length / 6).toBeLessThan(10.5);
    expect(after.length / 6).toBeLessThan(15);
  });

  it('back in use after a long idle spell, the screen is pulled at once; opening another screen pulls its type at once', async () => {
    const { sim, c, advance, pulls, nextTimerIn } = await simulation({ activity: { inUse: false, onBattery: false, onScreen: ['deals'] } });
    await advance(20 * MIN);
    const before = sim.clock;
    c.setActivity({ inUse: true });
    expect(nextTimerIn()).toBe(0);
    await advance(1_000);
    expect(pulls('deals', before)).toEqual([before]);
    // The others were last pulled 20 min ago, so they are due too, but spread over the next
    // minute by their jitter: a team coming back together does not pull in step.
    await advance(MIN);
    const others = ['companies', 'tasks', 'notes'].map((type) => pulls(type, before));
    for (const p of others) {
      expect(p).toHaveLength(1);
      expect(p[0]).toBeLessThanOrEqual(before + MIN);
    }
    expect(new Set(others.flat()).size).toBeGreaterThan(1);
    await advance(2 * MIN);
    // Notes were pulled two to three minutes ago: off screen they would wait 5–10 minutes; on screen, a minute.
    expect(pulls('notes', before)).toHaveLength(1);
    const t = sim.clock;
    c.setActivity({ onScreen: ['notes'] });
    expect(nextTimerIn()).toBe(0);
    await advance(1_000);
    expect(pulls('notes', t)).toEqual([t]);
  });

  it('when the portal has under 10 % of its day left: hourly pulls, no daily sweep or reconcile, and an edit still goes out at once', async () => {
    const { sim, c, db, advance, pulls, gaps, nextTimerIn } = await simulation({
      activity: inUse(['deals']),
      headers: { 'x-hubspot-ratelimit-daily': '650000', 'x-hubspot-ratelimit-daily-remaining': '40000' },
      withEdit: true,
    });
    expect(c.status().budgetLow).toBe(true);
    expect(nextTimerIn()).toBeGreaterThanOrEqual(0.85 * 0.9 * 60 * MIN);
    const from = sim.clock;
    await advance(5 * 60 * MIN);
    for (const type of TYPES) for (const g of gaps(pulls(type, from))) expect(g).toBeGreaterThanOrEqual(0.9 * 0.85 * 60 * MIN);
    // The first pass had the budget low from its first answer on: no archived sweep and no reconcile listing.
    expect(sim.log.filter((l) => l.req.query?.archived === 'true')).toEqual([]);
    const edited = sim.clock;
    await setProperties(db, 'deals', '1', { dealname: 'Renamed' });
    c.trigger('edit');
    expect(nextTimerIn()).toBe(500);
    await advance(1_000);
    const sent = sim.log.filter((l) => l.at >= edited);
    expect(sent.some((l) => l.req.path === '/crm/v3/objects/deals/batch/read')).toBe(true);
    expect(sent.some((l) => l.req.path.endsWith('/search'))).toBe(false);
    // The budget is back (a new day): the schedule returns to the screen's minute.
    sim.headers = { 'x-hubspot-ratelimit-daily': '650000', 'x-hubspot-ratelimit-daily-remaining': '649000' };
    c.trigger('now');
    await advance(1_000);
    expect(c.status().budgetLow).toBeUndefined();
    expect(nextTimerIn()).toBeLessThanOrEqual(1.15 * MIN);
  });

  it('a change of activity never cuts a server backoff short', async () => {
    const { sim, c, advance, nextTimerIn } = await simulation({ activity: { inUse: false, onBattery: false, onScreen: ['deals'] } });
    sim.down = 503;
    await advance(40 * MIN);
    const wait = nextTimerIn();
    expect(wait).toBeGreaterThan(0);
    expect(c.status().lastError).toMatch(/down 503/);
    c.setActivity({ inUse: true, onScreen: ['companies'] });
    expect(nextTimerIn()).toBe(wait);
  });
});

describe('a pass that pulls only some types', () => {
  it('keeps the refusal of a type it did not pull; "Last synced" waits until that type syncs', () => {
    const prev = statusAfterPass(
      { online: true, running: false, phase: 'idle', lastSyncedAt: null },
      { synced: ['deals'], refused: [{ objectType: 'companies', message: 'Missing scope' }] },
      1,
    );
    const subset = statusAfterPass(prev, { synced: ['deals'], covered: ['deals'] }, 2);
    expect(subset.incomplete).toEqual([{ objectType: 'companies', message: 'Missing scope' }]);
    expect(subset.lastSyncedAt).toBeNull();
    expect(subset.typeSyncedAt).toEqual({ deals: 2 });
    const healed = statusAfterPass(subset, { synced: ['companies'], covered: ['companies'] }, 3);
    expect(healed.incomplete).toBeUndefined();
    expect(healed.lastSyncedAt).toBe(3);
  });

  it('sweeps the archive of the types it pulls, each once a day', async () => {
    const { sim, advance } = await simulation({ activity: inUse(['deals']) });
    const swept = (since: number) => [...new Set(sim.log.filter((l) => l.at > since && l.req.query?.archived === 'true').map((l) => l.req.path))].sort();
    // The first pass swept every type; for the next day none again.
    expect(swept(-1)).toEqual(TYPES.map((t) => `/crm/v3/objects/${t}`).sort());
    const from = sim.clock;
    await advance(60 * MIN);
    expect(swept(from)).toEqual([]);
  });

  it('tiers: the budget first, then idle or battery, then the screen', () => {
    expect(tierOf('deals', inUse(['deals']), true)).toBe('lowBudget');
    expect(tierOf('deals', { inUse: false, onBattery: false, onScreen: ['deals'] }, false)).toBe('idle');
    expect(tierOf('deals', { inUse: true, onBattery: true, onScreen: ['deals'] }, false)).toBe('idle');
    expect(tierOf('deals', inUse(['deals']), false)).toBe('onScreen');
    expect(tierOf('notes', inUse(['deals']), false)).toBe('engagements');
    expect(tierOf('companies', inUse(['deals']), false)).toBe('records');
    expect(tierOf('notes', { inUse: true, onBattery: false, onScreen: 'all' }, false)).toBe('onScreen');
  });

  it('scheduled pulls are background traffic; the first pass, "Sync now" and edits go at the full rate', async () => {
    const { sim, c, db, advance } = await simulation({ activity: inUse(['deals']), withEdit: true });
    const since = (t: number) => sim.log.filter((l) => l.at >= t);
    // The first pass (the app's start): reference data and bootstrap at the full rate; its daily
    // archived sweep (like the reconcile) is always background.
    const first = sim.log.filter((l) => l.at === sim.log[0]!.at);
    const swept = (l: (typeof first)[number]) => l.req.query?.archived === 'true';
    expect(first.filter((l) => !swept(l)).every((l) => l.req.priority === undefined)).toBe(true);
    expect(first.filter(swept).every((l) => l.req.priority === 'background')).toBe(true);
    let t = sim.clock + 1;
    await advance(2 * MIN);
    const scheduled = since(t).filter((l) => l.req.path.endsWith('/search'));
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.every((l) => l.req.priority === 'background')).toBe(true);
    t = sim.clock;
    await setProperties(db, 'deals', '1', { dealname: 'Renamed' });
    c.trigger('edit');
    await advance(1_000);
    const pushed = since(t);
    expect(pushed.some((l) => l.req.path === '/crm/v3/objects/deals/batch/read')).toBe(true);
    expect(pushed.every((l) => l.req.priority === undefined)).toBe(true);
    t = sim.clock;
    c.trigger('now');
    await advance(1_000);
    const now = since(t).filter((l) => l.req.path.endsWith('/search'));
    expect(now.map((l) => l.req.path).sort()).toEqual(TYPES.map((type) => `/crm/v3/objects/${type}/search`).sort());
    expect(now.every((l) => l.req.priority === undefined)).toBe(true);
  });
});
