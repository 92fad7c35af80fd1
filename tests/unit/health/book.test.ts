import { describe, expect, it } from 'vitest';
import { compileScores, HealthBook, type BookChange } from '../../../shared/health';
import { CTX, DAY, iso, NOW, rec } from './fixtures';

/** One criterion: at least one call in the last 30 days. */
const evaluator = compileScores(
  [
    {
      id: 's',
      name: 'Calls',
      thresholds: { healthy: 70, atRisk: 30 },
      segments: [],
      groups: [
        {
          id: 'g',
          name: 'Calls',
          maxPoints: 100,
          criteria: [{ id: 'call', kind: 'count', objectType: 'calls', comparator: 'gte', count: 1, windowDays: 30, points: 100 }],
        },
      ],
    },
  ],
  [],
  CTX,
);
const call = (id: string, daysAgo: number): BookChange => ({
  kind: 'record',
  objectType: 'calls',
  id,
  record: rec(id, { hs_timestamp: iso(NOW - daysAgo * DAY) }),
});
const link = (id: string, linked = true): BookChange => ({ kind: 'link', accountId: 'a', objectType: 'calls', id, linked });

describe('HealthBook keeps each account’s related records as the changes leave them', () => {
  it('after an association is removed from the middle, and records change and go', () => {
    const book = new HealthBook(evaluator, 'companies');
    const score = (changes: BookChange[]) => {
      book.recompute(book.apply(changes));
      return book.result('a')?.score;
    };
    book.apply([{ kind: 'record', objectType: 'companies', id: 'a', record: rec('a', { name: 'A' }) }]);
    // Only c2 is recent, and it is associated last.
    expect(score([call('c0', 60), call('c1', 90), call('c2', 2), link('c0'), link('c1'), link('c2')])).toBe(100);
    expect(score([link('c0', false)])).toBe(100);
    expect(score([link('c2', false)])).toBe(0);
    // A new version of a record counts as it is now.
    expect(score([call('c1', 1)])).toBe(100);
    expect(score([link('c1', false)])).toBe(0);
    // A record that arrives after its association counts; one deleted stops counting.
    expect(score([link('c3'), call('c3', 3)])).toBe(100);
    expect(score([{ kind: 'record', objectType: 'calls', id: 'c3', record: null }])).toBe(0);
    // Associated twice: removed by one unlink.
    expect(score([call('c0', 2), link('c0'), link('c0')])).toBe(100);
    expect(score([link('c0', false)])).toBe(0);
  });
});
