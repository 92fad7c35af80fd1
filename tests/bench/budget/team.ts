import { createSyncCoordinator, type Activity, type CrmPort, type CrmResult, type SyncedType, type SyncCoordinator } from '../../../shared/sync';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { DEFAULT_LIMITS, RateLimiter, type Clock } from '../../../src-main/crm/rate-limiter';
import { HostCallError } from '../../../src-main/host/dispatch';
import { MemoryStore } from './memory-store';
import { EDITED_PROPERTY } from './http';
import { Portal, type CallRecord } from './portal';
import { poissonGap, rng, Sim } from './sim';

const H = 3_600_000;
const MIN = 60_000;
/** 00:00 on Thursday 26 Nov 2026 in Warsaw (UTC+1), the portal's zone: day 0 (warm-up) starts here. */
export const DAY0 = Date.UTC(2026, 10, 25, 23, 0);
/** Day 1, the measured day. */
export const DAY1 = DAY0 + 24 * H;

/** The app's tabs and the types each shows (src-renderer/features/<tab>/on-screen.ts), with how often a CSM is on each. */
const SCREENS: Array<{ weight: number; onScreen: SyncedType[] }> = [
  { weight: 35, onScreen: ['tasks', 'meetings'] }, // summary
  { weight: 20, onScreen: ['companies', 'deals'] }, // portfolio
  { weight: 15, onScreen: ['tasks'] }, // tasks
  { weight: 10, onScreen: ['deals', 'tickets'] }, // pipelines
  { weight: 10, onScreen: ['meetings', 'tasks'] }, // schedule
  { weight: 10, onScreen: ['emails', 'calls', 'meetings'] }, // feed
];

/**
 * What happens in the portal besides the team's own edits, per day (portal-wide): email
 * logging, calls, meetings, workflows touching contacts, other users in HubSpot. 85 % of it
 * falls in working hours (08:00–18:00), the rest over the night.
 */
const CRM_ACTIVITY: Array<{ kind: 'create' | 'update' | 'archive'; type: SyncedType; perDay: number }> = [
  { kind: 'create', type: 'emails', perDay: 1_200 },
  { kind: 'create', type: 'calls', perDay: 300 },
  { kind: 'create', type: 'meetings', perDay: 200 },
  { kind: 'create', type: 'notes', perDay: 250 },
  { kind: 'create', type: 'tasks', perDay: 300 },
  { kind: 'update', type: 'contacts', perDay: 1_500 },
  { kind: 'update', type: 'companies', perDay: 300 },
  { kind: 'update', type: 'deals', perDay: 300 },
  { kind: 'update', type: 'tickets', perDay: 400 },
  { kind: 'update', type: 'tasks', perDay: 300 },
  { kind: 'update', type: 'meetings', perDay: 100 },
  { kind: 'archive', type: 'contacts', perDay: 10 },
  { kind: 'archive', type: 'tasks', perDay: 10 },
  { kind: 'archive', type: 'notes', perDay: 5 },
  { kind: 'archive', type: 'deals', perDay: 5 },
];
/** Edits per hour a CSM makes in the app while using it (stage moves, task completions, fields). */
const EDITS_PER_HOUR = 6;

const hourOfDay = (t: number) => ((((t - DAY0) % (24 * H)) + 24 * H) % (24 * H)) / H;
const inWorkHours = (t: number) => hourOfDay(t) >= 8 && hourOfDay(t) < 18;

export interface TeamOptions {
  laptops: number;
  companies: number;
  seed: number;
  /** `workday`: a CSM's day (in use with breaks and meetings, some on battery); `idle`: the window hidden all day. */
  behaviour: 'workday' | 'idle';
}

export interface TeamRun {
  calls: CallRecord[];
  refusedOnDay1: number;
  refusedSearchOnDay1: number;
  perLaptopDay0: number[];
  records: number;
  simEvents: number;
}

/**
 * Runs `laptops` copies of the real sync (coordinator, engine, gateway with its limiter)
 * against one portal for day 0 (each laptop's first sync at a staggered hour, then idle) and
 * day 1 (the measured day), all on the simulated clock.
 */
