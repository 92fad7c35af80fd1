import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flatHits } from '../../../shared/search';
import { CsDatabase, setProperties } from '../../../src-renderer/db';
import { createSearchEngine, type SearchEngine, type SearchEngineEvent } from '../../../src-renderer/search/engine';
import type { RecordRow } from '../../../src-renderer/db/rows';

/**
 * The search engine (what the search worker runs) over a real Dexie store: it builds the index
 * from synced ⊕ pending records, and follows Dexie's change events — a synced page, a local
 * edit, a deleted record — without a rebuild.
 */
const engines: SearchEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.stop();
});

const row = (id: string, properties: Record<string, string>): RecordRow => ({
  id,
  properties,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archived: false,
});

async function setup() {
  const db = new CsDatabase(`search-engine-${Math.random().toString(36).slice(2)}`);
  await db.records('companies').bulkPut([row('1', { name: 'Acme Corp', domain: 'acme.com' }), row('2', { name: 'Globex' })]);
  await db.records('notes').bulkPut([row('10', { hs_note_body: '<p>Quarterly review with Umbrella</p>' })]);
  const events: SearchEngineEvent[] = [];
  const engine = createSearchEngine(db, (e) => events.push(e));
  engines.push(engine);
  let id = 0;
  const ask = async (text: string) => {
    const requestId = ++id;
    engine.query(requestId, text);
    const r = events.find((e): e is Extract<SearchEngineEvent, { type: 'results' }> => e.type === 'results' && e.requestId === requestId);
    return r ? flatHits(r.groups).map((h) => `${h.type}:${h.recordId}:${h.title}`) : [];
  };
  await vi.waitFor(() => expect(events.some((e) => e.type === 'state' && e.state === 'ready')).toBe(true), { timeout: 10_000 });
  return { db, events, ask };
}

describe('search engine', () => {
  it('indexes the local store and answers by prefix, across types', async () => {
    const { db, ask } = await setup();
    expect(await ask('acm')).toEqual(['companies:1:Acme Corp']);
    expect(await ask('umbrel')).toEqual(['notes:10:Quarterly review with Umbrella']);
    db.close();
  });

  it('follows a local edit (overlay), a synced page and a deletion, incrementally', async () => {
    const { db, events, ask } = await setup();
    const builds = () => events.filter((e) => e.type === 'state' && e.state === 'building').length;
    await setProperties(db, 'companies', '2', { name: 'Initech Renamed' });
    await vi.waitFor(async () => expect(await ask('initech')).toEqual(['companies:2:Initech Renamed']), { timeout: 10_000 });
    expect(await ask('globex')).toEqual([]);

    await db.records('contacts').bulkPut([row('5', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@acme.com' })]);
    await vi.waitFor(async () => expect(await ask('lovel')).toEqual(['contacts:5:Ada Lovelace']), { timeout: 10_000 });

    await db.records('companies').delete('1');
    await vi.waitFor(async () => expect(await ask('acme corp')).toEqual([]), { timeout: 10_000 });
    expect(builds()).toBe(1);
    db.close();
  });

  it('rebuilds when a table is cleared', async () => {
    const { db, events, ask } = await setup();
    await db.records('companies').clear();
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'state' && e.state === 'building').length).toBe(2), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await ask('globex')).toEqual([]), { timeout: 10_000 });
    expect(await ask('umbrella')).toHaveLength(1);
    db.close();
  });
});
