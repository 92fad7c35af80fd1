import { describe, expect, it } from 'vitest';
import { evaluateView, operatorsFor, PROPERTY_KINDS } from '../../../shared/views';
import type { Filter, Operator, PropertyKind } from '../../../shared/views';
import { ctx, KINDS, rec, view } from './fixtures';

const RECORDS = [
  rec('r1', {
    name: 'Acme Corp',
    phone: '+48 22 123',
    amount: '1000',
    renewal: '2026-12-01',
    last_contacted: '2026-11-27T10:00:00Z',
    tier: 'gold;silver',
    csm: '11',
    active: 'true',
  }),
  rec('r2', {
    // Warsaw: 23:30 on the 26th. The renewal is epoch ms of 2026-11-27 midnight UTC.
    name: 'acme corp',
    phone: '',
    amount: '250.5',
    renewal: String(Date.parse('2026-11-27')),
    last_contacted: String(Date.parse('2026-11-26T22:30:00Z')),
    tier: 'bronze',
    csm: '22',
    active: 'false',
  }),
  rec('r3', {}),
  rec('r4', { name: 'Globex', amount: 'abc', renewal: 'not a date', last_contacted: null, tier: '', csm: '11', active: 'maybe' }),
  rec('r5', {
    // Warsaw: 00:30 on the 28th.
    name: 'Initech',
    amount: '-5',
    renewal: '2027-01-15',
    last_contacted: '2026-11-28T00:30:00+01:00',
    tier: 'gold',
    csm: '33',
    active: 'TRUE',
  }),
];

type Case = [operator: Operator, args: Partial<Filter>, expected: string];
const CASES: Record<string, Case[]> = {
  name: [
    ['is', { value: 'ACME CORP' }, 'r1 r2'],
    ['is_not', { value: 'acme corp' }, 'r3 r4 r5'],
    ['contains', { value: 'CORP' }, 'r1 r2'],
    ['not_contains', { value: 'corp' }, 'r3 r4 r5'],
    ['is_any_of', { values: ['globex', 'Initech'] }, 'r4 r5'],
    ['is_none_of', { values: ['globex'] }, 'r1 r2 r3 r5'],
    ['is_known', {}, 'r1 r2 r4 r5'],
    ['is_unknown', {}, 'r3'],
  ],
  phone: [
    ['is', { value: '+48 22 123' }, 'r1'],
    ['is_not', { value: '+48 22 123' }, 'r2 r3 r4 r5'],
    ['contains', { value: '22 1' }, 'r1'],
    ['not_contains', { value: '22' }, 'r2 r3 r4 r5'],
    ['is_any_of', { values: ['+48 22 123', '555'] }, 'r1'],
    ['is_none_of', { values: ['+48 22 123'] }, 'r2 r3 r4 r5'],
    ['is_known', {}, 'r1'],
    ['is_unknown', {}, 'r2 r3 r4 r5'],
  ],
  amount: [
    ['eq', { value: '1000.0' }, 'r1'],
    ['neq', { value: '1000' }, 'r2 r3 r4 r5'],
    ['gt', { value: '250.5' }, 'r1'],
    ['gte', { value: '250.5' }, 'r1 r2'],
    ['lt', { value: '0' }, 'r5'],
    ['lte', { value: '250.5' }, 'r2 r5'],
    ['between', { value: '-5', highValue: '250.5' }, 'r2 r5'],
    ['is_known', {}, 'r1 r2 r5'],
    ['is_unknown', {}, 'r3 r4'],
  ],
  renewal: [
    ['on', { value: '2026-11-27' }, 'r2'],
    ['before', { value: '2026-12-01' }, 'r2'],
    ['after', { value: '2026-12-01' }, 'r5'],
    ['between', { value: '2026-11-27', highValue: '2026-12-01' }, 'r1 r2'],
    ['in_period', { value: 'today' }, 'r2'],
    ['before_now', {}, ''],
    ['after_now', {}, 'r1 r2 r5'],
    ['is_known', {}, 'r1 r2 r5'],
    ['is_unknown', {}, 'r3 r4'],
  ],
  last_contacted: [
    ['on', { value: '2026-11-27' }, 'r1'],
    ['before', { value: '2026-11-27' }, 'r2'],
    ['after', { value: '2026-11-27' }, 'r5'],
    ['between', { value: '2026-11-26', highValue: '2026-11-27' }, 'r1 r2'],
    ['in_period', { value: 'yesterday' }, 'r2'],
    ['before_now', {}, 'r2'],
    ['after_now', {}, 'r1 r5'],
    ['is_known', {}, 'r1 r2 r5'],
    ['is_unknown', {}, 'r3 r4'],
  ],
  tier: [
    ['is_any_of', { values: ['silver', 'bronze'] }, 'r1 r2'],
    ['is_none_of', { values: ['gold'] }, 'r2 r3 r4'],
    ['is_known', {}, 'r1 r2 r5'],
    ['is_unknown', {}, 'r3 r4'],
  ],
  csm: [
    ['is_any_of', { values: ['@me', '33'] }, 'r1 r4 r5'],
    ['is_none_of', { values: ['@me'] }, 'r2 r3 r5'],
    ['is_known', {}, 'r1 r2 r4 r5'],
    ['is_unknown', {}, 'r3'],
  ],
  active: [
    ['is_true', {}, 'r1 r5'],
    ['is_false', {}, 'r2'],
    ['is_known', {}, 'r1 r2 r5'],
    ['is_unknown', {}, 'r3 r4'],
  ],
};

