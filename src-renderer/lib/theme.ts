import { THEMES, type Theme } from '../../shared/contract/theme';

/**
 * The colour theme: the operating system's (`prefers-color-scheme`) unless the user chose light or
 * dark in Settings. The choice is a preference of this computer, kept like the language; the
 * desktop host is told it too (`desktop:setTheme`), so what the OS draws for the app follows.
 */
export { THEMES, type Theme };
const STORAGE_KEY = 'cs.theme';

export function initialTheme(storage: Pick<Storage, 'getItem'>): Theme {
  const saved = storage.getItem(STORAGE_KEY);
  return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'system';
}

export function saveTheme(storage: Pick<Storage, 'setItem'>, theme: Theme): void {
  storage.setItem(STORAGE_KEY, theme);
}

/**
 * Applies a theme to the document's root: `data-theme` picks the tokens (theme.css; absent, the
 * OS decides) and `color-scheme` makes native controls, scroll bars and dialogs follow.
 */
export function applyTheme(root: Pick<HTMLElement, 'dataset' | 'style'>, theme: Theme): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
}
