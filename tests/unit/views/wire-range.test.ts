import { describe, expect, it } from 'vitest';
import { MAX_INSTANT, MIN_INSTANT, toMillis } from '../../../shared/sync';
import { parseInstant } from '../../../shared/views/wire';

/**
 * Dates a portal may hold that are none: HubSpot takes years 0001–9999, so anything outside is
 * "no date" (hostile dataset: past ±8.64e15 `Date` is invalid and `Intl` formatting throws;
 * the engine's lenient `Date.parse` reads "-99999" as the year 99999).
 */
describe('wire dates outside years 0001–9999 are no dates', () => {
  it.each([toMillis, parseInstant])('%o', (parse) => {
    expect(parse('9999999999999999')).toBeUndefined();
    expect(parse('2026-13-45')).toBeUndefined();
    expect(parse('yesterday')).toBeUndefined();
    expect(parse('')).toBeUndefined();
    expect(parse(String(MAX_INSTANT + 1))).toBeUndefined();
    expect(parse(String(MAX_INSTANT))).toBe(MAX_INSTANT);
    expect(parse('9999-12-31T23:59:59.999Z')).toBe(MAX_INSTANT);
    expect(parse('0001-01-01T00:00:00Z')).toBe(MIN_INSTANT);
    expect(parse('2026-11-27T08:00:00Z')).toBe(Date.UTC(2026, 10, 27, 8));
    expect(parse('1764230400000')).toBe(1764230400000);
  });

  it('never reads "-99999" as the year 99999', () => {
    const ms = toMillis('-99999');
    expect(ms === undefined || new Date(ms).getUTCFullYear() <= 9999).toBe(true);
    // An epoch before 1970 is a date HubSpot can hold.
    expect(parseInstant('-99999')).toBe(-99999);
  });

  it('reads HubSpot’s own form (YYYY-MM-DDTHH:mm:ss.sssZ) as every other ISO form of the instant', () => {
    const at = Date.UTC(2026, 10, 27, 8, 30, 15, 250);
    for (const form of [
      '2026-11-27T08:30:15.250Z',
      ' 2026-11-27T08:30:15.250Z ',
      '2026-11-27T08:30:15.25Z',
      '2026-11-27T09:30:15.250+01:00',
      '2026-11-27T08:30:15.250',
    ])
      expect(parseInstant(form)).toBe(at);
    expect(parseInstant('2026-13-27T08:30:15.250Z')).toBeUndefined();
    expect(parseInstant('2026-11-27T08:30:15.250X')).toBeUndefined();
  });
});
