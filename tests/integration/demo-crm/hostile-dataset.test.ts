import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src-main/demo-crm/dataset/generate';
import { DELETED_OWNER_ID, HOSTILE_NAMES, LONG_LENGTH, UNKNOWN_DEAL_STAGE, UNKNOWN_TICKET_STAGE } from '../../../src-main/demo-crm/dataset/hostile-values';
import { Persistence } from '../../../src-main/demo-crm/store/persist';
import { Store } from '../../../src-main/demo-crm/store/store';
import { startTestDemoCrm, TEST_NOW, TEST_ZONE, type TestDemoCrm } from '../../support/demo-crm';

/**
 * The hostile dataset (`--dataset hostile`): the ordinary book, deterministic for a seed, with
 * hostile values mixed in, served as HubSpot would serve any string.
 */
const dirs: string[] = [];
const stores: Persistence[] = [];
afterAll(() => {
  for (const p of stores) p.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function generated(dataset: 'standard' | 'hostile', seed = 1): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  dirs.push(dir);
  const persistence = await Persistence.open(dir);
  stores.push(persistence);
  const store = new Store(persistence, { now: () => TEST_NOW, mono: () => 0 }, 1e9);
  generateDataset(store, { size: 'small', seed, now: TEST_NOW, zone: TEST_ZONE, lean: true, dataset });
  return store;
}

const TYPES = ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'notes', 'meetings', 'calls', 'emails'];
const dump = (s: Store) => JSON.stringify(TYPES.map((t) => [...s.all(t)].map((r) => [r.id, r.props])));

describe('the hostile dataset', () => {
  it('is the ordinary book with hostile values mixed in, the same for the same seed', async () => {
    const [standard, hostile, again] = [await generated('standard'), await generated('hostile'), await generated('hostile')];
    expect(dump(hostile)).toBe(dump(again));
    // Every ordinary record is still there under its id; the hostile ones come after.
    for (const t of TYPES) {
      const ids = [...standard.all(t)].map((r) => r.id);
      expect([...hostile.all(t)].map((r) => r.id).slice(0, ids.length)).toEqual(ids);
    }
    const all = TYPES.flatMap((t) => [...hostile.all(t)]);
    const values = all.flatMap((r) => Object.values(r.props));
    expect(values.some((v) => v.includes('<script>'))).toBe(true);
    expect(values.some((v) => v.startsWith('javascript:'))).toBe(true);
    expect(values.some((v) => v.includes('{{'))).toBe(true);
    expect(values.some((v) => v.length === LONG_LENGTH)).toBe(true);
    // Never over HubSpot's limit for a string value.
    expect(Math.max(...values.map((v) => v.length))).toBeLessThanOrEqual(65_536);
    expect(values).toEqual(
      expect.arrayContaining(['2026-13-45', '9999999999999999', 'NaN', '1e309', DELETED_OWNER_ID, UNKNOWN_DEAL_STAGE, UNKNOWN_TICKET_STAGE]),
    );
    // A seeded share of the other records got a hostile value too.
    const changed = [...hostile.all('tasks')].filter((r) => JSON.stringify(r.props) !== JSON.stringify(standard.get('tasks', r.id)?.props)).length;
    expect(changed).toBeGreaterThan(10);
  });

  it('keeps the default user a usable book: owned accounts, tasks and meetings today, hostile records among them', async () => {
    const s = await generated('hostile');
    const mine = [...s.all('companies')].filter((c) => c.props.csm_owner === '60000001');
    expect(mine.length).toBeGreaterThan(40);
    const names = mine.map((c) => c.props.name ?? '');
    for (const start of [HOSTILE_NAMES.company, HOSTILE_NAMES.longCompany, HOSTILE_NAMES.unicodeCompany])
      expect(names.some((n) => n.startsWith(start))).toBe(true);
    // Association loops: companies that parent one another in a circle.
    const [a, b, c] = mine;
    expect(s.assoc.list('companies', a?.id ?? '', 'companies').map(([id]) => id)).toEqual(expect.arrayContaining([b?.id, c?.id]));
  });

  it('serves the values through the API as any string', async () => {
    const crm: TestDemoCrm = await startTestDemoCrm({ now: () => TEST_NOW, timeZone: TEST_ZONE, dataset: 'hostile', leanDataset: true, searchLag: false });
    try {
      const res = await crm.api('/crm/v3/objects/deals/search', {
        body: {
          filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'EQ', value: UNKNOWN_DEAL_STAGE }] }],
          properties: ['dealname', 'closedate', 'amount'],
        },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; results: { properties: Record<string, string> }[] };
      expect(body.total).toBeGreaterThan(0);
      expect(body.results.map((r) => r.properties.dealname)).toEqual(expect.arrayContaining([expect.stringContaining('<img src=x onerror=')]));
      const companies = (await (await crm.api('/crm/v3/objects/companies?limit=5&properties=name')).json()) as { results: { id: string }[] };
      const id = companies.results[0]?.id ?? '';
      const links = (await (await crm.api(`/crm/v4/objects/companies/${id}/associations/companies`)).json()) as {
        results: { associationTypes: { typeId: number }[] }[];
      };
      expect(links.results.flatMap((r) => r.associationTypes.map((t) => t.typeId))).toEqual(expect.arrayContaining([13]));
    } finally {
      await crm.stop();
    }
  });
});
