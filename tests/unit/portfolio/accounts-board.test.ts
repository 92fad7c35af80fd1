import { describe, expect, it } from 'vitest';
import {
  dropUpdate,
  groupAccounts,
  isEditableEnumeration,
  NO_VALUE,
  renewalWindow,
  type GroupContext,
  type HealthGroup,
} from '../../../shared/records/accounts-board';
import { messages } from '../../../src-renderer/features/portfolio/messages';
import { expectCompleteMessages } from '../../support/messages';

/** The e2e clock: Friday 27 Nov 2026, 09:00 in Warsaw (08:00 UTC). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const ZONE = 'Europe/Warsaw';
const account = (id: string, properties: Record<string, string | null>) => ({ id, properties });
const ctx = (over: Partial<GroupContext> = {}): GroupContext => ({
  now: NOW,
  timeZone: ZONE,
  healthOf: () => undefined,
  options: [],
  editable: true,
  ...over,
});
const summary = (cols: ReturnType<typeof groupAccounts>) => cols.map((c) => [c.key, c.records.map((r) => r.id)]);

describe('renewal windows', () => {
  it('counts whole days from today in the zone, with inclusive upper bounds', () => {
    expect(renewalWindow('2026-11-26', NOW, ZONE)).toBe('overdue');
    expect(renewalWindow('2026-11-27', NOW, ZONE)).toBe('within30');
    expect(renewalWindow('2026-12-27', NOW, ZONE)).toBe('within30'); // +30
    expect(renewalWindow('2026-12-28', NOW, ZONE)).toBe('within90'); // +31
    expect(renewalWindow('2027-02-25', NOW, ZONE)).toBe('within90'); // +90
    expect(renewalWindow('2027-02-26', NOW, ZONE)).toBe('within180'); // +91
    expect(renewalWindow('2027-05-26', NOW, ZONE)).toBe('within180'); // +180
    expect(renewalWindow('2027-05-27', NOW, ZONE)).toBe('later'); // +181
  });

  it('no date and a date that does not parse have no window', () => {
    expect(renewalWindow(null, NOW, ZONE)).toBeUndefined();
    expect(renewalWindow('', NOW, ZONE)).toBeUndefined();
    expect(renewalWindow('next spring', NOW, ZONE)).toBeUndefined();
  });

  it('"today" is the zone’s day: just after midnight in Warsaw, yesterday’s date is overdue (UTC still says today)', () => {
    const justAfterMidnight = Date.UTC(2026, 10, 26, 23, 30); // 00:30 on 27 Nov in Warsaw
    expect(renewalWindow('2026-11-26', justAfterMidnight, ZONE)).toBe('overdue');
    expect(renewalWindow('2026-11-26', justAfterMidnight, 'UTC')).toBe('within30');
  });

  it('groups accounts into the fixed windows in order, none last, and offers no drop target', () => {
    const cols = groupAccounts(
      [
        account('a', { renewal_date: '2027-03-01' }),
        account('b', { renewal_date: '2026-11-01' }),
        account('c', {}),
        account('d', { renewal_date: '2026-12-01' }),
      ],
      { kind: 'renewal', property: 'renewal_date' },
      ctx(),
    );
    expect(summary(cols)).toEqual([
      ['overdue', ['b']],
      ['within30', ['d']],
      ['within90', []],
      ['within180', ['a']],
      ['later', []],
      [NO_VALUE, ['c']],
    ]);
    expect(cols.every((c) => !c.droppable)).toBe(true);
  });
});

describe('health grouping', () => {
  it('uses the computed status; accounts not scored yet go to the last column; never droppable', () => {
    const status: Record<string, HealthGroup> = { a: 'atRisk', b: 'healthy' };
    const cols = groupAccounts([account('a', {}), account('b', {}), account('c', {})], { kind: 'health' }, ctx({ healthOf: (id) => status[id] }));
    expect(summary(cols)).toEqual([
      ['healthy', ['b']],
      ['neutral', []],
      ['atRisk', ['a']],
      [NO_VALUE, ['c']],
    ]);
    expect(cols.some((c) => c.droppable)).toBe(false);
  });
});

describe('enumeration grouping', () => {
  const options = [
    { value: 'Starter', label: 'Starter' },
    { value: 'Enterprise', label: 'Enterprise <b>' },
  ];
  const records = [
    account('1', { plan: 'Enterprise' }),
    account('2', { plan: 'Legacy' }),
    account('3', { plan: null }),
    account('4', { plan: 'Starter' }),
    account('5', { plan: 'Archived' }),
  ];

  it('has the options in the CRM’s order, then unknown values (shown, not targets), then no value', () => {
    const cols = groupAccounts(records, { kind: 'property', property: 'plan' }, ctx({ options }));
    expect(summary(cols)).toEqual([
      ['Starter', ['4']],
      ['Enterprise', ['1']],
      ['Archived', ['5']],
      ['Legacy', ['2']],
      [NO_VALUE, ['3']],
    ]);
    expect(cols.map((c) => c.droppable)).toEqual([true, true, false, false, true]);
    expect(cols.map((c) => c.unknown)).toEqual([false, false, true, true, false]);
    expect(cols[1]?.label).toBe('Enterprise <b>');
  });

  it('a property the CRM does not let us edit groups but offers no target', () => {
    const cols = groupAccounts(records, { kind: 'property', property: 'plan' }, ctx({ options, editable: false }));
    expect(cols.some((c) => c.droppable)).toBe(false);
  });

  it('a drop becomes one property update; the same column, a computed grouping or an unknown value is no update', () => {
    const g = { kind: 'property', property: 'plan' } as const;
    expect(dropUpdate(g, { key: 'Starter', droppable: true }, 'Enterprise')).toEqual({ plan: 'Starter' });
    expect(dropUpdate(g, { key: NO_VALUE, droppable: true }, 'Enterprise')).toEqual({ plan: null });
    expect(dropUpdate(g, { key: 'Starter', droppable: true }, null)).toEqual({ plan: 'Starter' });
    expect(dropUpdate(g, { key: 'Starter', droppable: true }, 'Starter')).toBeNull();
    expect(dropUpdate(g, { key: NO_VALUE, droppable: true }, undefined)).toBeNull();
    expect(dropUpdate(g, { key: 'Legacy', droppable: false }, 'Starter')).toBeNull();
    expect(dropUpdate({ kind: 'health' }, { key: 'healthy', droppable: true }, 'atRisk')).toBeNull();
  });
});

describe('which properties can be a board', () => {
  it('editable enumerations only: not owners, not calculated, not hidden, not other types', () => {
    expect(isEditableEnumeration({ name: 'plan', type: 'enumeration' })).toBe(true);
    expect(isEditableEnumeration({ name: 'csm_owner', type: 'enumeration', referencedObjectType: 'OWNER' })).toBe(false);
    expect(isEditableEnumeration({ name: 'calc', type: 'enumeration', modificationMetadata: { readOnlyValue: true } })).toBe(false);
    expect(isEditableEnumeration({ name: 'ok', type: 'enumeration', modificationMetadata: { readOnlyValue: false } })).toBe(true);
    expect(isEditableEnumeration({ name: 'secret', type: 'enumeration', hidden: true })).toBe(false);
    expect(isEditableEnumeration({ name: 'name', type: 'string' })).toBe(false);
  });
});

describe('messages', () => {
  it('English and Polish have the same keys, none empty', () => expectCompleteMessages(messages));
});
