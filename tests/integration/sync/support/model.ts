import fc from 'fast-check';
import { expect } from 'vitest';
import { sameValue, type CrmPort, type KillPoint, type SyncCoordinator } from '../../../../shared/sync';
import { createNote, createTask, mergedRecord, setProperties, type CsDatabase } from '../../../../src-renderer/db';
import type { crmAdmin, CountingPort } from './crm';
import { engine, expectLocalEqualsCrm, Killed, openDb, uniqueDbName } from './engine';

/**
 * The model-based scenario: a few deals, two properties, and a random mix of local edits,
 * edits by another user, note creates (notes carry a plain cs_client_id) and task creates
 * (tasks have none: matched on their exact values), syncs under faults (with kills at named points) and
 * restarts. The reference model is "CRM state + the user's accepted intents"; the oracle
 * reads the CRM's property history, which records who wrote what, in which order.
 */
export const PROPS = ['dealname', 'amount'] as const;
export type Prop = (typeof PROPS)[number];
export const RECORDS = 3;
const APP_SOURCE = 'demo-private-app';
export const OTHER_USER = '1000004';

export type Fault = 'none' | 'drop' | 'error' | '429' | 'offline' | 'lose-response' | 'latency';
const KILL_POINTS: KillPoint[] = ['push:before-send', 'push:after-send', 'push:after-resolve', 'pull:after-fetch', 'pull:after-apply'];

export type Step =
  | { kind: 'local'; rec: number; prop: Prop }
  | { kind: 'server'; rec: number; prop: Prop }
  | { kind: 'create'; rec: number }
  | { kind: 'create-task'; rec: number }
  | { kind: 'sync'; fault: Fault; kill: { point: KillPoint; nth: number } | null }
  | { kind: 'restart' };

