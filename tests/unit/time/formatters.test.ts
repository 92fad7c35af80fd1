import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../../shared/time';

describe('kept Intl formatters', () => {
  it('one formatter per locale and options, formatting as a new one would', () => {
    const at = Date.UTC(2026, 10, 27, 8, 5);
    const a = dateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' });
    expect(dateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' })).toBe(a);
    expect(a.format(at)).toBe(new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' }).format(at));
    expect(a.format(at)).toBe('09:05');
    // Another zone, locale or option is another formatter.
    expect(dateTimeFormat('pl-PL', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(at)).toBe('17:05');
    expect(dateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' })).not.toBe(a);
    expect(numberFormat('pl-PL', { maximumFractionDigits: 0 }).format(12345.6)).toBe(
      new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 0 }).format(12345.6),
    );
  });

  it('an unknown zone throws as Intl does, every time, and keeps nothing', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
