import type { Composer } from 'vue-i18n';
import { PALETTE_COMMANDS, type PaletteCommandId } from '../../../shared/commands/palette';
import { shortcutLabel, shortcutOf, type Shortcut } from '../../../shared/commands/shortcuts';

/** A palette action as shown: its label in the user's language and its keys, if it has any. */
export interface PaletteCommand {
  id: PaletteCommandId;
  label: string;
  keys: string[];
}

/** ⌘ on macOS, Ctrl elsewhere (both are accepted everywhere). */
export const isMac = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent);

export function commandLabel(t: Composer['t'], id: PaletteCommandId | 'palette'): string {
  if (id.startsWith('go:')) return t('palette.commands.go', { tab: t(`tabs.${id.slice(3)}`) });
  const key = { 'task:create': 'taskCreate', 'sync:now': 'syncNow' }[id as string] ?? id;
  return t(`palette.commands.${key}`);
}

export function paletteCommands(t: Composer['t']): PaletteCommand[] {
  const mac = isMac();
  return PALETTE_COMMANDS.map((id) => {
    const s: Shortcut | undefined = id === 'sync:now' || id === 'settings' ? undefined : shortcutOf(id);
    return { id, label: commandLabel(t, id), keys: s ? shortcutLabel(s, mac) : [] };
  });
}