const rec = fc.nat(RECORDS - 1);
const prop = fc.constantFrom(...PROPS);
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('local' as const), rec, prop }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('server' as const), rec, prop }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), rec }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create-task' as const), rec }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      fault: fc.constantFrom<Fault>('none', 'none', 'drop', 'error', '429', 'offline', 'lose-response', 'latency'),
      kill: fc.option(fc.record({ point: fc.constantFrom(...KILL_POINTS), nth: fc.integer({ min: 1, max: 2 }) }), { freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** A port between the engine and the CRM that can go offline or lose answers after the CRM applied them. */
function faultyPort(inner: CrmPort) {
  let writes = 0;
  let calls = 0;
  const port = {
    mode: 'online' as 'online' | 'offline' | 'lose-response' | 'drop',
    async request(req: Parameters<CrmPort['request']>[0]) {
      if (port.mode === 'offline') return { ok: false as const, error: { code: 'NETWORK', message: 'offline' } };
      // Every third request: the connection drops before the CRM sees it.
      if (port.mode === 'drop' && ++calls % 3 === 0) return { ok: false as const, error: { code: 'NETWORK', message: 'connection dropped' } };
      const res = await inner.request(req);
      const isWrite = /batch\/(update|upsert|create|associate|archive)/.test(req.path);
      // Every other write: the CRM applied it, the answer never arrived.
      if (port.mode === 'lose-response' && isWrite && ++writes % 2 === 1) return { ok: false as const, error: { code: 'NETWORK', message: 'response lost' } };
      return res;
    },
  };
  return port;
}

export interface ModelEnv {
  base: CountingPort;
  admin: ReturnType<typeof crmAdmin>;
  /** A bootstrapped database to copy from, so each scenario starts synced without a full pull. */
  template: CsDatabase;
  dealIds: string[];
}

let scenarioCounter = 0;

/**
 * The model injects no search lag, so a short overlap is enough; a long one would make every
 * pass re-read all the deals earlier scenarios touched and the run slow, not stronger.
 */
/** A create of the scenario and the deal it hangs on. */
interface Created {
  type: 'notes' | 'tasks';
  clientId: string;
  dealId: string;
}

export const ENGINE = { types: ['deals'] as const, tuning: { overlapMs: 1_500 } };

export async function runScenario(env: ModelEnv, steps: readonly Step[]): Promise<void> {
  const sid = ++scenarioCounter;
  const ids = Array.from({ length: RECORDS }, (_, i) => env.dealIds[(sid * RECORDS + i) % env.dealIds.length] as string);
  const name = uniqueDbName('model');
  let db = openDb(name);
  await cloneInto(env.template, db);
  const port = faultyPort(env.base);
  let eng: SyncCoordinator = engine(db, port, ENGINE);
  // Start from a synced state: earlier scenarios changed deals since the template was taken.
  await eng.runOnce();
  const restart = () => {
    db.close();
    db = openDb(name);
    eng = engine(db, port, ENGINE);
  };
  const locals = new Map<string, Array<{ value: string; base: string | null }>>();
  const serverTouched = new Set<string>();
  const creates: Created[] = [];
  let n = 0;
  const key = (r: number, p: Prop) => `${ids[r]}|${p}`;

  for (const step of steps) {
    n++;
    if (step.kind === 'local') {
      const value = step.prop === 'amount' ? String(100_000 + sid * 100 + n) : `L${sid}-${n}`;
      const { seqs } = await setProperties(db, 'deals', ids[step.rec] as string, { [step.prop]: value });
      const entry = await db.outbox.get(seqs[0] as number);
      const base = entry?.intent.kind === 'update' ? (entry.intent.base[step.prop] ?? null) : null;
      locals.set(key(step.rec, step.prop), [...(locals.get(key(step.rec, step.prop)) ?? []), { value, base }]);
    } else if (step.kind === 'server') {
      const value = step.prop === 'amount' ? String(900_000 + sid * 100 + n) : `S${sid}-${n}`;
      await env.admin.update('deals', ids[step.rec] as string, { [step.prop]: value }, OTHER_USER);
      serverTouched.add(key(step.rec, step.prop));
    } else if (step.kind === 'create') {
      const clientId = `model-${sid}-${n}`;
      await createNote(
        db,
        { body: `Note ${clientId}`, timestampMs: 1_795_000_000_000, associations: [{ toType: 'deals', toId: ids[step.rec] as string }] },
        { newClientId: () => clientId },
      );
      creates.push({ type: 'notes', clientId, dealId: ids[step.rec] as string });
    } else if (step.kind === 'create-task') {
      const clientId = `model-task-${sid}-${n}`;
      await createTask(
        db,
        { subject: `Task ${clientId}`, dueAtMs: 1_795_000_000_000, associations: [{ toType: 'deals', toId: ids[step.rec] as string }] },
        { newClientId: () => clientId },
      );
      creates.push({ type: 'tasks', clientId, dealId: ids[step.rec] as string });
    } else if (step.kind === 'restart') restart();
    else {
      await applyFault(env, port, step.fault, sid);
      if (step.kill) eng = engine(db, port, { ...ENGINE, killAt: step.kill });
      try {
        await eng.runOnce();
      } catch (err) {
        if (!(err instanceof Killed)) throw err;
        restart();
      } finally {
        port.mode = 'online';
        await env.admin.clearFaults();
      }
      if (step.kill) eng = engine(db, port, ENGINE);
      await expectPendingEditsVisible(db, ids, locals);
    }
  }

  // Reconnect for good and let the queue drain.
  for (let i = 0; i < 6; i++) {
    await engine(db, port, ENGINE).runOnce();
    if ((await db.outbox.count()) === 0) break;
  }
  await engine(db, port, ENGINE).runOnce();
  await checkOracle(env, db, ids, locals, serverTouched, creates);
  db.close();
  await db.delete();
  // Keep the template current, so the next scenario's catch-up is one scenario's changes.
  await engine(env.template, env.base, ENGINE).runOnce();
}

async function applyFault(env: ModelEnv, port: ReturnType<typeof faultyPort>, fault: Fault, seed: number) {
  // Drops are injected at the port: the demo CRM's own dropRate is exercised in faults.test.ts
  // (a connection it destroys can stall the next request for undici's 10 s connect timeout).
  if (fault === 'offline' || fault === 'lose-response' || fault === 'drop') port.mode = fault;
  else if (fault === 'error') await env.admin.setFaults({ errorRate: 0.4, seed });
  else if (fault === '429') await env.admin.setFaults({ force429: 2 });
  else if (fault === 'latency') await env.admin.setFaults({ latencyMs: 2 });
}

/**
 * docs/sync-guarantees.md G8: while an edit is pending, what the user sees is that edit,
 * whatever the pulls brought.
 */
async function expectPendingEditsVisible(db: CsDatabase, ids: string[], locals: Map<string, Array<{ value: string }>>) {
  const pending = await db.outbox.where('status').equals('pending').toArray();
  for (const id of ids) {
    const shown = await mergedRecord(db, 'deals', id);
    for (const p of PROPS) {
      const last = locals.get(`${id}|${p}`)?.at(-1);
      const stillPending = pending.some((e) => e.intent.kind === 'update' && e.intent.recordId === id && e.intent.desired[p] === last?.value);
      if (last && stillPending) expect(sameValue(shown?.properties[p], last.value), `${id}.${p} shows the pending edit`).toBe(true);
    }
  }
}

async function checkOracle(
  env: ModelEnv,
  db: CsDatabase,
  ids: string[],
  locals: Map<string, Array<{ value: string; base: string | null }>>,
  serverTouched: Set<string>,
  creates: Created[],
) {
  expect(await db.outbox.toArray(), 'the queue drained').toEqual([]);
  const conflicts = await db.conflicts.toArray();
  await expectLocalEqualsCrm(db, env.admin, 'deals', ids);
  for (const id of ids) {
    const history = await env.admin.history('deals', id, [...PROPS]);
    for (const p of PROPS) {
      const k = `${id}|${p}`;
      const mine = locals.get(k) ?? [];
      const h = history.propertiesWithHistory[p] ?? [];
      const conflict = conflicts.find((c) => c.recordId === id && c.property === p);
      for (const { value, base } of mine) {
        const writes = h.map((e, i) => ({ ...e, i })).filter((e) => sameValue(e.value, value));
        expect(writes.length, `${k}=${value} applied at most once`).toBeLessThanOrEqual(1);
        const w = writes[0];
        if (w) {
          expect(w.sourceId, `${k}=${value} written by the app`).toBe(APP_SOURCE);
          const before = h[w.i + 1];
          // G6: we only ever wrote over the value the user had seen.
          if (before) expect(sameValue(before.value, base), `${k}=${value} overwrote ${before.value}, base was ${base}`).toBe(true);
        }
      }
      const last = mine.at(-1);
      if (last) {
        const applied = h.some((e) => sameValue(e.value, last.value));
        // No lost edit: the user's last value reached the CRM, or it waits in a conflict.
        if (!applied) expect(conflict?.mine, `${k}: last edit ${last.value} is applied or in conflict`).toBe(last.value);
        else expect(conflict, `${k}: applied, so no conflict left`).toBeUndefined();
      }
      // Conflicts only where someone else actually changed the field.
      if (conflict) expect(serverTouched.has(k), `${k}: conflict only after another user's edit`).toBe(true);
      // Local equals CRM for everything not in conflict (the overlay is empty once drained).
      const shown = await mergedRecord(db, 'deals', id);
      expect(sameValue(shown?.properties[p], history.properties[p]), `${k} shown equals CRM`).toBe(true);
    }
  }
  for (const c of creates) {
    const found =
      c.type === 'notes'
        ? await env.admin.findByClientId('notes', c.clientId)
        : await env.admin.findByProperty('tasks', 'hs_task_subject', `Task ${c.clientId}`);
    expect(found.total, `${c.clientId} created exactly once`).toBe(1);
    const realId = found.results[0]!.id;
    expect(await db.records(c.type).get(realId), `${c.clientId} remapped locally`).toBeDefined();
    const assoc = await env.admin.call<{ results: Array<{ toObjectId: string | number }> }>('GET', `/crm/v4/objects/${c.type}/${realId}/associations/deals`);
    expect(assoc.results.map((r) => String(r.toObjectId))).toContain(c.dealId);
  }
}

async function cloneInto(from: CsDatabase, to: CsDatabase) {
  // Read first: awaiting another database inside a Dexie transaction would end it.
  const [deals, cursors, meta, properties, pipelines] = await Promise.all([
    from.records('deals').toArray(),
    from.cursors.toArray(),
    from.meta.toArray(),
    from.properties.where('objectType').equals('deals').toArray(),
    from.pipelines.where('objectType').equals('deals').toArray(),
  ]);
  await to.transaction('rw', [to.records('deals'), to.cursors, to.meta, to.properties, to.pipelines], async () => {
    await to.records('deals').bulkPut(deals);
    await to.cursors.bulkPut(cursors);
    await to.meta.bulkPut(meta);
    await to.properties.bulkPut(properties);
    await to.pipelines.bulkPut(pipelines);
  });
}
