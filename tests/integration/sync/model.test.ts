import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIdStateKey, type CrmPort } from '../../../shared/sync';
import { crmAdmin, gatewayPort, startTestCrm, type TestCrm } from './support/crm';
import { engine, openDb, uniqueDbName } from './support/engine';
import { ENGINE, runScenario, stepArb, type ModelEnv } from './support/model';

/**
 * Fixed seed; CI runs at least 200 scenarios. A longer local run can take another seed
 * (`SYNC_MODEL_SEED`) to cover scenarios the default sequence does not reach.
 */
const SEED = Number(process.env.SYNC_MODEL_SEED ?? 20_261_127);
const RUNS = Number(process.env.SYNC_MODEL_RUNS ?? 200);
/**
 * Scenarios that once failed. `path` is fast-check's path from the failure report: that run
 * of the seed is replayed directly, without the runs before it.
 */
const REGRESSION_SEEDS: Array<{ seed: number; path?: string }> = [
  // Run 729 of the default seed: an update's answer lost, found applied by the next pass,
  // which died before its pull; the next edit of the field met our own write as a conflict.
  { seed: 20_261_127, path: '728' },
];

let crm: TestCrm;
let env: ModelEnv;

beforeAll(async () => {
  // No search lag, from the start: the engine runs with a short overlap (model.ts ENGINE).
  crm = await startTestCrm({ seed: 11, searchLag: false });
  const base = gatewayPort(crm, { timeoutMs: 1_000 });
  const admin = crmAdmin(crm);
  const template = openDb(uniqueDbName('model-template'));
  // The setup step adds cs_client_id everywhere it may; tasks play a portal where it could not
  // (no schema scope), so task creates are recognised by their exact values instead.
  const noTaskKey: CrmPort = {
    request: (req) =>
      req.method === 'POST' && req.path === '/crm/v3/properties/tasks'
        ? Promise.resolve({ ok: true, data: { status: 403, headers: {}, body: { status: 'error', category: 'MISSING_SCOPES', message: 'missing scope' } } })
        : base.request(req),
  };
  await engine(template, noTaskKey, ENGINE).runOnce();
  expect((await template.meta.get(clientIdStateKey('tasks')))?.value).toBe('absent');
  expect((await template.meta.get(clientIdStateKey('notes')))?.value).toBe('plain');
  // Open deals only: editing name and amount there meets no stage rule.
  const deals = await template.records('deals').where('stage').anyOf('appointmentscheduled', 'qualifiedtobuy', '1001001').toArray();
  env = { base, admin, template, dealIds: deals.map((d) => d.id) };
});
afterAll(async () => {
  env?.template.close();
  await crm?.close();
});

describe('model-based sync: offline edits, other users, faults, kills and restarts', () => {
  it(
    `${RUNS} seeded scenarios end with no lost or doubled edit, every conflict surfaced, local = CRM`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), (steps) => runScenario(env, steps)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
    },
    Math.max(600_000, RUNS * 2_000),
  );

  for (const { seed, path } of REGRESSION_SEEDS) {
    it(`regression seed ${seed}${path ? ` path ${path}` : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), (steps) => runScenario(env, steps)),
        {
          seed,
          ...(path ? { path } : {}),
          numRuns: 20,
          endOnFailure: true,
          includeErrorInReport: true,
        },
      );
    }, 120_000);
  }
});
