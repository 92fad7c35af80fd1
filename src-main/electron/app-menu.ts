import type { MenuHandle } from './tray';

/** A menu entry Electron fills in by itself: its items, labels (localised) and shortcuts. */
export interface RoleMenuItem {
  role: 'appMenu' | 'editMenu';
}

export interface AppMenuDeps {
  Menu: {
    buildFromTemplate(template: RoleMenuItem[]): MenuHandle;
    setApplicationMenu(menu: MenuHandle | null): void;
  };
  /** `app.isPackaged`. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * Electron gives every app a default menu with View → Reload, Force Reload and Toggle
 * Developer Tools (and their shortcuts). Nothing in the workspace needs them, and in an
 * installed app they only help someone poke at the page, so a packaged app replaces it:
 * on Windows and Linux with no menu at all (Chromium handles Ctrl+C/V/X/A/Z in text fields
 * by itself), on macOS with the app menu (About, Hide, Quit) and the Edit menu, because there
 * Cmd+C/V/X/A/Z reach a text field only through the Edit menu's items.
 * In dev the default menu stays: reload and DevTools are what a developer uses.
 */
export function applyAppMenu({ Menu, isPackaged, platform }: AppMenuDeps): void {
  if (!isPackaged) return;
  if (platform === 'darwin') {
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
    return;
  }
  Menu.setApplicationMenu(null);
}
