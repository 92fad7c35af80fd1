import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer comes from, and the test every navigation and IPC sender must pass. */
export interface AppUrl {
  /** The dev server (electron-vite sets ELECTRON_RENDERER_URL), or null for the built files. */
  readonly devServerUrl: string | null;
  /** The built renderer's entry; loaded with `loadFile` when there is no dev server. */
  readonly indexHtml: string;
  /** True only for the app's own page: the dev server's origin, or exactly the built index.html. */
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
  const indexHtml = join(opts.baseDir, '../renderer/index.html');
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const indexPathname = pathToFileURL(indexHtml).pathname;

  return {
    devServerUrl,
    indexHtml,
    isAppUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (devOrigin) return parsed.origin === devOrigin;
      // file: URLs have the opaque origin "null", so compare the exact file instead: any
      // other local file (a downloaded .html, say) must not count as the app.
      return parsed.protocol === 'file:' && parsed.host === '' && parsed.pathname === indexPathname;
    },
  };
}
