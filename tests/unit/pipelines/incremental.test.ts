import { describe, expect, it } from 'vitest';
import { groupByStage } from '../../../shared/pipelines/board';
import { keepUnchanged, resort, settledMoves, withOptimistic, type OptimisticMove } from '../../../shared/pipelines/incremental';

const prop = { stage: 'dealstage', pipeline: 'pipeline' };
const rec = (id: string, stage: string, pending = false) => ({ id, properties: { dealstage: stage, pipeline: 'default', dealname: id }, pending });
const stages = ['a', 'b', 'c'].map((id, i) => ({ id, label: id.toUpperCase(), displayOrder: i, metadata: {} }));

describe('optimistic stage moves', () => {
  it('moves the dropped record at once and marks it pending only once its write committed', () => {
    const records = [rec('1', 'a'), rec('2', 'a')];
    const moving = new Map<string, OptimisticMove>([['1', { stageId: 'b', committed: false }]]);
    const shown = withOptimistic(records, moving, prop);
    expect(shown[0]).toMatchObject({ id: '1', properties: { dealstage: 'b' }, pending: false });
    expect(shown[1]).toBe(records[1]);
    expect(records[0]?.properties.dealstage).toBe('a');
    const committed = new Map<string, OptimisticMove>([['1', { stageId: 'b', committed: true }]]);
    expect(withOptimistic(records, committed, prop)[0]).toMatchObject({ properties: { dealstage: 'b' }, pending: true });
    expect(withOptimistic(records, new Map(), prop)).toBe(records);
  });

  it('settles a committed move once the store shows its stage (pending or moved back), or the record is gone', () => {
    const moves = new Map<string, OptimisticMove>([
      ['1', { stageId: 'b', committed: true }],
      ['2', { stageId: 'b', committed: false }],
      ['3', { stageId: 'c', committed: true }],
      ['4', { stageId: 'a', committed: true }],
      ['5', { stageId: 'c', committed: true }],
    ]);
    // 1: the overlay arrived; 2: not committed yet; 3: still the old stage in the store; 4: moved back (no overlay); 5: gone.
    const stored = [rec('1', 'b', true), rec('2', 'b', true), rec('3', 'a'), rec('4', 'a')];
    expect(settledMoves(stored, moves, prop).sort()).toEqual(['1', '4', '5']);
  });
});

describe('resort', () => {
  const byName = (a: { id: string; name: string }, b: { id: string; name: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

  it('sorts like a full sort, whatever the previous order was', () => {
    const items = ['d', 'b', 'a', 'c', 'b'].map((name, i) => ({ id: String(i), name }));
    const expected = [...items].sort(byName);
    expect(resort(items, [], byName)).toEqual(expected);
    expect(resort(items, [...expected].reverse(), byName)).toEqual(expected);
    expect(resort(items, [{ id: 'gone', name: 'a' }, ...expected.slice(2)], byName)).toEqual(expected);
  });

  it('keeps its previous result with no comparison but the rebuilt items when no sort key changed', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), name: `deal ${String((i * 7919) % 2000).padStart(4, '0')}` }));
    const first = resort(items, [], byName);
    let calls = 0;
    const counted = (a: (typeof items)[number], b: (typeof items)[number]) => (calls++, byName(a, b));
    const again = resort(items, first, counted);
    expect(again).toEqual(first);
    // A drop: the moved card is a new object with the same name, another card left the list.
    const moved = { ...(first[700] as (typeof items)[number]) };
    calls = 0;
    const after = resort([...items.filter((c) => c.id !== moved.id && c.id !== first[5]?.id), moved], again, counted);
    expect(calls).toBe(1);
    expect(after).toEqual(first.filter((c) => c.id !== first[5]?.id).map((c) => (c.id === moved.id ? moved : c)));
    expect(after[699]).toBe(moved);
  });

  it('sorts again when a rebuilt item has a new sort key or an item is new', () => {
    const cmp = (a: { id: string; name: string }, b: { id: string; name: string }) => byName(a, b);
    const first = resort(
      ['b', 'c', 'd'].map((name) => ({ id: name, name })),
      [],
      cmp,
    );
    const renamed = resort([first[0], first[1], { id: 'd', name: 'a' }] as typeof first, first, cmp);
    expect(renamed.map((c) => c.id)).toEqual(['d', 'b', 'c']);
    const added = resort([...renamed, { id: 'e', name: 'bb' }], renamed, cmp);
    expect(added.map((c) => c.id)).toEqual(['d', 'b', 'e', 'c']);
    // Another comparison than the one the previous result is sorted by: no shortcut.
    const reversed = resort(added, added, (a, b) => -cmp(a, b));
    expect(reversed.map((c) => c.id)).toEqual(['c', 'e', 'b', 'd']);
  });

  it('needs about one comparison per item when the order did not change', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), name: `deal ${String((i * 7919) % 2000).padStart(4, '0')}` }));
    const previous = [...items].sort(byName);
    let calls = 0;
    const counted = (a: (typeof items)[number], b: (typeof items)[number]) => (calls++, byName(a, b));
    expect(resort(items, previous, counted)).toEqual(previous);
    expect(calls).toBeLessThan(2 * items.length);
  });
});

describe('keepUnchanged', () => {
  it('keeps the column objects whose cards are the same, and replaces the others', () => {
    const records = [rec('1', 'a'), rec('2', 'a'), rec('3', 'b')];
    const before = groupByStage(records, stages, 'dealstage', () => 'open').columns;
    const moved = [records[0], { ...rec('2', 'b') }, records[2]] as typeof records;
    const after = keepUnchanged(before, groupByStage(moved, stages, 'dealstage', () => 'open').columns);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(after.map((c) => c.records.map((r) => r.id))).toEqual([['1'], ['2', '3'], []]);
    expect(keepUnchanged(undefined, before)).toBe(before);
  });
});
