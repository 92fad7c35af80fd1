import { describe, expect, it } from 'vitest';
import { commandQuery, matchesCommand, PALETTE_COMMANDS } from '../../../shared/commands/palette';
import { createShortcutMatcher, isTypingTarget, SEQUENCE_MS, SHORTCUTS, shortcutLabel, type KeyInput } from '../../../shared/commands/shortcuts';

const key = (k: string, more: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...more });

describe('keyboard shortcuts', () => {
  it('opens the palette with Ctrl+K or Cmd+K, even in a field', () => {
    const match = createShortcutMatcher();
    expect(match(key('k', { ctrlKey: true }), 0)).toBe('palette');
    expect(match(key('K', { metaKey: true, typing: true }), 0)).toBe('palette');
    expect(match(key('k', { ctrlKey: true, altKey: true }), 0)).toBeNull();
  });

  it('runs plain keys and G sequences only outside text fields, the second key in time', () => {
    const match = createShortcutMatcher();
    expect(match(key('?'), 0)).toBe('shortcuts');
    expect(match(key('?', { typing: true }), 0)).toBeNull();
    expect(match(key('g'), 0)).toBeNull();
    expect(match(key('t'), 100)).toBe('go:tasks');
    expect(match(key('g'), 1000)).toBeNull();
    expect(match(key('t'), 1000 + SEQUENCE_MS + 1)).toBeNull();
    expect(match(key('g'), 5000)).toBeNull();
    expect(match(key('t', { typing: true }), 5100)).toBeNull();
    expect(match(key('n'), 6000)).toBe('task:create');
    expect(match(key('n', { typing: true }), 6000)).toBeNull();
  });

  it('names every key once, shown with the platform modifier', () => {
    const combos = SHORTCUTS.map((s) => `${s.mod ? 'mod+' : ''}${s.keys.join(' ')}`);
    expect(new Set(combos).size).toBe(combos.length);
    expect(shortcutLabel(SHORTCUTS[0]!, true)).toEqual(['⌘', 'K']);
    expect(shortcutLabel(SHORTCUTS[0]!, false)).toEqual(['Ctrl', 'K']);
  });

  it('treats text inputs, text areas, selects and editable content as typing; buttons and checkboxes not', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('palette commands', () => {
  it('reads commands after > or when nothing is typed, a search otherwise', () => {
    expect(commandQuery('')).toBe('');
    expect(commandQuery('  >  go ta')).toBe('go ta');
    expect(commandQuery('acme')).toBeNull();
  });

  it('matches word starts, accents and case ignored', () => {
    expect(matchesCommand('Go to Tasks', 'go ta')).toBe(true);
    expect(matchesCommand('Przejdź do: Zadania', 'przejdz zad')).toBe(true);
    expect(matchesCommand('Go to Tasks', 'asks')).toBe(false);
    expect(PALETTE_COMMANDS).toContain('go:tasks');
  });
});
