import { describe, expect, it } from 'vitest';
import { EN_PLACEHOLDERS, formatPropertyValue, type FormattableProperty } from '../../../src-renderer/lib/format-value';

/** What the tables and the record preview show for values that do not parse as their kind. */
const ctx = { ownerNames: new Map([['60000001', 'Alex Morgan']]), timeZone: 'Europe/Warsaw', datetimes: 'day' as const };
const prop = (kind: FormattableProperty['kind'], name?: string, options: FormattableProperty['options'] = []): FormattableProperty => ({
  kind,
  options,
  ...(name ? { name } : {}),
});
const show = (p: FormattableProperty, v: string) => formatPropertyValue(p, v, ctx);

describe('formatPropertyValue with values a portal may hold', () => {
  it('formats dates as toLocaleString would, with one cached formatter per style and zone', () => {
    const ms = Date.UTC(2026, 10, 27, 23, 30);
    const v = new Date(ms).toISOString();
    expect(show(prop('datetime'), v)).toBe(new Date(ms).toLocaleDateString(undefined, { timeZone: 'Europe/Warsaw' }));
    expect(formatPropertyValue(prop('datetime'), v, { ...ctx, timeZone: 'America/New_York' })).toBe(
      new Date(ms).toLocaleDateString(undefined, { timeZone: 'America/New_York' }),
    );
    expect(formatPropertyValue(prop('datetime'), v, { ...ctx, datetimes: 'dayAndTime' })).toBe(
      new Date(ms).toLocaleString(undefined, { timeZone: 'Europe/Warsaw', dateStyle: 'medium', timeStyle: 'short' }),
    );
    // The day changes across zones here: a formatter cached for one zone must not serve another.
    expect(show(prop('datetime'), v)).not.toBe(formatPropertyValue(prop('datetime'), v, { ...ctx, timeZone: 'America/New_York' }));
  });

  it('says in words that a date does not parse, never "Invalid Date" or the year 99999', () => {
    for (const v of ['2026-13-45', '9999999999999999', 'yesterday']) {
      expect(show(prop('datetime'), v)).toBe(EN_PLACEHOLDERS.invalidDate);
      expect(show(prop('date'), v)).toBe(EN_PLACEHOLDERS.invalidDate);
    }
    expect(show(prop('date'), '2026-11-27')).toBe(new Date(Date.UTC(2026, 10, 27)).toLocaleDateString(undefined, { timeZone: 'UTC' }));
    expect(show(prop('datetime'), '')).toBe('');
  });

  it('says in words that a number does not parse, never "NaN" or "Infinity"', () => {
    for (const v of ['NaN', '1e309', '-Infinity', '12,5', '１２３']) expect(show(prop('number'), v)).toBe(EN_PLACEHOLDERS.invalidNumber);
    expect(show(prop('number'), '24000')).toBe('24000');
  });

  it('names an owner the CRM no longer lists and a stage the pipeline no longer has', () => {
    expect(show(prop('owner'), '60000001')).toBe('Alex Morgan');
    expect(show(prop('owner'), '60009999')).toBe('Unknown owner (60009999)');
    const stage = prop('enumeration', 'dealstage', [{ value: '1001001', label: 'Renewal upcoming' }]);
    expect(show(stage, '1001001')).toBe('Renewal upcoming');
    expect(show(stage, 'removed-stage-7731')).toBe('Unknown stage (removed-stage-7731)');
    // Any other enumeration shows an unknown option as it is: it is data.
    expect(show(prop('enumeration', 'csm_sentiment', [{ value: 'Good', label: 'Good' }]), 'Furious <b>')).toBe('Furious <b>');
  });

  it('uses the placeholders it is given (the user’s language)', () => {
    const pl = {
      invalidDate: 'Nieprawidłowa data',
      invalidNumber: 'Nieprawidłowa liczba',
      unknownOwner: (id: string) => `Nieznany właściciel (${id})`,
      unknownStage: (id: string) => `Nieznany etap (${id})`,
    };
    expect(formatPropertyValue(prop('datetime'), '2026-13-45', { ...ctx, placeholders: pl })).toBe('Nieprawidłowa data');
    expect(formatPropertyValue(prop('owner'), '1', { ...ctx, placeholders: pl })).toBe('Nieznany właściciel (1)');
  });
});
