import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createZone } from '../../../shared/views';
import { DAY_MS, dayNumber } from '../../../shared/views/zone';

// Zones with DST at 02:00 (Warsaw, New York), at midnight (Santiago, Havana: the midnight
// does not exist on the spring-forward day), half-hour DST (Lord Howe) and none (Kolkata).
const ZONES = ['Europe/Warsaw', 'America/New_York', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kolkata'];

describe('the zone helper', () => {
  it.each(ZONES)('finds every day boundary of 2026 in %s as luxon does', (zone) => {
    const z = createZone(zone);
    const first = dayNumber(2026, 1, 1);
    for (let day = first; day < first + 366; day++) {
      const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      const start = z.startOfDay(day);
      const lux = DateTime.fromISO(iso, { zone }).startOf('day').toMillis();
      // Where midnight happens twice (Havana falls back at 01:00), luxon picks the later one;
      // the day starts at the earlier.
      if (DateTime.fromMillis(lux - 1, { zone }).toISODate() === iso) expect(start).toBeLessThan(lux);
      else expect(start, `${zone} ${iso}`).toBe(lux);
      expect(z.dayOf(start)).toBe(day);
      expect(z.dayOf(start - 1)).toBe(day - 1);
    }
  });

  it('gives the transition instant when midnight is skipped', () => {
    // Chile springs forward at 24:00 on 2026-09-05: the 6th starts at 01:00 local = 04:00Z.
    expect(new Date(createZone('America/Santiago').startOfDay(dayNumber(2026, 9, 6))).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => createZone('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
