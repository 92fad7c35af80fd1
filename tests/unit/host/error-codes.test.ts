import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../../shared/contract';

/** The host's error codes, as a list the renderer checks a CRM call's code against. */
describe('isErrorCode', () => {
  it.each(ERROR_CODES)('knows %s', (code) => {
    expect(isErrorCode(code)).toBe(true);
  });

  it.each([['MISSING_SCOPES'], ['VALIDATION_ERROR'], ['network'], [''], [undefined], [null], [401]])('refuses %s', (x) => {
    expect(isErrorCode(x)).toBe(false);
  });
});
