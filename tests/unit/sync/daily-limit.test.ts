import { describe, expect, it } from 'vitest';
import { isDailyLimit, msUntilMidnight } from '../../../shared/sync/daily-limit';

const H = 3_600_000;

describe("HubSpot's daily limit", () => {
  it('is a 429 whose body names the DAILY policy, and nothing else', () => {
    const daily = { status: 429, headers: {}, body: { status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY' } };
    expect(isDailyLimit(daily)).toBe(true);
    expect(isDailyLimit({ ...daily, body: { policyName: 'TEN_SECONDLY_ROLLING' } })).toBe(false);
    expect(isDailyLimit({ ...daily, status: 400 })).toBe(false);
    expect(isDailyLimit({ ...daily, body: 'DAILY' })).toBe(false);
  });

  it("resets at midnight on the portal's wall clock", () => {
    // Friday 27 Nov 2026, 22:30 UTC = 23:30 in Warsaw (UTC+1) = 17:30 in New York (UTC−5).
    const now = Date.UTC(2026, 10, 27, 22, 30);
    expect(msUntilMidnight(now, 'Europe/Warsaw')).toBe(0.5 * H);
    expect(msUntilMidnight(now, 'America/New_York')).toBe(6.5 * H);
    expect(msUntilMidnight(now, 'UTC')).toBe(1.5 * H);
    expect(msUntilMidnight(now)).toBe(1.5 * H);
    expect(msUntilMidnight(now, 'Not/AZone')).toBe(1.5 * H);
  });
});
