import { describe, expect, it } from 'vitest';
import { evaluateView } from '../../../shared/views';
import { groupByStage, orderedStages } from '../../../shared/pipelines/board';
import { completeGroups, fallbackKinds, filtersToView, NO_FILTERS, quickPropertiesFor, viewToFilters } from '../../../shared/pipelines/filters';
import { formatAmount, formatDay, fromDayInput, toDayInput } from '../../../shared/pipelines/format';
import { stageOutcome } from '../../../shared/pipelines/stage-kind';
import { missingProperties, requiredProperties, stageRuleKey } from '../../../shared/pipelines/stage-rules';
import { parseCommaList } from '../../../shared/views';
import { messages } from '../../../src-renderer/features/pipelines/messages';
import { expectCompleteMessages } from '../../support/messages';

const stage = (id: string, displayOrder: number, metadata: Record<string, string> = {}) => ({ id, label: `Stage ${id}`, displayOrder, metadata });

describe('stage rules', () => {
  it('unites the rule the CRM serves with the workspace rule, without duplicates', () => {
    const s = stage('closedwon', 3, { 'x-demo-requiredProperties': 'amount, closedate,' });
    const local = { [stageRuleKey('deals', 'default', 'closedwon')]: ['closedate', 'description'] };
    expect(requiredProperties('deals', 'default', s, local)).toEqual(['amount', 'closedate', 'description']);
    expect(requiredProperties('deals', 'other', s, local)).toEqual(['amount', 'closedate']);
    expect(requiredProperties('deals', 'default', stage('x', 0), {})).toEqual([]);
  });

  it('counts absent, null and blank values as missing', () => {
    expect(missingProperties(['a', 'b', 'c', 'd'], { a: '1', b: '', c: null, e: 'x' })).toEqual(['b', 'c', 'd']);
    expect(missingProperties(['a'], { a: '   ' })).toEqual(['a']);
    expect(parseCommaList(' a ,b,,a ')).toEqual(['a', 'b']);
    expect(parseCommaList(undefined)).toEqual([]);
  });
});

describe('stage outcome', () => {
  it('tells closed won from closed lost by probability, and closed tickets by state', () => {
    expect(stageOutcome('deals', { isClosed: 'true', probability: '1.0' })).toBe('won');
    expect(stageOutcome('deals', { isClosed: 'true', probability: '0.0' })).toBe('lost');
    expect(stageOutcome('deals', { isClosed: 'false', probability: '0.8' })).toBe('open');
    expect(stageOutcome('tickets', { ticketState: 'CLOSED' })).toBe('closed');
    expect(stageOutcome('tickets', { ticketState: 'OPEN' })).toBe('open');
  });
});

