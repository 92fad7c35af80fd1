import { describe, expect, it } from 'vitest';
import { clampDays, tripNeeds, tripWindow, type TripInput, type TripRecord } from '../../../shared/trip';
import { createZone } from '../../../shared/views/zone';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const zone = createZone('Europe/Warsaw');
const H = 3_600_000;
const rec = (id: string, properties: Record<string, string | null>): TripRecord => ({ id, properties });
const iso = (ms: number) => new Date(ms).toISOString();

function input(over: Partial<TripInput> = {}): TripInput {
  return {
    now: NOW,
    days: 7,
    zone,
    meetings: [],
    meetingLinks: new Map(),
    tasks: [],
    taskAccounts: new Map(),
    contactAccounts: new Map(),
    accounts: [],
    renewalProperty: 'renewal_date',
    healthStatus: () => null,
    ...over,
  };
}

describe('tripWindow', () => {
  it('runs from local midnight today to local midnight N days later, in the zone', () => {
    const w = tripWindow(NOW, 7, zone);
    expect(iso(w.from)).toBe('2026-11-26T23:00:00.000Z'); // 27 Nov 00:00 CET
    expect(iso(w.to)).toBe('2026-12-03T23:00:00.000Z'); // 4 Dec 00:00 CET
    const other = tripWindow(NOW, 1, createZone('America/New_York'));
    expect(iso(other.from)).toBe('2026-11-27T05:00:00.000Z');
    expect(iso(other.to)).toBe('2026-11-28T05:00:00.000Z');
  });

  it('keeps the days between 1 and 30 (default 7)', () => {
    expect([clampDays(0), clampDays(31), clampDays(Number.NaN), clampDays(3.4)]).toEqual([1, 30, 7, 3]);
  });
});

describe('tripNeeds', () => {
  it('keeps the meetings in the window with their attendees and the attendees’ accounts', () => {
    const needs = tripNeeds(
      input({
        meetings: [
          rec('m-late', { hs_meeting_title: 'QBR', hs_meeting_start_time: iso(NOW + 6 * 24 * H) }),
          rec('m-soon', { hs_meeting_title: 'Kick-off', hs_meeting_start_time: iso(NOW + 2 * H) }),
          rec('m-after', { hs_meeting_title: 'Too late', hs_meeting_start_time: iso(NOW + 8 * 24 * H) }),
          rec('m-before', { hs_meeting_title: 'Yesterday', hs_meeting_start_time: iso(NOW - 24 * H) }),
        ],
        meetingLinks: new Map([
          ['m-soon', { contacts: ['c1'], accounts: [] }],
          ['m-late', { contacts: [], accounts: ['a2'] }],
          ['m-after', { contacts: ['c9'], accounts: ['a9'] }],
        ]),
        contactAccounts: new Map([
          ['c1', ['a1']],
          ['c9', ['a9']],
        ]),
      }),
    );
    expect(needs.meetings.map((m) => m.title)).toEqual(['Kick-off', 'QBR']);
    expect(needs.contacts).toEqual(['c1']);
    expect(needs.accounts).toEqual(['a1', 'a2']);
  });

  it('takes open tasks due in the window or overdue, never completed ones or ones after it', () => {
    const needs = tripNeeds(
      input({
        tasks: [
          rec('t-due', { hs_timestamp: iso(NOW + 3 * 24 * H), hs_task_status: 'NOT_STARTED' }),
          rec('t-over', { hs_timestamp: iso(NOW - 40 * 24 * H), hs_task_status: 'IN_PROGRESS' }),
          rec('t-done', { hs_timestamp: iso(NOW + H), hs_task_status: 'COMPLETED' }),
          rec('t-later', { hs_timestamp: iso(NOW + 10 * 24 * H) }),
        ],
        taskAccounts: new Map([['t-over', ['a3']]]),
      }),
    );
    expect(needs.tasksDue).toEqual(['t-due']);
    expect(needs.tasksOverdue).toEqual(['t-over']);
    expect(needs.accounts).toEqual(['a3']);
  });

  it('counts renewals within 90 days (from today, a date is its own day) and at-risk accounts', () => {
    const needs = tripNeeds(
      input({
        accounts: [
          rec('today', { renewal_date: '2026-11-27' }),
          rec('day89', { renewal_date: '2027-02-24' }),
          rec('day90', { renewal_date: '2027-02-25' }),
          rec('past', { renewal_date: '2026-11-26' }),
          rec('ms', { renewal_date: String(Date.UTC(2026, 11, 1)) }),
          rec('risky', {}),
        ],
        healthStatus: (id) => (id === 'risky' ? 'atRisk' : 'healthy'),
      }),
    );
    expect(needs.renewals).toEqual(['today', 'day89', 'ms']);
    expect(needs.atRisk).toEqual(['risky']);
    expect(needs.accounts).toEqual(['day89', 'ms', 'risky', 'today']);
    expect(tripNeeds(input({ accounts: [rec('today', { renewal_date: '2026-11-27' })], renewalProperty: null })).renewals).toEqual([]);
  });
});