export async function runTeam(o: TeamOptions): Promise<TeamRun> {
  const sim = new Sim(DAY0 - H);
  const portal = new Portal(sim, rng(o.seed + 1), DAY0);
  portal.generate(o.companies);
  portal.recordFrom = DAY1;
  const clock: Clock = { now: () => sim.now, sleep: sim.sleep };
  const timers = { setTimeout: (fn: () => void, ms: number) => sim.setTimeout(fn, ms), clearTimeout: (h: unknown) => sim.clearTimeout(h) };
  const perLaptopAll: number[] = Array.from({ length: o.laptops }, () => 0);

  // The portal's own activity, from the start of day 0.
  for (const a of CRM_ACTIVITY) {
    const r = rng(o.seed * 31 + a.perDay + a.type.length);
    const peak = (a.perDay * 0.85) / 10; // per hour in working hours
    const step = () => {
      // Thinning: candidates at the working-hours rate, kept at night in proportion.
      sim.setTimeout(
        () => {
          const rate = inWorkHours(sim.now) ? peak : (a.perDay * 0.15) / 14;
          if (r() < rate / peak) {
            if (a.kind === 'create') portal.createEngagement(a.type);
            else if (a.kind === 'update') portal.touch(a.type);
            else portal.archive(a.type);
          }
          step();
        },
        poissonGap(r, peak * 24),
      );
    };
    step();
  }

  const laptops: SyncCoordinator[] = [];
  for (let i = 0; i < o.laptops; i++) {
    const r = rng(o.seed * 1_000 + i);
    const store = new MemoryStore();
    const gateway = createCrmGateway({
      connection: { current: () => ({ kind: 'hubspot', baseUrl: 'https://api.hubapi.test', token: `laptop-${i}` }) },
      limiter: new RateLimiter(DEFAULT_LIMITS, clock),
      clock,
      random: r,
      fetch: countingFetch(portal.fetchFor(i), () => perLaptopAll[i]!++),
    });
    const port: CrmPort = {
      async request(req): Promise<CrmResult> {
        try {
          return { ok: true, data: await gateway.request(req) };
        } catch (err) {
          if (err instanceof HostCallError) return { ok: false, error: { code: err.code, message: err.message } };
          throw err;
        }
      },
    };
    const idle: Activity = { inUse: false, onBattery: false, onScreen: [] };
    const sync = createSyncCoordinator({ crm: port, store, timers, now: () => sim.now, random: r, activity: idle });
    laptops.push(sync);
    // Day 0: the first sync at a staggered hour (the team installed the app over a day), then idle.
    sim.setTimeout(() => sync.start(), DAY0 + H + (i * 20 * H) / o.laptops - sim.now);
    if (o.behaviour === 'workday') planWorkday(sim, sync, store, portal, r, i);
  }

  let refusedBefore = 0;
  let refusedSearchBefore = 0;
  sim.setTimeout(() => {
    refusedBefore = portal.refused;
    refusedSearchBefore = portal.refusedSearch;
  }, DAY1 - sim.now);
  await sim.runUntil(DAY1 + 24 * H);
  for (const s of laptops) s.stop();
  return {
    calls: portal.calls,
    refusedOnDay1: portal.refused - refusedBefore,
    refusedSearchOnDay1: portal.refusedSearch - refusedSearchBefore,
    perLaptopDay0: perLaptopAll.map((n, i) => n - portal.calls.filter((c) => c.laptop === i).length),
    records: (['companies', 'contacts', 'deals', 'tickets', 'tasks', 'meetings', 'notes', 'calls', 'emails'] as const).reduce((n, t) => n + portal.count(t), 0),
    simEvents: sim.fired,
  };
}

function countingFetch(inner: typeof fetch, count: () => void): typeof fetch {
  return (input: string | URL | Request, init?: RequestInit) => {
    count();
    return inner(input, init);
  };
}

/**
 * A CSM's day 1: arrives 08:00–09:00, leaves 17:00–18:30, lunch, two to four meetings away
 * from the app (idle after 5 minutes), screens changing every 2–15 minutes, edits while in
 * use; every third laptop runs on battery for 1.5–2.5 hours from 13:00–14:00. Before and
 * after: idle (window hidden).
 */
function planWorkday(sim: Sim, sync: SyncCoordinator, store: MemoryStore, portal: Portal, r: () => number, i: number): void {
  const at = (t: number, fn: () => void) => sim.setTimeout(fn, t - sim.now);
  const arrive = DAY1 + 8 * H + r() * H;
  const leave = DAY1 + 17 * H + r() * 1.5 * H;
  const lunch = DAY1 + 12 * H + r() * 0.5 * H;
  const away: Array<[number, number]> = [[lunch, lunch + 45 * MIN + r() * 15 * MIN]];
  const meetings = 2 + Math.floor(r() * 3);
  for (let m = 0; m < meetings; m++) {
    const start = arrive + r() * (leave - arrive - H);
    away.push([start + 5 * MIN, start + 30 * MIN + r() * 30 * MIN]);
  }
  const unplugged = DAY1 + 13 * H + r() * H;
  const onBattery: [number, number] | null = i % 3 === 0 ? [unplugged, unplugged + 1.5 * H + r() * H] : null;
  let inUse = false;
  const update = () => {
    const t = sim.now;
    const present = t >= arrive && t < leave && !away.some(([a, b]) => t >= a && t < b);
    inUse = present;
    sync.setActivity({ inUse: present, onBattery: onBattery !== null && t >= onBattery[0] && t < onBattery[1] });
  };
  for (const t of [arrive, leave, ...away.flat(), ...(onBattery ?? [])]) at(t, update);
  // Screens: a new tab every 2–15 minutes through the working day.
  const total = SCREENS.reduce((s, x) => s + x.weight, 0);
  for (let t = arrive; t < leave; t += 2 * MIN + r() * 13 * MIN) {
    let w = r() * total;
    const screen = SCREENS.find((s) => (w -= s.weight) < 0) ?? SCREENS[0]!;
    at(t, () => sync.setActivity({ onScreen: screen.onScreen }));
  }
  // Edits while in use.
  const edit = () => {
    sim.setTimeout(
      () => {
        if (inUse) {
          const type = (['companies', 'deals', 'tasks'] as const)[Math.floor(r() * 3)]!;
          const target = portal.editable(type);
          if (target) {
            store.edit(type, target.id, target.value, `edit-${i}-${Math.floor(r() * 1e9)}`, EDITED_PROPERTY, sim.now);
            sync.trigger('edit');
          }
        }
        if (sim.now < leave) edit();
      },
      poissonGap(r, EDITS_PER_HOUR * 24),
    );
  };
  at(arrive, edit);
}