describe('board columns', () => {
  it('orders stages by display order and sums amounts over every record, not just rendered ones', () => {
    const stages = [stage('b', 1), stage('a', 0)];
    const records = [
      { id: '1', properties: { dealstage: 'a', amount: '100' } },
      { id: '2', properties: { dealstage: 'a', amount: '250.5' } },
      { id: '3', properties: { dealstage: 'b', amount: '' } },
      { id: '4', properties: { dealstage: 'gone', amount: '7' } },
    ];
    const { columns, unknown } = groupByStage(records, stages, 'dealstage', () => 'open');
    expect(columns.map((c) => c.stage.id)).toEqual(['a', 'b']);
    expect(columns[0]?.records.map((r) => r.id)).toEqual(['1', '2']);
    expect(columns[0]?.total).toBe(350.5);
    expect(columns[1]?.total).toBe(0);
    expect(unknown.map((r) => r.id)).toEqual(['4']);
    expect(orderedStages(stages).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('filters as a view', () => {
  const NOW = Date.UTC(2026, 10, 27, 8);
  const DAY = 86_400_000;
  const ctx = (type: string) => ({
    now: NOW,
    timeZone: 'Europe/Warsaw',
    propertyTypes: fallbackKinds(type),
    currentUserOwnerId: '60000001',
    quickProperties: quickPropertiesFor(type),
  });
  const records = [
    { id: 'mine-new', properties: { hubspot_owner_id: '60000001', createdate: new Date(NOW - 2 * DAY).toISOString(), notes_last_updated: String(NOW - DAY) } },
    { id: 'mine-old', properties: { hubspot_owner_id: '60000001', createdate: new Date(NOW - 200 * DAY).toISOString() } },
    { id: 'theirs', properties: { hubspot_owner_id: '60000002', createdate: new Date(NOW - 2 * DAY).toISOString() } },
    { id: 'nobody', properties: { createdate: new Date(NOW - 2 * DAY).toISOString() } },
  ];
  const ids = (f: typeof NO_FILTERS) =>
    evaluateView(filtersToView('deals', f, '1000001'), records, ctx('deals'))
      .map((r) => r.id)
      .sort();

  it('no filters keep every record', () => expect(ids(NO_FILTERS)).toEqual(['mine-new', 'mine-old', 'nobody', 'theirs']));
  it('owner me, someone, or nobody', () => {
    expect(ids({ ...NO_FILTERS, owner: 'me' })).toEqual(['mine-new', 'mine-old']);
    expect(ids({ ...NO_FILTERS, owner: '60000002' })).toEqual(['theirs']);
    expect(ids({ ...NO_FILTERS, owner: 'none' })).toEqual(['nobody']);
  });
  it('create date and last activity periods in the user zone', () => {
    expect(ids({ ...NO_FILTERS, createDate: 'last_7_days' })).toEqual(['mine-new', 'nobody', 'theirs']);
    expect(ids({ ...NO_FILTERS, lastActivity: 'last_7_days', owner: 'me' })).toEqual(['mine-new']);
  });
  it('advanced groups skip unfinished filters and are ANDed with the owner filter', () => {
    const kinds = { ...fallbackKinds('deals'), amount: 'number' as const };
    const groups = completeGroups(
      [
        {
          filters: [
            { property: 'amount', operator: 'gt', value: '10' },
            { property: '', operator: 'is' },
            { property: 'amount', operator: 'gt' },
          ],
        },
        { filters: [{ property: 'nope', operator: 'is_known' }] },
      ],
      kinds,
    );
    expect(groups).toEqual([{ filters: [{ property: 'amount', operator: 'gt', value: '10' }] }]);
    const view = filtersToView('deals', { ...NO_FILTERS, owner: 'me' }, '1000001', groups);
    expect(view.filterGroups).toEqual([
      {
        filters: [
          { property: 'amount', operator: 'gt', value: '10' },
          { property: 'hubspot_owner_id', operator: 'is_any_of', values: ['@me'] },
        ],
      },
    ]);
    const back = viewToFilters({ ...view, quick: { createDate: { period: 'last_30_days' } } });
    expect(back).toEqual({ owner: 'any', createDate: 'last_30_days', lastActivity: 'any', groups: view.filterGroups });
  });
  it('tickets use their last modification as last activity', () => expect(quickPropertiesFor('tickets').lastActivity).toBe('hs_lastmodifieddate'));
});

describe('formatting', () => {
  it('days round-trip through a date input as midnight UTC epoch ms', () => {
    expect(fromDayInput('2026-12-01')).toBe(String(Date.UTC(2026, 11, 1)));
    expect(toDayInput(fromDayInput('2026-12-01'))).toBe('2026-12-01');
    expect(toDayInput('2026-12-01T00:00:00.000Z')).toBe('2026-12-01');
    expect(fromDayInput('')).toBe('');
  });
  it('shows a datetime as a day in the user zone', () => {
    expect(formatDay('2026-11-26T23:30:00.000Z', 'en-US', 'Europe/Warsaw')).toBe('Nov 27, 2026');
    expect(formatDay('', 'en-US', 'Europe/Warsaw')).toBe('');
  });
  it('gives no text for an amount or a day that does not parse (the card and the table say so in words)', () => {
    expect(formatAmount('NaN', 'en-US')).toBe('');
    expect(formatAmount('1e309', 'en-US')).toBe('');
    expect(formatAmount('1200.5', 'en-US')).toBe('1,200.5');
    expect(formatDay('9999999999999999', 'en-US', 'Europe/Warsaw')).toBe('');
    expect(formatDay('2026-13-45', 'en-US', 'Europe/Warsaw')).toBe('');
  });
});

describe('messages', () => {
  it('English and Polish have the same keys, none empty', () => expectCompleteMessages(messages));
});