/** The ids of the records in a view with these filter groups, on the fixed context changed by `over`. */
const ids = (groups: Filter[][], over = {}): string =>
  evaluateView(view(groups), RECORDS, ctx(over))
    .map((r) => r.id)
    .join(' ');
const run = (filter: Filter, over = {}): string => ids([[filter]], over);

describe('each operator on each property type', () => {
  for (const [property, cases] of Object.entries(CASES)) {
    describe(`${property} (${KINDS[property]})`, () => {
      it.each(cases)('%s %j → %s', (operator, args, expected) => {
        expect(run({ property, operator, ...args })).toBe(expected);
      });
    });
  }

  it('covers every kind, and every operator offered for it', () => {
    const kinds = Object.entries(CASES).map(([property, cases]) => {
      const kind = KINDS[property] as PropertyKind;
      expect(cases.map(([op]) => op).sort(), kind).toEqual([...operatorsFor(kind)].sort());
      return kind;
    });
    expect(kinds.sort()).toEqual([...PROPERTY_KINDS].sort());
  });

  it('matches enumeration options exactly (option values are internal names)', () => {
    expect(run({ property: 'tier', operator: 'is_any_of', values: ['GOLD'] })).toBe('');
  });

  it('matches nothing for @me when the current user has no owner id', () => {
    expect(run({ property: 'csm', operator: 'is_any_of', values: ['@me'] }, { currentUserOwnerId: undefined })).toBe('');
  });

  it('takes day-based date filters in the user zone: New York sees other days', () => {
    // In New York r1 is 05:00 on the 27th, r2 17:30 on the 26th, r5 18:30 on the 27th.
    expect(run({ property: 'last_contacted', operator: 'on', value: '2026-11-27' }, { timeZone: 'America/New_York' })).toBe('r1 r5');
  });
});

describe('AND within a group, OR between groups', () => {
  const gold: Filter = { property: 'tier', operator: 'is_any_of', values: ['gold'] };
  const mine: Filter = { property: 'csm', operator: 'is_any_of', values: ['@me'] };
  const big: Filter = { property: 'amount', operator: 'gte', value: '250' };

  it('ANDs the filters of a group', () => {
    expect(ids([[gold, mine]])).toBe('r1');
    expect(ids([[mine, big]])).toBe('r1');
  });

  it('ORs the groups', () => {
    expect(ids([[gold], [big]])).toBe('r1 r2 r5');
    expect(ids([[gold, mine], [{ property: 'active', operator: 'is_false' }]])).toBe('r1 r2');
  });

  it('matches everything without groups and with an empty group', () => {
    expect(ids([])).toBe('r1 r2 r3 r4 r5');
    expect(ids([[]])).toBe('r1 r2 r3 r4 r5');
  });

  it('applies quick filters to every group', () => {
    const v = view([[gold], [big]], { quick: { lastActivity: { period: 'today' } } });
    const c = ctx({ quickProperties: { lastActivity: 'last_contacted' } });
    expect(evaluateView(v, RECORDS, c).map((r) => r.id)).toEqual(['r1']);
    const custom = view([], { quick: { createDate: { period: 'custom', from: '2026-11-26', to: '2026-11-28' } } });
    expect(evaluateView(custom, RECORDS, ctx({ quickProperties: { createDate: 'last_contacted' } })).map((r) => r.id)).toEqual(['r1', 'r2', 'r5']);
  });
});
