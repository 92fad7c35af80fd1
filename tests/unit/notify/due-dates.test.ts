import { describe, expect, it } from 'vitest';
import { fromLocalInput, rescheduledDue, toLocalInput, zonedInstant } from '../../../shared/notify';

const WAW = 'Europe/Warsaw';
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0); // Fri 27 Nov 2026, 09:00 Warsaw

describe('due times in the user zone', () => {
  it('quick reschedules count from today and keep the wall-clock time', () => {
    const due = Date.UTC(2026, 10, 20, 13, 30); // an overdue task, 14:30 Warsaw
    expect(toLocalInput(rescheduledDue('tomorrow', due, NOW, WAW), WAW)).toBe('2026-11-28T14:30');
    expect(toLocalInput(rescheduledDue('in-2-days', due, NOW, WAW), WAW)).toBe('2026-11-29T14:30');
    expect(toLocalInput(rescheduledDue('next-week', due, NOW, WAW), WAW)).toBe('2026-12-04T14:30');
    expect(toLocalInput(rescheduledDue('tomorrow', null, NOW, WAW), WAW)).toBe('2026-11-28T09:00');
  });

  it('"tomorrow" across the fall-back night stays at the same wall-clock time (25 h later)', () => {
    const sat = Date.UTC(2026, 9, 24, 8, 0); // Sat 24 Oct 10:00 CEST
    const next = rescheduledDue('tomorrow', sat, sat, WAW);
    expect(toLocalInput(next, WAW)).toBe('2026-10-25T10:00');
    expect(next - sat).toBe(25 * 3_600_000);
  });

  it('a time inside the spring-forward gap moves past it; a repeated time takes the first', () => {
    expect(new Date(zonedInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, WAW)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, WAW)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('datetime-local values round-trip in any zone', () => {
    for (const tz of [WAW, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) {
      expect(toLocalInput(fromLocalInput('2026-11-28T07:45', tz) as number, tz)).toBe('2026-11-28T07:45');
    }
    expect(fromLocalInput('nonsense', WAW)).toBeNull();
  });
});
