import { describe, expect, it } from 'vitest';
import { daysUntil, renewalBucket } from '../../../shared/health';
import { NOW, ZONE } from './fixtures';

describe('renewals on a fixed clock (Fri 2026-11-27 09:00 Europe/Warsaw)', () => {
  it('counts calendar days from today in the user’s zone', () => {
    expect(daysUntil('2026-11-27', NOW, ZONE)).toBe(0);
    expect(daysUntil('2026-12-26', NOW, ZONE)).toBe(29);
    expect(daysUntil('2026-11-20', NOW, ZONE)).toBe(-7);
    expect(daysUntil(String(Date.UTC(2026, 10, 28)), NOW, ZONE)).toBe(1); // epoch-ms wire form
    expect(daysUntil('', NOW, ZONE)).toBeUndefined();
    // 23:30 in Warsaw is already the next UTC day, but still "today" for the user.
    expect(daysUntil('2026-11-28', Date.parse('2026-11-27T22:30:00Z'), ZONE)).toBe(1);
  });

  it('puts renewals in non-overlapping buckets; "next 30 days" is days 0–29', () => {
    expect([-1, 0, 29, 30, 59, 60, 89, 90, undefined].map(renewalBucket)).toEqual([
      'overdue',
      'next30',
      'next30',
      'next60',
      'next60',
      'next90',
      'next90',
      undefined,
      undefined,
    ]);
  });
});
