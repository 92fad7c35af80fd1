import { describe, expect, it } from 'vitest';
import { formatDue, parseDue } from '../../../src-renderer/features/tasks/format';

/** A task's due time as the CRM holds it, including values that are no dates (hostile dataset). */
describe('parseDue', () => {
  it('reads epoch ms and ISO, and nothing else', () => {
    expect(parseDue('1764230400000')).toBe(1764230400000);
    expect(parseDue('2026-11-27T08:00:00Z')).toBe(Date.UTC(2026, 10, 27, 8));
    for (const v of [null, undefined, '', '2026-13-45', 'yesterday']) expect(parseDue(v)).toBeNull();
  });

  it('gives no due time past year 9999, so formatting never throws', () => {
    expect(parseDue('9999999999999999')).toBeNull();
    expect(formatDue(Date.UTC(2026, 10, 27, 8), 'Europe/Warsaw', 'en-US')).toContain('2026');
  });
});
