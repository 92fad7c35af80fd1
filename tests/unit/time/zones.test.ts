import { describe, expect, it } from 'vitest';
import { canonicalZone, homeTimeText, isAway, offsetLabel, offsetMinutes, zoneChangeToState } from '../../../shared/time';

/** Friday 27 Nov 2026, 09:00 in Warsaw (08:00 UTC): winter time in Europe. */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
/** Wednesday 1 Jul 2026, 12:00 UTC: summer time. */
const SUMMER = Date.UTC(2026, 6, 1, 12, 0, 0);

describe('zone names and offsets', () => {
  it('knows a zone by the runtime’s name and refuses an unknown one', () => {
    expect(canonicalZone('Europe/Warsaw')).toBe('Europe/Warsaw');
    expect(canonicalZone('Mars/Olympus')).toBeNull();
    expect(canonicalZone('')).toBeNull();
  });

  it('offsets follow the zone’s clock at the instant (DST included)', () => {
    expect(offsetMinutes(NOW, 'Europe/Warsaw')).toBe(60);
    expect(offsetMinutes(SUMMER, 'Europe/Warsaw')).toBe(120);
    expect(offsetMinutes(NOW, 'America/New_York')).toBe(-300);
    expect(offsetLabel(NOW, 'Europe/Lisbon')).toBe('UTC+0');
    expect(offsetLabel(NOW, 'Europe/Warsaw')).toBe('UTC+1');
    expect(offsetLabel(SUMMER, 'Europe/Warsaw')).toBe('UTC+2');
    expect(offsetLabel(NOW, 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(offsetLabel(NOW, 'America/New_York')).toBe('UTC-5');
  });

  it('is away when the current zone is another zone than home', () => {
    expect(isAway('Europe/Lisbon', 'Europe/Warsaw')).toBe(true);
    expect(isAway('Europe/Warsaw', 'Europe/Warsaw')).toBe(false);
    expect(isAway('UTC', 'Etc/UTC')).toBe(canonicalZone('UTC') !== canonicalZone('Etc/UTC'));
  });
});

describe('home time beside local time', () => {
  it('gives home’s time of day when its clocks read otherwise', () => {
    // 08:00 in Lisbon is 09:00 in Warsaw.
    expect(homeTimeText(NOW, 'Europe/Lisbon', 'Europe/Warsaw', 'en-GB')).toBe('09:00');
  });

  it('adds the weekday when home is on another day', () => {
    // 03:00 on Saturday in Warsaw is still Friday 21:00 in New York.
    const late = Date.UTC(2026, 10, 28, 2, 0, 0);
    expect(homeTimeText(late, 'America/New_York', 'Europe/Warsaw', 'en-GB')).toBe('Sat 03:00');
    expect(homeTimeText(late, 'Europe/Warsaw', 'America/New_York', 'en-GB')).toBe('Fri 21:00');
  });

  it('adds nothing at home, or where home’s clocks read the same', () => {
    expect(homeTimeText(NOW, 'Europe/Warsaw', 'Europe/Warsaw', 'en-GB')).toBeNull();
    expect(homeTimeText(NOW, 'Europe/Berlin', 'Europe/Warsaw', 'en-GB')).toBeNull();
  });
});

describe('which zone change is stated', () => {
  it('states a first trip once, then not again (as after a restart with the record kept)', () => {
    const first = zoneChangeToState('Europe/Lisbon', 'Europe/Warsaw', null);
    expect(first.state).toEqual({ current: 'Europe/Lisbon', home: 'Europe/Warsaw' });
    const again = zoneChangeToState('Europe/Lisbon', 'Europe/Warsaw', first.record);
    expect(again.state).toBeNull();
    expect(again.record).toEqual(first.record);
  });

  it('states a zone change during the trip, and a new home', () => {
    const lisbon = zoneChangeToState('Europe/Lisbon', 'Europe/Warsaw', null).record;
    expect(zoneChangeToState('America/New_York', 'Europe/Warsaw', lisbon).state).toEqual({ current: 'America/New_York', home: 'Europe/Warsaw' });
    expect(zoneChangeToState('Europe/Lisbon', 'Europe/Berlin', lisbon).state).toEqual({ current: 'Europe/Lisbon', home: 'Europe/Berlin' });
  });

  it('states nothing at home and forgets the trip, so the next one is stated again', () => {
    const lisbon = zoneChangeToState('Europe/Lisbon', 'Europe/Warsaw', null).record;
    expect(zoneChangeToState('Europe/Warsaw', 'Europe/Warsaw', lisbon)).toEqual({ state: null, record: null });
    expect(zoneChangeToState('Europe/Lisbon', 'Europe/Warsaw', null).state).not.toBeNull();
  });
});
