import type { NativeImage } from 'electron';
import { trayModel, type TrayItemId, type TrayStatus } from '../desktop/tray-model';

/** A 16×16 PNG (a blue disc), inline so the tray needs no file next to the bundle. */
const TRAY_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAPElEQVR42mNQTX7NQAnGJfEfByZowH8iMVYD/pOIqWsAhgJ0gMsQrAbgAiPJAHICceDTAVWSMlUyE8kYAO4mR7u3BItPAAAAAElFTkSuQmCC';

export interface TrayMenuItem {
  label: string;
  click: () => void;
  enabled?: boolean;
}

export interface TraySeparator {
  type: 'separator';
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
  Menu: { buildFromTemplate(template: Array<TrayMenuItem | TraySeparator>): MenuHandle };
  nativeImage: { createFromDataURL(dataURL: string): ImageHandle };
  /** `app.getLocale()`; the tray follows the OS language like the renderer does. */
  locale: string;
  onShow: () => void;
  onQuit: () => void;
  /** "Sync now": the page's sync runs it. */
  onSync?: () => void;
  /** The next-task line: bring the window and open this route. */
  onOpen?: (target: string) => void;
  now?: () => number;
}

export interface AppTray {
  /** Held so the tray icon is not garbage-collected. */
  readonly tray: TrayLike;
  /** The page's latest pending count and next due task; the time zone it reads them in. */
  update(status: TrayStatus, timeZone?: string): void;
  /** The pending edits the page last reported (null: unknown). */
  pendingEdits(): number | null;
}

/**
 * The tray is how the user gets the hidden window back, sees what waits to sync and what is
 * next, and quits. Its words and items come from the pure tray model; this only draws them.
 */
export function createTray(deps: TrayDeps): AppTray {
  const tray = new deps.Tray(deps.nativeImage.createFromDataURL(TRAY_ICON));
  let status: TrayStatus | null = null;
  let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const actions: Record<Exclude<TrayItemId, 'pending' | 'next'>, () => void> = {
    sync: () => deps.onSync?.(),
    open: () => deps.onShow(),
    quit: () => deps.onQuit(),
  };

  function draw() {
    const model = trayModel(status, { locale: deps.locale, timeZone, now: (deps.now ?? Date.now)() });
    const template: Array<TrayMenuItem | TraySeparator> = [];
    model.groups.forEach((group, i) => {
      if (i > 0) template.push({ type: 'separator' });
      for (const item of group) {
        const target = item.target;
        const click = item.id === 'next' ? () => (target ? deps.onOpen?.(target) : undefined) : item.id === 'pending' ? () => undefined : actions[item.id];
        template.push({ label: item.label, enabled: item.enabled, click });
      }
    });
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(deps.Menu.buildFromTemplate(template));
  }

  draw();
  // Windows and most Linux panels: a left click on the icon means "bring it back".
  tray.on('click', () => deps.onShow());
  return {
    tray,
    update(next, zone) {
      status = next;
      if (zone) timeZone = zone;
      draw();
    },
    pendingEdits: () => status?.pendingEdits ?? null,
  };
}
