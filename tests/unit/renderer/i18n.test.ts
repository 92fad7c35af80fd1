import { describe, expect, it } from 'vitest';
import { allMessages, createAppI18n, initialLocale } from '../../../src-renderer/i18n';
import { messageKeys } from '../../support/messages';

describe('languages', () => {
  it('follows the OS language until the user chooses', () => {
    const empty = { getItem: () => null };
    expect(initialLocale(empty, ['pl-PL', 'en-US'])).toBe('pl');
    expect(initialLocale(empty, ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLocale({ getItem: () => 'en' }, ['pl-PL'])).toBe('en');
    expect(initialLocale({ getItem: () => 'xx' }, ['pl'])).toBe('pl');
  });

  it('has every English message in Polish too, features included', () => {
    const { en, pl } = allMessages();
    expect(messageKeys(pl).sort()).toEqual(messageKeys(en).sort());
  });

  it('uses Polish plural forms', () => {
    const { global } = createAppI18n('pl');
    const t = (n: number) => global.t('sync.pending', n);
    expect(t(0)).toBe('Brak oczekujących zmian');
    expect(t(1)).toBe('1 oczekująca zmiana');
    expect(t(3)).toBe('3 oczekujące zmiany');
    expect(t(5)).toBe('5 oczekujących zmian');
    expect(t(12)).toBe('12 oczekujących zmian');
    expect(t(22)).toBe('22 oczekujące zmiany');
  });
});
