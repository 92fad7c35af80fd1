import { describe, expect, it } from 'vitest';
import { dayBounds, fromLocalInput, toLocalInput, zoneChoices } from '../../../src-renderer/features/schedule/zone-time';
import { orderPlaybooks, type Playbook } from '../../../src-renderer/stores/playbooks';

const NOW = Date.UTC(2026, 10, 27, 8); // Fri 27 Nov 2026, 09:00 in Warsaw

describe('times in a named zone', () => {
  it('shows and reads a datetime-local value in the chosen zone, not the machine’s', () => {
    expect(toLocalInput(NOW, 'Europe/Warsaw')).toBe('2026-11-27T09:00');
    expect(toLocalInput(NOW, 'America/New_York')).toBe('2026-11-27T03:00');
    expect(fromLocalInput('2026-11-27T15:00', 'Europe/Warsaw')).toBe(Date.UTC(2026, 10, 27, 14));
    expect(fromLocalInput('2026-11-27T15:00', 'America/New_York')).toBe(Date.UTC(2026, 10, 27, 20));
    expect(fromLocalInput('', 'Europe/Warsaw')).toBeNull();
    expect(fromLocalInput('not a date', 'Europe/Warsaw')).toBeNull();
  });

  it('has days of 23 and 25 hours at the DST changes', () => {
    const spring = dayBounds(Date.UTC(2026, 2, 29, 12), 'Europe/Warsaw');
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = dayBounds(Date.UTC(2026, 9, 25, 12), 'Europe/Warsaw');
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
    expect(dayBounds(NOW, 'Europe/Warsaw')).toEqual({ start: Date.UTC(2026, 10, 26, 23), end: Date.UTC(2026, 10, 27, 23) });
  });

  it('moves a time skipped by the spring change forward rather than failing', () => {
    // 02:30 does not exist in Warsaw on 29 Mar 2026; clocks jump from 02:00 to 03:00.
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Warsaw')).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('offers named zones, the current one and UTC included, sorted', () => {
    const zones = zoneChoices('Europe/Warsaw');
    expect(zones).toContain('Europe/Warsaw');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('UTC');
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });
});

describe('playbook order', () => {
  const pb = (id: string, title: string, lastUsedAt: number | null): Playbook => ({ id, title, steps: [], lastUsedAt });
  it('puts the most recently used first, then the never used by title', () => {
    const order = orderPlaybooks([pb('a', 'Zeta', null), pb('b', 'Alpha', null), pb('c', 'Renewal', 5), pb('d', 'QBR', 9)]);
    expect(order.map((p) => p.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});
