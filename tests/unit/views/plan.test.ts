import { describe, expect, it } from 'vitest';
import { planQuery } from '../../../shared/views';
import type { Filter } from '../../../shared/views';
import { ctx, rec, view } from './fixtures';

const gold: Filter = { property: 'tier', operator: 'is_any_of', values: ['gold'] };
const big: Filter = { property: 'amount', operator: 'gte', value: '100' };
const named: Filter = { property: 'name', operator: 'is', value: 'Acme' };

describe('planQuery', () => {
  it('uses a filter every OR group shares, and drops it from the residual', () => {
    const plan = planQuery(
      view([
        [gold, big],
        [named, gold],
      ]),
      ctx(),
      ['tier', 'amount'],
    );
    expect(plan).toMatchObject({ index: 'tier', range: { anyOf: ['gold'] }, filter: gold });
    // The residual no longer checks tier: it is the index's job.
    expect(plan.residual(rec('x', { amount: '150' }))).toBe(true);
    expect(plan.residual(rec('x', { name: 'acme' }))).toBe(true);
    expect(plan.residual(rec('x', { amount: '1' }))).toBe(false);
  });

  it('uses no index when no filter is in every group, or it is not indexed, or it is a negation', () => {
    expect(planQuery(view([[gold], [big]]), ctx(), ['tier', 'amount']).index).toBeUndefined();
    expect(planQuery(view([[gold]]), ctx(), ['amount']).index).toBeUndefined();
    expect(planQuery(view([[{ property: 'tier', operator: 'is_none_of', values: ['gold'] }]]), ctx(), ['tier']).index).toBeUndefined();
    expect(planQuery(view([]), ctx(), ['tier']).index).toBeUndefined();
  });

  it('prefers exact keys over ranges', () => {
    expect(planQuery(view([[big, named]]), ctx(), ['amount', 'name'])).toMatchObject({ index: 'name', range: { equals: 'acme' } });
  });

  it('turns a quick filter into an instant range in the user zone', () => {
    const plan = planQuery(view([[gold], [big]], { quick: { createDate: { period: 'today' } } }), ctx(), ['createdate']);
    expect(plan.index).toBe('createdate');
    expect(plan.range).toEqual({ lower: Date.parse('2026-11-26T23:00:00Z'), upper: Date.parse('2026-11-27T23:00:00Z'), upperOpen: true });
  });
});
