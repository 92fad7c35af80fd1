import { join } from 'node:path';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './app-protocol';

/** Where the renderer comes from, and the test every navigation and IPC sender must pass. */
export interface AppUrl {
  /** The dev server (electron-vite sets ELECTRON_RENDERER_URL), or null for the built files. */
  readonly devServerUrl: string | null;
  /** What the window loads: the dev server, or app://cs-workspace/index.html. */
  readonly entryUrl: string;
  /** The built renderer (out/renderer), served under app://cs-workspace/. */
  readonly rendererDir: string;
  /**
   * True only for the app's own pages: in dev the dev server's origin, otherwise exactly the
   * origin app://cs-workspace (file:// pages, another host or scheme, a port or credentials:
   * never).
   */
  isAppUrl(url: string): boolean;
}

/**
 * The dev server a start may use. electron-vite sets ELECTRON_RENDERER_URL in dev; a packaged
 * app never has one, so there the variable is ignored (and the log says so): anyone who can
 * set an environment variable for the app must not be able to make it load, and then trust
 * for IPC, a page from a server of their choosing.
 */
export function devServerFor(opts: { isPackaged: boolean; devServerUrl: string | undefined; log: (line: string) => void }): string | undefined {
  if (!opts.devServerUrl) return undefined;
  if (!opts.isPackaged) return opts.devServerUrl;
  opts.log('ELECTRON_RENDERER_URL is ignored: a packaged app loads only the files it ships with.');
  return undefined;
}

/**
 * `baseDir` is the folder of the bundled main script (out/main): this module is bundled
 * into out/main/index.js, so paths are relative to the bundle, not to this source file.
 */
export function createAppUrl(opts: { devServerUrl?: string | undefined; baseDir: string }): AppUrl {
  const devServerUrl = opts.devServerUrl ? opts.devServerUrl : null;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;

  return {
    devServerUrl,
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    rendererDir: join(opts.baseDir, '../renderer'),
    isAppUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (devOrigin) return parsed.origin === devOrigin;
      // WHATWG URL gives a non-special scheme the origin "null", so compare its parts:
      // `host` also holds a port, which must be absent.
      return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
    },
  };
}
