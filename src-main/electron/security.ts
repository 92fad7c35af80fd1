import type { HandlerDetails, HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Shell, WindowOpenHandlerResponse } from 'electron';
import { isAllowedExternalUrl, linkScheme } from '../../shared/contract';
import type { AppUrl } from './app-url';
import type { PreventableEvent } from './events';

// One policy for both hosts (src-main/host/csp.ts); re-exported for the shell's tests.
export { CONTENT_SECURITY_POLICY } from '../host/csp';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

/** The only permission the renderer ever needs: due-task notifications. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** The parts of a WebContents the guards attach to (every WebContents, not only ours). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { readonly url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse): void;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (details: Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>, callback: (response: HeadersReceivedResponse) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export interface SecurityDeps {
  app: {
    on(event: 'web-contents-created', listener: (event: PreventableEvent, contents: GuardedContents) => void): unknown;
  };
  session: SessionLike;
  shell: Pick<Shell, 'openExternal'>;
  appUrl: AppUrl;
  log: (line: string) => void;
}

/**
 * Hardening that does not depend on any one window: it is installed before the first
 * window exists, and `web-contents-created` covers every WebContents Electron ever makes,
 * so nothing created later (a devtools-opened page, a stray child) escapes it.
 */
export function applySecurity({ app, session, shell, appUrl, log }: SecurityDeps): void {
  // Covers the dev server and every http(s) response. The built renderer's app:// answers
  // carry the policy themselves (electron/app-protocol.ts), and its index.html also has it in
  // a <meta http-equiv> tag, as a second layer.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  // Both handlers: the request handler answers prompts, the check handler answers
  // synchronous queries (e.g. Notification.permission); Electron grants by default otherwise.
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!appUrl.isAppUrl(event.url)) event.preventDefault();
    });
    // No second window, ever. A link the user clicked goes to the system browser, but only
    // if it passes the same allow-list as shell:openExternal (https, mailto, tel).
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) {
        // The scheme only: the link itself (an address, a meeting passcode) stays out of the log.
        shell.openExternal(url).catch(() => log(`could not open an external ${linkScheme(url)} link`));
      }
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
