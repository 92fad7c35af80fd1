import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

/**
 * The built renderer is served from `app://cs-workspace/`, a scheme of our own, instead of
 * `file://`. On file:// every local file shares one opaque origin, so the CSP's 'self' and the
 * IPC sender check can only name a path; app://cs-workspace is a real origin that nothing but
 * out/renderer lives under. This module does not import Electron, so Node tests serve real
 * requests with it; the shell registers it (registerAppScheme, handleAppProtocol).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cs-workspace';
/** The page a packaged window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Electron's CustomScheme privileges, every one named so none is left to a default. */
export interface AppSchemePrivileges {
  standard: boolean;
  secure: boolean;
  supportFetchAPI: boolean;
  corsEnabled: boolean;
  bypassCSP: boolean;
  allowServiceWorkers: boolean;
  stream: boolean;
  codeCache: boolean;
}

/**
 * The least the workspace needs from its scheme:
 * - `standard`: URLs with a host and a path, so `./assets/x.js` and
 *   `new URL('./sync.worker.ts', import.meta.url)` resolve as they do over http, and a tuple
 *   origin (app://cs-workspace) rather than an opaque one: IndexedDB (Dexie, the outbox),
 *   localStorage and Web Locks are kept per origin and refused to an opaque one, and a module
 *   Worker must come from its page's origin.
 * - `secure`: a secure context like https, which Web Locks (the sync's leader election) and
 *   crypto.randomUUID require.
 * - `supportFetchAPI`: `fetch()` of our own files (module scripts and workers load without it,
 *   but code that fetches an asset by its URL would not).
 * - `codeCache`: V8 keeps the compiled code of our scripts, as Chromium does for http(s), so a
 *   start after the second compiles far less. Measured in Chromium over http (the web host, the
 *   same cache): a load that consumed the cache spent 560–590 ms of the page's main thread to
 *   Summary, against 630–740 ms that compiled (docs/performance.md, P11). V8 checks each
 *   entry against its script's source, and our file names carry a content hash.
 * Not granted: `corsEnabled` (it would let pages of other origins read our files; every request
 * of ours is same-origin), `bypassCSP` (our CSP must apply), `allowServiceWorkers` (the service
 * worker is for the web host only), `stream` (no media).
 */
export const APP_SCHEME_PRIVILEGES: Readonly<AppSchemePrivileges> = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
  codeCache: true,
});

/** What the handler reads of Electron's Request (a web Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** The slice of Electron's `protocol` used here; index.ts hands over the real one. */
export interface AppProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: AppSchemePrivileges }>): void;
  handle(scheme: string, handler: (request: AppRequest) => Promise<Response>): void;
}

/** Must run before the app is ready (Electron fixes a scheme's privileges at start-up). */
export function registerAppScheme(protocol: Pick<AppProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After ready: app://cs-workspace/<path> answers with the file <rendererDir>/<path>. */
export function handleAppProtocol(protocol: Pick<AppProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Sent with every answer, found or not: the page's policy travels with the page. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/**
 * The file an app:// URL names inside `rendererDir`, or null when it names none we serve:
 * another scheme or host, credentials or a port, and any path segment that is empty, `.` or
 * `..`, or that holds a slash, backslash, colon or NUL once percent-decoded (`%2e%2e`, `%2f`,
 * `%5c`, `%00`). Each segment is decoded on its own, so an encoded slash can never make two
 * segments out of one, and the result must still lie under `rendererDir`.
 */
export function appFilePath(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') return null;
  const root = resolve(rendererDir);
  if (parsed.pathname === '/') return resolve(root, 'index.html');
  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

function answer(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

/**
 * Answers one app:// request from the files under `rendererDir` (out/renderer; inside app.asar
 * when packaged, which Electron's fs reads like a folder). GET and HEAD only; anything not
 * found or refused is a plain 404 that does not say which.
 */
export async function serveAppRequest(request: AppRequest, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = appFilePath(request.url, rendererDir);
  let content: Buffer | null = null;
  if (file !== null) {
    try {
      content = await readFile(file);
    } catch {
      // Missing, a folder, unreadable: all the same to the page.
    }
  }
  if (file === null || content === null) return answer(404, 'Not found', 'text/plain; charset=utf-8');
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return answer(200, request.method === 'HEAD' ? null : new Uint8Array(content), type);
}
