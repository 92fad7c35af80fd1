import { describe, expect, it } from 'vitest';
import { checkView, compileView, operatorsFor, propertyKindOf, ViewError, ViewSchema } from '../../../shared/views';
import type { Filter } from '../../../shared/views';
import { ctx, KINDS, view } from './fixtures';

const messages = (input: unknown): string[] => {
  const r = checkView(input, { propertyTypes: KINDS });
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('view validation', () => {
  it('accepts a plain private view and a featured Everyone view', () => {
    expect(messages(view([]))).toEqual([]);
    expect(messages(view([], { sharing: 'everyone', isDefault: true, featured: true, description: 'Renewals this quarter' }))).toEqual([]);
  });

  it('refuses default and featured on private views', () => {
    expect(messages(view([], { isDefault: true }))).toEqual(['Only views shared with Everyone can be set as default']);
    expect(messages(view([], { featured: true, description: 'x' }))).toEqual(['Only views shared with Everyone can be featured on Summary']);
  });

  it('needs a description to feature a view', () => {
    expect(messages(view([], { sharing: 'everyone', featured: true }))).toEqual(['A featured view needs a description']);
    expect(messages(view([], { sharing: 'everyone', featured: true, description: '  ' }))).toEqual(['A featured view needs a description']);
  });

  it('needs a name of 1 to 100 characters', () => {
    expect(messages(view([], { name: ' ' }))).toEqual(['View name must not be empty']);
    expect(messages(view([], { name: 'x'.repeat(101) }))).toEqual(['View name must be at most 100 characters']);
    expect(messages(view([], { name: 'x'.repeat(100) }))).toEqual([]);
  });

  it('refuses an operator that does not fit the property type, naming both', () => {
    const [m] = messages(view([[{ property: 'amount', operator: 'contains', value: '1' }]]));
    expect(m).toBe(
      'Operator "contains" does not apply to property "amount" of type number; use one of: eq, neq, gt, gte, lt, lte, between, is_known, is_unknown',
    );
    expect(messages(view([[{ property: 'csm', operator: 'is', value: '1' }]]))[0]).toMatch(/"is" does not apply to property "csm" of type owner/);
    expect(messages(view([[{ property: 'active', operator: 'eq', value: '1' }]]))[0]).toMatch(/"eq" does not apply to property "active" of type bool/);
    expect(messages(view([[{ property: 'renewal', operator: 'gt', value: '1' }]]))[0]).toMatch(/"gt" does not apply to property "renewal" of type date/);
  });

  it('accepts every offered operator on every kind and no other', () => {
    for (const [property, kind] of Object.entries(KINDS)) {
      for (const operator of ['is', 'eq', 'on', 'is_any_of', 'is_true', 'contains', 'between', 'in_period'] as const) {
        const f: Filter = { property, operator, value: '1', values: ['1'], highValue: '2' };
        const fits = operatorsFor(kind).includes(operator);
        expect(
          messages(view([[f]])).some((m) => m.startsWith(`Operator "${operator}" does not apply`)),
          `${kind} ${operator}`,
        ).toBe(!fits);
      }
    }
  });

  it('refuses missing and malformed values with the property named', () => {
    expect(messages(view([[{ property: 'amount', operator: 'gt' }]]))).toEqual(['Filter on "amount" with "gt" needs a value']);
    expect(messages(view([[{ property: 'amount', operator: 'gt', value: 'ten' }]]))).toEqual(['Filter on "amount" with "gt" needs a number, got "ten"']);
    expect(messages(view([[{ property: 'amount', operator: 'between', value: '5', highValue: '1' }]]))).toEqual([
      'Filter on "amount" with "between" has a high value below its low value',
    ]);
    expect(messages(view([[{ property: 'tier', operator: 'is_any_of', values: [] }]]))).toEqual(['Filter on "tier" with "is_any_of" needs at least one value']);
    expect(messages(view([[{ property: 'renewal', operator: 'on', value: '2026-02-30' }]]))).toEqual([
      'Filter on "renewal" with "on" needs a date YYYY-MM-DD, got "2026-02-30"',
    ]);
    expect(messages(view([[{ property: 'renewal', operator: 'in_period', value: 'someday' }]]))[0]).toMatch(
      /^Filter on "renewal" with "in_period" needs one of today, /,
    );
    expect(messages(view([[{ property: 'ghost', operator: 'is_known' }]]))).toEqual(['Filter on unknown property "ghost"']);
    expect(messages(view([], { sort: { property: 'ghost', direction: 'asc' } }))).toEqual(['Sort by unknown property "ghost"']);
  });

  it('refuses a custom quick range that ends before it starts', () => {
    expect(messages(view([], { quick: { createDate: { period: 'custom', from: '2026-02-01', to: '2026-01-01' } } }))).toEqual([
      'custom range must not end before it starts',
    ]);
  });

  it('makes compileView throw a ViewError carrying the issues', () => {
    const bad = view([[{ property: 'amount', operator: 'contains', value: '1' }]]);
    expect(() => compileView(bad, ctx())).toThrow(ViewError);
    expect(() => compileView(bad, ctx())).toThrow(/"contains" does not apply to property "amount"/);
  });

  it('round-trips a view through JSON and the schema', () => {
    const v = view([[{ property: 'tier', operator: 'is_any_of', values: ['gold'] }]], { quick: { lastActivity: { period: 'last_30_days' } } });
    expect(ViewSchema.parse(JSON.parse(JSON.stringify(v)))).toEqual(v);
  });

  it('derives the kind from a HubSpot property definition', () => {
    expect(propertyKindOf({ type: 'enumeration', referencedObjectType: 'OWNER' })).toBe('owner');
    expect(propertyKindOf({ type: 'enumeration' })).toBe('enumeration');
    expect(propertyKindOf({ type: 'datetime' })).toBe('datetime');
    expect(propertyKindOf({ type: 'object_coordinates' })).toBe('string');
  });
});
