import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileView, evaluateView, reverseView } from '../../../shared/views';
import { ctx, rec, view } from './fixtures';

const RECORDS = [
  rec('5', { name: 'beta 10', amount: '10', renewal: '2026-12-01', last_contacted: '1790000000000', active: 'true' }),
  rec('3', { name: '', amount: 'n/a', renewal: null, active: null }),
  rec('1', { name: 'Alpha', amount: '9.5', renewal: '2027-01-01', last_contacted: '2026-01-01T00:00:00Z', active: 'false' }),
  rec('4', { name: 'beta 9', amount: '-3', renewal: '2025-06-30', last_contacted: '2026-01-01T00:00:00.000Z' }),
  rec('2', { name: 'alpha' }),
];

const order = (property: string, direction: 'asc' | 'desc'): string[] =>
  evaluateView(view([], { sort: { property, direction } }), RECORDS, ctx()).map((r) => r.id);

describe('sorting', () => {
  // Each row: what is sorted, the property, the ids in ascending and in descending order.
  it.each([
    ['numbers numerically, missing and unparseable last in both directions', 'amount', '4 1 5 2 3', '5 1 4 2 3'],
    // 'Alpha' and 'alpha' are equal at base sensitivity: id order in both directions.
    ['text with base sensitivity and numeric collation, ties by id, missing last', 'name', '1 2 4 5 3', '5 4 1 2 3'],
    ['dates chronologically, missing last', 'renewal', '4 5 1 2 3', '1 5 4 2 3'],
    ['datetimes chronologically whatever the spelling (ISO or epoch ms), missing last', 'last_contacted', '1 4 5 2 3', '5 1 4 2 3'],
    ['bools false before true', 'active', '1 5 2 3 4', '5 1 2 3 4'],
  ])('sorts %s', (_what, property, asc, desc) => {
    expect(order(property, 'asc')).toEqual(asc.split(' '));
    expect(order(property, 'desc')).toEqual(desc.split(' '));
  });

  it('orders by id without a sort, and compare agrees with evaluateView', () => {
    expect(evaluateView(view([]), RECORDS, ctx()).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    const v = view([], { sort: { property: 'amount', direction: 'desc' } });
    const compiled = compileView(v, ctx());
    expect([...RECORDS].sort(compiled.compare).map((r) => r.id)).toEqual(order('amount', 'desc'));
  });
});

describe('flipping the direction of a sorted list', () => {
  // Values that tie under the collation (case, accents), numbers spelled two ways, and gaps.
  const value = fc.constantFrom('Alpha', 'alpha', 'ÁLPHA', 'beta 9', 'beta 10', 'Beta 10', '', null, '10', '9.5', 'n/a', '2026-12-01', '1790000000000');
  const records = fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 999 }).map(String),
      name: value,
      amount: value,
      renewal: value,
      last_contacted: value,
      active: fc.constantFrom('true', 'false', null),
    }),
    { selector: (r) => r.id, maxLength: 60 },
  );

  it('gives what sorting the other way gives, for every kind of property', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('name', 'amount', 'renewal', 'last_contacted', 'active'), fc.boolean(), (rows, property, ascFirst) => {
        const list = rows.map(({ id, ...properties }) => rec(id, properties));
        const [from, to] = ascFirst ? (['asc', 'desc'] as const) : (['desc', 'asc'] as const);
        const sorted = evaluateView(view([], { sort: { property, direction: from } }), list, ctx());
        const flipped = reverseView(sorted, view([], { sort: { property, direction: from } }), ctx());
        const expected = evaluateView(view([], { sort: { property, direction: to } }), list, ctx());
        expect(flipped.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  });
});
