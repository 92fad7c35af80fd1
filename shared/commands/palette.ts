import { WORKSPACE_TABS } from '../domain/permissions';
import type { ShortcutCommand } from './shortcuts';

/**
 * The actions the command palette lists (Ctrl/Cmd+K, then `>` or nothing typed), in order:
 * each exists elsewhere in the app — a tab, the Tasks tab's "Create task" form, the sync
 * status's "Sync now", Settings, the shortcuts sheet. Logging a note, call or meeting needs a
 * record, so it stays in the record preview's actions.
 */
export type PaletteCommandId = Exclude<ShortcutCommand, 'palette'> | 'sync:now' | 'settings';

export const PALETTE_COMMANDS: readonly PaletteCommandId[] = [
  ...WORKSPACE_TABS.map((tab) => `go:${tab}` as const),
  'task:create',
  'sync:now',
  'settings',
  'shortcuts',
];

/** What the palette reads as a command query: text after `>`, or everything when nothing is typed. */
export function commandQuery(text: string): string | null {
  const t = text.trimStart();
  if (t === '') return '';
  return t.startsWith('>') ? t.slice(1).trim() : null;
}

/** Every word typed is the start of a word of the label (case and accents ignored). */
export function matchesCommand(label: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(label).split(/[^\p{L}\p{N}]+/u);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)));
}
