import { it } from 'vitest';
import { compileScores, HealthBook, setupTemplate, type BookChange } from '../../shared/health';
import type { ViewRecord } from '../../shared/views';
import { median, report, sample } from './stats';
import { recordTarget } from './targets';
import { seededRandom } from '../support/seeded-random';

/**
 * Health scores over the large dataset (50,000 accounts, ~8 associated records each) in
 * Node: a full computation with the "Take me to setup" template on a book just loaded (every
 * activity time parsed), again with a new evaluator (a model edit, midnight), and one
 * incremental recomputation after a meeting changes. The floor is one pass reading a property
 * of every account in memory.
 */
const ACCOUNTS = 50_000;
const NOW = Date.parse('2026-11-27T08:00:00Z');
const DAY = 86_400_000;

function dataset(): BookChange[] {
  const r = seededRandom(42);
  const out: BookChange[] = [];
  const iso = (days: number) => new Date(NOW + days * DAY).toISOString();
  const add = (type: string, id: string, accountId: string, properties: ViewRecord['properties']) => {
    out.push({ kind: 'record', objectType: type, id, record: { id, properties } });
    out.push({ kind: 'link', accountId, objectType: type, id, linked: true });
  };
  for (let i = 0; i < ACCOUNTS; i++) {
    const a = `c${i}`;
    out.push({
      kind: 'record',
      objectType: 'companies',
      id: a,
      record: { id: a, properties: { name: a, csm_sentiment: ['Good', 'Neutral', 'Bad'][i % 3] ?? null, nps_score: String(i % 11) } },
    });
    for (let m = 0; m < 3; m++) add('meetings', `m${i}-${m}`, a, { hs_meeting_start_time: iso(-Math.floor(r() * 120)) });
    for (let c = 0; c < 2; c++) add('calls', `k${i}-${c}`, a, { hs_timestamp: iso(-Math.floor(r() * 60)) });
    add('tickets', `t${i}`, a, {
      createdate: iso(-Math.floor(r() * 30)),
      hs_pipeline_stage: r() < 0.5 ? '1' : '4',
      hs_ticket_priority: ['LOW', 'HIGH', 'URGENT'][i % 3] ?? null,
    });
    for (let t = 0; t < 2; t++)
      add('tasks', `x${i}-${t}`, a, { hs_timestamp: iso(Math.floor(r() * 20) - 10), hs_task_status: r() < 0.5 ? 'COMPLETED' : 'NOT_STARTED' });
  }
  return out;
}

const CTX = {
  now: NOW,
  timeZone: 'Europe/Warsaw',
  accountObject: 'companies',
  propertyTypes: {
    companies: { name: 'string' as const, csm_sentiment: 'enumeration' as const, nps_score: 'number' as const },
    tickets: { hs_ticket_priority: 'enumeration' as const, hs_pipeline_stage: 'enumeration' as const, createdate: 'datetime' as const },
  },
  ticketStageStates: { '1': 'OPEN' as const, '4': 'CLOSED' as const },
};

it('health: full and incremental computation over 50,000 accounts', async () => {
  const changes = dataset();
  const evaluator = compileScores([setupTemplate('default', 'Default')], [], CTX);
  const accounts = changes.flatMap((c) => (c.kind === 'record' && c.objectType === 'companies' && c.record ? [c.record] : []));

  const floor = await sample(5, () => {
    let n = 0;
    for (const a of accounts) if (a.properties.csm_sentiment === 'Good') n++;
    if (n < 0) throw new Error('unreachable');
  });
  const floorMedian = [...floor].sort((a, b) => a - b)[2] ?? 0;

  const load = await sample(2, () => {
    new HealthBook(evaluator, 'companies').apply(changes);
  });
  // Cold: a book just loaded, as at the app's start; every activity time is parsed here.
  const cold: number[] = [];
  for (let run = 0; run < 3; run++) {
    const fresh = new HealthBook(compileScores([setupTemplate('default', 'Default')], [], CTX), 'companies');
    fresh.apply(changes);
    const t0 = performance.now();
    fresh.computeAll();
    cold.push(performance.now() - t0);
  }
  const book = new HealthBook(evaluator, 'companies');
  book.apply(changes);
  book.computeAll();
  const full = await sample(3, () => {
    // A new evaluator, as after a model edit or at midnight: the book keeps the parsed times.
    book.setEvaluator(compileScores([setupTemplate('default', 'Default')], [], CTX));
    book.computeAll();
  });
  const compile = await sample(20, () => {
    compileScores([setupTemplate('default', 'Default')], [], CTX);
  });
  let i = 0;
  const incremental = await sample(200, () => {
    const id = `m${(i * 7919) % ACCOUNTS}-0`;
    i++;
    const affected = book.apply([
      { kind: 'record', objectType: 'meetings', id, record: { id, properties: { hs_meeting_start_time: new Date(NOW - (i % 40) * DAY).toISOString() } } },
    ]);
    book.recompute(affected);
  });
  const counts = { healthy: 0, neutral: 0, atRisk: 0 };
  for (const r of book.allResults().values()) if (r) counts[r.status]++;

  report('health', [
    { name: 'load 50k accounts + 400k related records into the book', samplesMs: load, floorMs: floorMedian },
    { name: 'full computation, 50k accounts just loaded (template score)', samplesMs: cold, floorMs: floorMedian, extra: { ...counts } },
    { name: 'full recomputation after a model edit or at midnight', samplesMs: full, floorMs: floorMedian },
    { name: 'compile the template score', samplesMs: compile },
    { name: 'incremental: one meeting changed', samplesMs: incremental, floorMs: floorMedian },
  ]);
  recordTarget({
    id: 'P9a',
    what: 'health scores, full computation over 50,000 accounts just loaded (Node)',
    value: median(cold),
    unit: 'ms',
    floor: floorMedian,
    atMost: 1000,
  });
  recordTarget({
    id: 'P9b',
    what: 'health scores, incremental after one meeting changed (Node)',
    value: median(incremental),
    unit: 'ms',
    floor: floorMedian,
    atMost: 5,
  });
});
