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
 * Applies a theme to the document's root: `color-scheme` picks the light or the dark value of
 * every colour token (theme.css: `light-dark()`; 'light dark', the OS decides) and makes native
 * controls, scroll bars and dialogs follow; `data-theme` (absent for System) says the choice.
 */
export function applyTheme(root: Pick<HTMLElement, 'dataset' | 'style'>, theme: Theme): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
}
