import { describe, expect, it } from 'vitest';
import type { AssociationRow } from '../../../shared/sync';
import { changedAssociations, mergedIds, reconcileDiff, reconcileIsDue, reconcileJitter } from '../../../shared/sync/reconcile';

const row = (fromId: string, toId: string): AssociationRow => ({ fromType: 'contacts', fromId, toType: 'companies', toId, typeIds: [1] });

describe('reconcileDiff', () => {
  it('removes what the CRM no longer has and reports what we lack', () => {
    expect(reconcileDiff(['1', '2', '3'], ['2', '3', '4'])).toEqual({ gone: ['1'], missing: ['4'] });
  });
  it('keeps everything when both sides agree, and drops everything when the CRM is empty', () => {
    expect(reconcileDiff(['1', '2'], ['2', '1'])).toEqual({ gone: [], missing: [] });
    expect(reconcileDiff(['1', '2'], [])).toEqual({ gone: ['1', '2'], missing: [] });
  });
});

describe('changedAssociations', () => {
  const fresh = { fromType: 'contacts', toType: 'companies', ids: ['1', '2', '3'], rows: [row('1', '10'), row('2', '21'), row('3', '30')] };
  it('narrows a fresh read to the records whose partners changed', () => {
    const held = [row('1', '10'), row('2', '20'), row('3', '30'), row('3', '31')];
    expect(changedAssociations(fresh, held)).toEqual({ ...fresh, ids: ['2', '3'], rows: [row('2', '21'), row('3', '30')] });
  });
  it('is undefined when nothing changed, whatever the type ids or other pairs held', () => {
    const held = [{ ...row('1', '10'), typeIds: [] }, row('2', '21'), row('3', '30'), { ...row('1', '99'), toType: 'deals' }];
    expect(changedAssociations(fresh, held)).toBeUndefined();
  });
  it('sees a record that lost its last association', () => {
    expect(changedAssociations({ ...fresh, ids: ['1'], rows: [] }, [row('1', '10')])).toEqual({ ...fresh, ids: ['1'], rows: [] });
  });
});

describe('mergedIds', () => {
  it("reads HubSpot's semicolon-separated list", () => {
    expect(mergedIds({ hs_merged_object_ids: '101;102' })).toEqual(['101', '102']);
    expect(mergedIds({ hs_merged_object_ids: '' })).toEqual([]);
    expect(mergedIds({ hs_merged_object_ids: null })).toEqual([]);
    expect(mergedIds({})).toEqual([]);
  });
});

describe('reconcile schedule', () => {
  const DAY = 86_400_000;
  it('is due about a day later, spread by ±10 %, and at once when the clock went backwards', () => {
    const mark = { lastAt: 1_000_000, jitter: 0.5, removed: 0 };
    expect(reconcileIsDue(mark, mark.lastAt + DAY - 1, DAY)).toBe(false);
    expect(reconcileIsDue(mark, mark.lastAt + DAY, DAY)).toBe(true);
    expect(reconcileIsDue({ ...mark, jitter: 0 }, mark.lastAt + 0.9 * DAY, DAY)).toBe(true);
    expect(reconcileIsDue({ ...mark, jitter: 1 }, mark.lastAt + 1.09 * DAY, DAY)).toBe(false);
    expect(reconcileIsDue(mark, mark.lastAt - 1, DAY)).toBe(true);
  });
  it('gives types different, stable jitters', () => {
    const j = ['companies', 'contacts', 'deals', 'tickets'].map((t) => reconcileJitter(t, 42));
    expect(new Set(j).size).toBe(4);
    for (const x of j) expect(x).toBeGreaterThanOrEqual(0);
    for (const x of j) expect(x).toBeLessThan(1);
    expect(reconcileJitter('deals', 42)).toBe(j[2]);
  });
});
