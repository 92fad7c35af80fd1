import { describe, expect, it } from 'vitest';
import { decideUpdate, sameValue, type UpdateIntent } from '../../../shared/sync';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

const intent = (base: Record<string, string | null>, desired: Record<string, string | null>): UpdateIntent => ({
  kind: 'update',
  label: 'property-edit',
  objectType: 'deals',
  recordId: '1',
  base,
  desired,
});

describe('decideUpdate (idempotent by value)', () => {
  it('writes when the CRM still holds the base', () => {
    expect(decideUpdate(intent({ dealstage: 'a' }, { dealstage: 'b' }), { dealstage: 'a' })).toEqual({
      write: { dealstage: 'b' },
      alreadyApplied: [],
      conflicts: [],
    });
  });

  it('acknowledges without writing when the CRM already holds the desired value (G5)', () => {
    expect(decideUpdate(intent({ dealstage: 'a' }, { dealstage: 'b' }), { dealstage: 'b' })).toEqual({
      write: {},
      alreadyApplied: ['dealstage'],
      conflicts: [],
    });
  });

  it('raises a conflict with base, theirs and mine when someone else changed it (G6)', () => {
    const d = decideUpdate(
      intent({ dealstage: 'a' }, { dealstage: 'b' }),
      { dealstage: 'c' },
      {
        dealstage: [{ value: 'c', timestamp: '2025-01-01T00:00:00.000Z', updatedByUserId: 7 }],
      },
    );
    expect(d.write).toEqual({});
    expect(d.conflicts).toEqual([
      { objectType: 'deals', recordId: '1', property: 'dealstage', base: 'a', theirs: 'c', mine: 'b', theirsAt: '2025-01-01T00:00:00.000Z', theirsBy: '7' },
    ]);
  });

  it('decides per property, so disjoint changes merge (G7)', () => {
    const d = decideUpdate(intent({ amount: '1', dealname: 'x' }, { amount: '2', dealname: 'y' }), { amount: '1', dealname: 'z' });
    expect(d.write).toEqual({ amount: '2' });
    expect(d.conflicts.map((c) => c.property)).toEqual(['dealname']);
  });

  it('treats null and "" as the same unset value', () => {
    expect(decideUpdate(intent({ amount: null }, { amount: '5' }), { amount: '' }).write).toEqual({ amount: '5' });
  });
});

describe('sameValue', () => {
  it('compares numbers and instants by meaning, strings exactly', () => {
    expect(sameValue('1000', '1000.0')).toBe(true);
    expect(sameValue('1735689600000', '2025-01-01T00:00:00.000Z')).toBe(true);
    expect(sameValue('2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z')).toBe(true);
    expect(sameValue('abc', 'ABC')).toBe(false);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue('0', '')).toBe(false);
  });
});

describe('decideUpdate after an uncertain send', () => {
  const i = intent({ amount: '1' }, { amount: '2' });
  const history = [
    { value: '3', timestamp: '2025-01-01T00:00:05.000Z' },
    { value: '2', timestamp: '2025-01-01T00:00:03.000Z' },
    { value: '1', timestamp: '2025-01-01T00:00:01.000Z' },
  ];
  it('counts our value in the history after the send mark as applied, even if changed since', () => {
    expect(decideUpdate(i, { amount: '3' }, { amount: history }, Date.parse('2025-01-01T00:00:02.000Z'))).toMatchObject({
      write: {},
      alreadyApplied: ['amount'],
      conflicts: [],
    });
  });
  it('does not write twice when someone reverted to the base after our write landed', () => {
    const reverted = [{ value: '1', timestamp: '2025-01-01T00:00:05.000Z' }, ...history.slice(1)];
    expect(decideUpdate(i, { amount: '1' }, { amount: reverted }, Date.parse('2025-01-01T00:00:02.000Z')).write).toEqual({});
  });
  it('without a mark, or with our value only before it, a changed field is a conflict', () => {
    expect(decideUpdate(i, { amount: '3' }, { amount: history }).conflicts).toHaveLength(1);
    expect(decideUpdate(i, { amount: '3' }, { amount: history }, Date.parse('2025-01-01T00:00:04.000Z')).conflicts).toHaveLength(1);
  });
});
