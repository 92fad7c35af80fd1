import type { NativeImage } from 'electron';

/** A 16×16 PNG (a blue disc), inline so the tray needs no file next to the bundle. */
const TRAY_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAPElEQVR42mNQTX7NQAnGJfEfByZowH8iMVYD/pOIqWsAhgJ0gMsQrAbgAiPJAHICceDTAVWSMlUyE8kYAO4mR7u3BItPAAAAAElFTkSuQmCC';

export interface TrayMenuItem {
  label: string;
  click: () => void;
}

/** Opaque to the shell: only handed from Menu to Tray. */
export type MenuHandle = object;
/** What Electron's Tray accepts (an image, or a path); a fake returns a plain string. */
export type ImageHandle = NativeImage | string;

export interface TrayLike {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: MenuHandle | null): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayDeps {
  Tray: new (image: ImageHandle) => TrayLike;
  Menu: { buildFromTemplate(template: TrayMenuItem[]): MenuHandle };
  nativeImage: { createFromDataURL(dataURL: string): ImageHandle };
  /** `app.getLocale()`; the tray follows the OS language like the renderer does. */
  locale: string;
  onShow: () => void;
  onQuit: () => void;
}

const LABELS = {
  en: { show: 'Show CS Workspace', quit: 'Quit' },
  pl: { show: 'Pokaż CS Workspace', quit: 'Zakończ' },
} as const;

export function trayLabels(locale: string) {
  return locale.toLowerCase().startsWith('pl') ? LABELS.pl : LABELS.en;
}

/**
 * The tray is how the user gets the hidden window back and how they quit. The caller must
 * keep the returned Tray referenced: a garbage-collected Tray disappears from the panel.
 */
export function createTray(deps: TrayDeps): TrayLike {
  const labels = trayLabels(deps.locale);
  const tray = new deps.Tray(deps.nativeImage.createFromDataURL(TRAY_ICON));
  tray.setToolTip('CS Workspace');
  tray.setContextMenu(
    deps.Menu.buildFromTemplate([
      { label: labels.show, click: () => deps.onShow() },
      { label: labels.quit, click: () => deps.onQuit() },
    ]),
  );
  // Windows and most Linux panels: a left click on the icon means "bring it back".
  tray.on('click', () => deps.onShow());
  return tray;
}
