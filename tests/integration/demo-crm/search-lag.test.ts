import type { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { demoCrmWithClient } from '../../support/demo-crm-client';

let crm: TestDemoCrm;
let client: Client;
demoCrmWithClient((c, cl) => ((crm = c), (client = cl)));

const faults = async (patch?: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await crm.api('/__demo/faults', patch ? { method: 'PUT', body: patch } : {});
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const found = async (word: string): Promise<number> => (await client.crm.companies.searchApi.doSearch({ query: word, limit: 10 })).total;

describe('search index lag', () => {
  it('is on by default: a fresh write is missing from search for 1–10 s, while reads by id, list and batch read see it at once', async () => {
    expect((await faults()).body.searchLag).toEqual({ minMs: 1_000, maxMs: 10_000 });
    // Seed 65 draws 1,968 ms for the first write after it (seeded PRNG, one draw per write).
    await faults({ seed: 65 });
    const before = performance.now();
    const created = await client.crm.companies.basicApi.create({ properties: { name: 'Quokka Freshwrite' }, associations: [] });
    expect(await found('Quokka')).toBe(0);
    expect((await client.crm.companies.basicApi.getById(created.id, ['name'])).properties.name).toBe('Quokka Freshwrite');
    expect((await client.crm.companies.batchApi.read({ inputs: [{ id: created.id }], properties: ['name'], propertiesWithHistory: [] })).results).toHaveLength(
      1,
    );
    const listed = await crm.api(`/crm/v3/objects/companies?limit=1&after=${Number(created.id) - 1}`);
    expect(((await listed.json()) as { results: Array<{ id: string }> }).results[0]?.id).toBe(created.id);
    await expect.poll(() => found('Quokka'), { timeout: 6_000, interval: 100 }).toBe(1);
    // The server runs in this process: same monotonic clock as the test.
    expect(performance.now() - before).toBeGreaterThanOrEqual(1_968);
  });

  it('shows search the values before an update (and an archived record as live) until the write is indexed', async () => {
    // Long enough that a loaded machine cannot let it pass between a write and the search after it.
    await faults({ searchLagMs: 1_500 });
    const created = await client.crm.companies.basicApi.create({ properties: { name: 'Wombat Original' }, associations: [] });
    await expect.poll(() => found('Wombat'), { timeout: 6_000, interval: 50 }).toBe(1);
    await client.crm.companies.basicApi.update(created.id, { properties: { name: 'Numbat Renamed' } });
    expect([await found('Wombat'), await found('Numbat')]).toEqual([1, 0]);
    await expect.poll(() => found('Numbat'), { timeout: 6_000, interval: 50 }).toBe(1);
    await client.crm.companies.basicApi.archive(created.id);
    expect(await found('Numbat')).toBe(1);
    await expect.poll(() => found('Numbat'), { timeout: 6_000, interval: 50 }).toBe(0);
  });

  it('switches off with searchLagMs 0 or a startup option, and refuses a bad range without changing anything', async () => {
    expect((await faults({ searchLagMs: 0 })).body.searchLag).toEqual({ minMs: 0, maxMs: 0 });
    await client.crm.companies.basicApi.create({ properties: { name: 'Dingo Instant' }, associations: [] });
    expect(await found('Dingo')).toBe(1);

    expect((await faults({ searchLag: { minMs: 200, maxMs: 400 } })).body.searchLag).toEqual({ minMs: 200, maxMs: 400 });
    for (const bad of [
      { searchLag: { minMs: 500, maxMs: 100 } },
      { searchLag: { minMs: -1, maxMs: 10 } },
      { searchLagMs: 5, searchLag: { minMs: 1, maxMs: 2 } },
      { searchLagMs: 'soon' },
    ]) {
      const res = await faults(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
    }
    expect((await faults()).body.searchLag).toEqual({ minMs: 200, maxMs: 400 });

    const off = await startTestDemoCrm({ searchLag: false });
    try {
      const res = await off.api('/__demo/faults');
      expect(((await res.json()) as { searchLag: unknown }).searchLag).toEqual({ minMs: 0, maxMs: 0 });
    } finally {
      await off.stop();
    }
  });
});
