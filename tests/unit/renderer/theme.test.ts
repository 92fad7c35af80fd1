import { describe, expect, it } from 'vitest';
import { applyTheme, initialTheme, saveTheme, type Theme } from '../../../src-renderer/lib/theme';

/** A stand-in for <html>: the two things applyTheme touches. */
const root = () => ({ dataset: {} as DOMStringMap, style: { colorScheme: '' } as CSSStyleDeclaration });

describe('the colour theme', () => {
  it('follows the system until the user chooses, and ignores a value it does not know', () => {
    expect(initialTheme({ getItem: () => null })).toBe('system');
    expect(initialTheme({ getItem: () => 'dark' })).toBe('dark');
    expect(initialTheme({ getItem: () => 'sepia' })).toBe('system');
  });

  it('keeps the choice where it reads it from', () => {
    const saved = new Map<string, string>();
    saveTheme({ setItem: (k, v) => void saved.set(k, v) }, 'light');
    expect(initialTheme({ getItem: (k) => saved.get(k) ?? null })).toBe('light');
  });

  it('sets data-theme for a choice and color-scheme for native controls; System leaves both to the OS', () => {
    const html = root();
    const cases: [Theme, string | undefined, string][] = [
      ['dark', 'dark', 'dark'],
      ['light', 'light', 'light'],
      ['system', undefined, 'light dark'],
    ];
    for (const [theme, attribute, scheme] of cases) {
      applyTheme(html, theme);
      expect(html.dataset['theme']).toBe(attribute);
      expect(html.style.colorScheme).toBe(scheme);
    }
  });
});
