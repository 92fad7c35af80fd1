import { describe, expect, it } from 'vitest';
import {
  cameOnline,
  gapBefore,
  GAP_MS,
  healthDrops,
  NO_MARKS,
  OFFLINE_GAP_MS,
  rankDigest,
  syncCompleted,
  wentOffline,
  type DigestItem,
} from '../../../shared/away';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const MIN = 60_000;

describe('gapBefore', () => {
  it('the first sync is no gap; more than 8 h since the last completed sync is', () => {
    expect(gapBefore(NO_MARKS, NOW)).toBeNull();
    const marks = syncCompleted(NO_MARKS, NOW);
    expect(gapBefore(marks, NOW + GAP_MS)).toBeNull();
    expect(gapBefore(marks, NOW + GAP_MS + 1)).toBe('time');
  });

  it('an offline stretch of 15 min or more since the last sync is a gap; a blip is not', () => {
    let marks = syncCompleted(NO_MARKS, NOW);
    marks = cameOnline(wentOffline(marks, NOW + MIN), NOW + 5 * MIN);
    expect(gapBefore(marks, NOW + 6 * MIN)).toBeNull();
    marks = cameOnline(wentOffline(marks, NOW + 10 * MIN), NOW + 10 * MIN + OFFLINE_GAP_MS);
    expect(gapBefore(marks, NOW + 40 * MIN)).toBe('offline');
    // Still offline when the sync completes (the reconnect not yet noted): it counts up to now.
    const open = wentOffline(syncCompleted(NO_MARKS, NOW), NOW + MIN);
    expect(gapBefore(open, NOW + MIN + OFFLINE_GAP_MS)).toBe('offline');
    expect(gapBefore(open, NOW + 2 * MIN)).toBeNull();
  });

  it('a completed sync starts a new period', () => {
    const marks = cameOnline(wentOffline(syncCompleted(NO_MARKS, NOW), NOW + MIN), NOW + 60 * MIN);
    expect(gapBefore(syncCompleted(marks, NOW + 61 * MIN), NOW + 62 * MIN)).toBeNull();
  });

  it('offline before the last sync does not count past it', () => {
    const offline = wentOffline(syncCompleted(NO_MARKS, NOW), NOW + MIN);
    const synced = { ...syncCompleted(offline, NOW + 30 * MIN), offlineSince: NOW + MIN };
    expect(gapBefore(cameOnline(synced, NOW + 31 * MIN), NOW + 32 * MIN)).toBeNull();
  });
});

describe('rankDigest', () => {
  const item = (over: Partial<DigestItem>): DigestItem => ({
    kind: 'dealStage',
    objectType: 'deals',
    recordId: 'x',
    accountId: 'a',
    at: NOW,
    from: null,
    to: null,
    accountArr: null,
    ...over,
  });
  it('orders by severity × revenue: a new ticket on a large account before a renewal change on a small one', () => {
    const ranked = rankDigest([
      item({ kind: 'renewalChanged', objectType: 'companies', recordId: 'c1', accountArr: '10000' }),
      item({ kind: 'ticketCreated', objectType: 'tickets', recordId: 't1', to: 'LOW', accountArr: '50000' }),
      item({ kind: 'dealStage', recordId: 'd1', accountArr: '20000', dealAmount: '90000' }),
    ]);
    expect(ranked.map((r) => [r.recordId, r.score])).toEqual([
      ['d1', 180_000],
      ['t1', 150_000],
      ['c1', 30_000],
    ]);
  });
  it('without revenue, severity decides; ties go to the newer change, then the record id', () => {
    const ranked = rankDigest([
      item({ kind: 'contactCreated', objectType: 'contacts', recordId: 'p1' }),
      item({ kind: 'healthDrop', objectType: 'companies', recordId: 'c2', to: 'atRisk', accountArr: 'n/a' }),
      item({ kind: 'taskReassigned', objectType: 'tasks', recordId: 'k2', at: NOW - 1 }),
      item({ kind: 'dealStage', recordId: 'k1', at: NOW - 1 }),
      item({ kind: 'dealStage', recordId: 'd9', at: NOW }),
    ]);
    expect(ranked.map((r) => r.recordId)).toEqual(['c2', 'd9', 'k1', 'k2', 'p1']);
  });
});

describe('healthDrops', () => {
  it('names the move down the scale and a criterion met before and not now', () => {
    const before = { a: { status: 'healthy', met: ['m', 'n'] }, b: { status: 'atRisk', met: [] }, c: { status: 'neutral', met: ['m'] } };
    const now = new Map([
      ['a', { status: 'atRisk', met: ['n'] }],
      ['b', { status: 'healthy', met: ['m'] }],
      ['c', { status: 'neutral', met: [] }],
      ['d', { status: 'atRisk', met: [] }],
    ]);
    expect(healthDrops(before, now)).toEqual([{ accountId: 'a', from: 'healthy', to: 'atRisk', criterionId: 'm' }]);
  });
});
