import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/contract';
import { hostErrorWord } from '../../../src-renderer/features/connect/error-words';
import { createAppI18n } from '../../../src-renderer/i18n';

describe('hostErrorWord', () => {
  const screens = [
    { group: 'connect.errors', invalidInput: 'malformed' },
    { group: 'connect.who.errors', invalidInput: 'unknown' },
  ];

  it.each([
    ['UNAUTHORIZED', 'unauthorized'],
    ['INVALID_INPUT', 'malformed'],
    ['NETWORK', 'network'],
    ['FORBIDDEN', 'other'],
    ['INTERNAL', 'other'],
  ] as const)('words %s as %s on the connect screen', (code, word) => {
    expect(hostErrorWord({ code, message: 'm' }, 'malformed')).toBe(word);
  });

  it.each(['en', 'pl'] as const)('names a message that exists for every error code on both screens (%s)', (locale) => {
    const { global } = createAppI18n(locale);
    for (const { group, invalidInput } of screens)
      for (const code of ERROR_CODES) {
        const key = `${group}.${hostErrorWord({ code, message: 'm' }, invalidInput)}`;
        expect(global.te(key, locale), key).toBe(true);
      }
  });

  it('shows the host message in the network and other words', () => {
    const { global } = createAppI18n('en');
    expect(global.t(`connect.who.errors.${hostErrorWord({ code: 'NETWORK', message: 'offline' }, 'unknown')}`, { message: 'offline' })).toContain('(offline)');
  });
});
