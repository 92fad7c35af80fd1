import { readFileSync } from 'node:fs';
import { writePrivateFileSync } from '../private-file';

/**
 * The window's place and size between runs, and what the app remembers of the desktop
 * (`<data>/desktop.json`, private to the user). Restored only where a display still is: a
 * window saved on a monitor since unplugged opens at the default place instead of off-screen.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface DesktopState {
  window?: WindowState;
  /** The one-line "still running in the tray" notice was shown once. */
  hideNoticeShown?: boolean;
}

const isRect = (r: unknown): r is Rect =>
  !!r && typeof r === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((r as Record<string, unknown>)[k]));

export function readDesktopState(file: string): DesktopState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const state: DesktopState = {};
    const win = raw['window'] as Record<string, unknown> | undefined;
    if (win && isRect(win['bounds'])) state.window = { bounds: win['bounds'], maximized: win['maximized'] === true };
    if (raw['hideNoticeShown'] === true) state.hideNoticeShown = true;
    return state;
  } catch {
    return {};
  }
}

export function createDesktopStateFile(file: string, log: (line: string) => void) {
  let state = readDesktopState(file);
  return {
    get: (): DesktopState => state,
    update(patch: Partial<DesktopState>) {
      state = { ...state, ...patch };
      try {
        writePrivateFileSync(file, JSON.stringify(state));
      } catch (err) {
        log(`the window state was not saved: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    },
  };
}

/** How much of the window must be on a display (its title bar, say) to count as visible. */
const MIN_VISIBLE = { width: 100, height: 50 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved window state if it still shows on one of the displays' work areas (its size cut
 * to that display's when larger), else null: open at the default size, centred.
 */
export function restorableWindow(
  saved: WindowState | undefined,
  displays: ReadonlyArray<{ workArea: Rect }>,
  min: { width: number; height: number },
): WindowState | null {
  if (!saved) return null;
  const { bounds } = saved;
  if (bounds.width < min.width / 2 || bounds.height < min.height / 2) return null;
  const home = displays.find((d) => {
    const o = overlap(bounds, d.workArea);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  if (!home) return null;
  return {
    bounds: { ...bounds, width: Math.min(bounds.width, home.workArea.width), height: Math.min(bounds.height, home.workArea.height) },
    maximized: saved.maximized,
  };
}
