import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateView, ME, type Filter, type PropertyKind, type View, type ViewContext } from '../../../shared/views';
import { CsDatabase, associate, createNote, mergeRows, setProperties } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { associatedRecords, LAST_ACTIVITY, ownedModifiedSince, queryView, timeline } from '../../../src-renderer/db/queries/portfolio';

const MINE = '60000001';
const OTHERS = ['60000002', '60000003'];
const NOW = Date.parse('2026-11-27T08:00:00Z');
const DAY = 86_400_000;
const KINDS: Record<string, PropertyKind> = {
  name: 'string',
  csm_owner: 'owner',
  plan: 'enumeration',
  nps_score: 'number',
  renewal_date: 'date',
  createdate: 'datetime',
  [LAST_ACTIVITY]: 'datetime',
};
const ctx: ViewContext = {
  now: NOW,
  timeZone: 'Europe/Warsaw',
  propertyTypes: KINDS,
  currentUserOwnerId: MINE,
  quickProperties: { lastActivity: LAST_ACTIVITY },
};
const view = (filterGroups: Filter[][], over: Partial<View> = {}): View => ({
  id: 'v',
  name: 'v',
  objectType: 'companies',
  filterGroups: filterGroups.map((filters) => ({ filters })),
  columns: [],
  sharing: 'private',
  ownerUserId: 'u',
  ...over,
});

let db: CsDatabase;
afterEach(async () => {
  await db?.delete();
});

const company = fc.record({
  name: fc.constantFrom('Acme', 'Globex', 'Initech', 'Umbrella', ''),
  csm_owner: fc.constantFrom(MINE, ...OTHERS, ''),
  plan: fc.constantFrom('Starter', 'Professional', 'Enterprise', ''),
  nps_score: fc.constantFrom('0', '5', '9', '10', ''),
  renewal_date: fc.integer({ min: -60, max: 200 }).map((d) => new Date(NOW + d * DAY).toISOString().slice(0, 10)),
  notes_last_contacted: fc.integer({ min: -100, max: 0 }).map((d) => new Date(NOW + d * DAY).toISOString()),
});

const filter = fc.oneof(
  fc.constant<Filter>({ property: 'csm_owner', operator: 'is_any_of', values: [ME] }),
  fc.constant<Filter>({ property: 'csm_owner', operator: 'is_none_of', values: [MINE] }),
  fc.constantFrom('Starter', 'Enterprise').map((v): Filter => ({ property: 'plan', operator: 'is_any_of', values: [v] })),
  fc.integer({ min: 0, max: 10 }).map((v): Filter => ({ property: 'nps_score', operator: 'gte', value: String(v) })),
  fc.constantFrom('last_7_days', 'last_30_days', 'this_month').map((p): Filter => ({ property: LAST_ACTIVITY, operator: 'in_period', value: p })),
  fc.constantFrom('next_30_days', 'next_90_days').map((p): Filter => ({ property: 'renewal_date', operator: 'in_period', value: p })),
  fc.constant<Filter>({ property: 'name', operator: 'contains', value: 'e' }),
);

async function seed(rows: Array<Record<string, string>>) {
  db = new CsDatabase(`portfolio-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
  await db.records('companies').bulkPut(
    rows.map((p, i) =>
      toRow('companies', {
        id: String(1000 + i),
        properties: p,
        createdAt: new Date(NOW - 400 * DAY).toISOString(),
        updatedAt: new Date(NOW).toISOString(),
        archived: false,
      }),
    ),
  );
}

describe('portfolio queries', () => {
  it('answer every view exactly like the engine over all records, through an index when the plan allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(company, { minLength: 1, maxLength: 40 }),
        fc.array(fc.array(filter, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        fc.constantFrom<View['sort']>(undefined, { property: 'nps_score', direction: 'desc' }, { property: 'name', direction: 'asc' }),
        async (rows, groups, sort) => {
          await seed(rows);
          const v = view(groups, sort ? { sort } : {});
          const all = (await mergeRows(db, 'companies', await db.records('companies').toArray())).map((r) => {
            const p = { ...r.properties, [LAST_ACTIVITY]: String(Date.parse(r.properties.notes_last_contacted ?? '')), createdate: r.createdAt };
            return { ...r, properties: p };
          });
          const expected = evaluateView(v, all, ctx).map((r) => r.id);
          const got = await queryView(db, v, ctx, 'csm_owner');
          expect(got.records.map((r) => r.id)).toEqual(expected);
          await db.delete();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads "Owned by me" through the CSM index and includes records a pending edit moved into it', async () => {
    await seed([
      { name: 'Mine', csm_owner: MINE },
      { name: 'Theirs', csm_owner: OTHERS[0]! },
      { name: 'Handed to me offline', csm_owner: OTHERS[1]! },
    ]);
    await setProperties(db, 'companies', '1002', { csm_owner: MINE });
    const owned = view([[{ property: 'csm_owner', operator: 'is_any_of', values: [ME] }]], { sort: { property: 'name', direction: 'asc' } });
    const got = await queryView(db, owned, ctx, 'csm_owner');
    expect(got.index).toBe('csmOwnerId');
    expect(got.records.map((r) => [r.properties.name, r.pending])).toEqual([
      ['Handed to me offline', true],
      ['Mine', false],
    ]);
    const quick = await queryView(db, view([], { quick: { lastActivity: { period: 'last_7_days' } } }), ctx, 'csm_owner');
    expect(quick.index).toBe('lastActivityAt');
  });

  it('finds my accounts modified since a time, and only those, from the indexes', async () => {
    db = new CsDatabase(`portfolio-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
    const at = (days: number, ms = 0) => new Date(NOW - days * DAY + ms).toISOString();
    const rows: Array<[string, string, string]> = [
      ['mine-new', MINE, at(2)],
      ['mine-edge', MINE, at(31)],
      ['mine-just-before', MINE, at(31, -1)],
      ['mine-old', MINE, at(90)],
      ['theirs-new', OTHERS[0]!, at(1)],
      ['mine-undated', MINE, ''],
    ];
    await db
      .records('companies')
      .bulkPut(
        rows.map(([id, owner, updatedAt]) => toRow('companies', { id, properties: { csm_owner: owner }, createdAt: at(400), updatedAt, archived: false })),
      );
    const got = await ownedModifiedSince(db, 'companies', MINE, NOW - 31 * DAY);
    expect(got.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'mine-edge', updatedAt: at(31) },
      { id: 'mine-new', updatedAt: at(2) },
    ]);
  });

  it('folds pending associations and engagements into the preview lists', async () => {
    await seed([{ name: 'Acme', csm_owner: MINE }]);
    await db.records('contacts').bulkPut([toRow('contacts', { id: 'c1', properties: { firstname: 'Ada' }, createdAt: '', updatedAt: '', archived: false })]);
    await associate(db, 'companies', '1000', 'contacts', 'c1');
    await createNote(db, { body: 'Called about renewal', timestampMs: NOW, associations: [{ toType: 'companies', toId: '1000' }] });
    expect((await associatedRecords(db, 'companies', '1000', 'contacts')).map((r) => r.id)).toEqual(['c1']);
    const t = await timeline(db, 'companies', '1000', 10);
    expect(t.total).toBe(1);
    expect(t.items[0]?.record.properties.hs_note_body).toBe('Called about renewal');
    expect(t.items[0]?.record.pending).toBe(true);
  });
});
