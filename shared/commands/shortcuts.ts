import { WORKSPACE_TABS, type WorkspaceTab } from '../domain/permissions';

/**
 * The workspace's keyboard shortcuts, one list: the key handler matches against it, the
 * command palette shows each action's keys, and the "Keyboard shortcuts" sheet lists it all.
 * Ctrl/Cmd+K works everywhere (a modified key types nothing); every other shortcut is a plain
 * key and never fires while the user types in a field (`typing`).
 */
export type ShortcutCommand = 'palette' | 'shortcuts' | 'task:create' | `go:${WorkspaceTab}`;

export interface Shortcut {
  command: ShortcutCommand;
  /** Keys pressed one after the other; `Mod` is Ctrl, or ⌘ on macOS. */
  keys: readonly string[];
  /** The Mod key held with the last key. */
  mod?: boolean;
}

/** "G then a letter" opens a tab, as in many web apps; the letters follow the tabs' names. */
export const TAB_KEYS: Readonly<Record<WorkspaceTab, string>> = { summary: 's', portfolio: 'p', pipelines: 'l', schedule: 'c', tasks: 't', feed: 'f' };

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'palette', keys: ['k'], mod: true },
  { command: 'shortcuts', keys: ['?'] },
  ...WORKSPACE_TABS.map((tab): Shortcut => ({ command: `go:${tab}`, keys: ['g', TAB_KEYS[tab]] })),
  { command: 'task:create', keys: ['n'] },
];

export const shortcutOf = (command: ShortcutCommand): Shortcut | undefined => SHORTCUTS.find((s) => s.command === command);

/** The keys of a shortcut as shown: `Ctrl K` / `⌘ K`, `G T`, `?`. */
export function shortcutLabel(s: Shortcut, mac: boolean): string[] {
  const keys = s.keys.map((k) => (k.length === 1 ? k.toUpperCase() : k));
  return s.mod ? [mac ? '⌘' : 'Ctrl', ...keys] : keys;
}

/** The parts of a keydown the matcher reads; `typing` is true in a text field. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  typing: boolean;
}

/** How long the second key of a sequence (G then T) may wait. */
export const SEQUENCE_MS = 1500;

/** A stateful matcher (it remembers the first key of a sequence); `now` is in milliseconds. */
export function createShortcutMatcher(): (input: KeyInput, now: number) => ShortcutCommand | null {
  let first: { key: string; at: number } | null = null;
  return (input, now) => {
    const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
    const mod = input.ctrlKey || input.metaKey;
    if (mod && !input.altKey) {
      first = null;
      return SHORTCUTS.find((s) => s.mod && s.keys.length === 1 && s.keys[0] === key)?.command ?? null;
    }
    if (input.typing || input.altKey || mod || ['Shift', 'Control', 'Meta', 'Alt'].includes(input.key)) {
      if (input.typing) first = null;
      return null;
    }
    const pending = first && now - first.at <= SEQUENCE_MS ? first.key : null;
    first = null;
    if (pending) {
      const hit = SHORTCUTS.find((s) => !s.mod && s.keys.length === 2 && s.keys[0] === pending && s.keys[1] === key);
      if (hit) return hit.command;
    }
    const single = SHORTCUTS.find((s) => !s.mod && s.keys.length === 1 && s.keys[0] === key);
    if (single) return single.command;
    if (SHORTCUTS.some((s) => !s.mod && s.keys.length === 2 && s.keys[0] === key)) first = { key, at: now };
    return null;
  };
}

/** Whether an element takes typed text (the target of a keydown): shortcuts then stay quiet. */
export function isTypingTarget(el: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!el?.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes((el.type ?? 'text').toLowerCase());
}
