import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Faults } from '../faults';
import type { Grant } from '../oauth/credentials';
import { requiredScopes } from '../oauth/scopes';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';
import { tooMany } from './rate-limit';
import type { Req, Res, Router } from './router';

export interface ServerDeps {
  /** What a bearer token of this portal may do, or null (unknown, expired, revoked); every token shares the portal's limits. */
  grant(token: string): Grant | null;
  /** The Host header values this server answers to (its loopback name and port); others get 421. */
  hosts(): readonly string[];
  api: Router;
  demo: Router;
  /** Routes that take no bearer token and count against no limit (OAuth: the token is in the path or the form body). */
  open: Router;
  faults: Faults;
  limiter: RateLimiter;
  /** Makes the writes of this request durable; called before any answer is sent. */
  commit(): void;
}

const MAX_BODY = 20 * 1024 * 1024;
/** Past this, an oversized body is no longer read: the connection closes after the 413. */
const DRAIN_LIMIT = 64 * 1024 * 1024;
/** HubSpot's front door refuses longer request lines (path + query) with 414. */
export const MAX_URI_BYTES = 8192;
/**
 * Node's own header limit (16 KiB by default) would reset longer request lines; the server
 * raises it so that URLs well past MAX_URI_BYTES still get a proper 414.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The request pipeline: auth, demo controls, faults, rate limits, body parsing, routing, error bodies. */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { status: 'error', message: String(e), correlationId: randomUUID(), category: 'INTERNAL_ERROR' }, {});
      else res.destroy();
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const correlationId = randomUUID();
  const rawUrl = req.url ?? '/';
  const headers: Record<string, string> = { 'X-HubSpot-Correlation-Id': correlationId };
  // Every answer goes out after the request's writes are on disk (a 2xx means durable).
  const reply = (status: number, body: unknown, extra: Record<string, string> = {}, html?: string): void => {
    deps.commit();
    if (html === undefined) send(res, status, body, { ...headers, ...extra });
    else sendHtml(res, status, html, { ...headers, ...extra });
  };
  const fail = (e: HttpError, extra: Record<string, string> = {}): void => reply(e.status, e.body(correlationId), extra);

  // DNS rebinding: a foreign name resolved to 127.0.0.1 arrives with its own Host header.
  if (!deps.hosts().includes(req.headers.host ?? '')) {
    await drain(req);
    return fail(new HttpError(421, 'MISDIRECTED_REQUEST', 'Unknown Host header: this demo CRM answers only to its own loopback address.'));
  }

  const uriBytes = Buffer.byteLength(rawUrl);
  if (deps.faults.state.uriLimit && uriBytes > MAX_URI_BYTES) {
    await drain(req);
    return fail(uriTooLong(uriBytes));
  }

  const url = new URL(rawUrl, 'http://127.0.0.1');
  let path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();

  // Most requests are not for the open routes: look first, rather than build a 404 error per request.
  const openRoute = deps.open.handles(path) ? tryMatch(deps.open, method, path) : {};
  if (openRoute.route) {
    try {
      const body = await readBody(req);
      const out = await openRoute.route.handler({ method, path, query: url.searchParams, headers: req.headers, body }, openRoute.route.params);
      return reply(out.status, out.body, out.headers, out.html);
    } catch (e) {
      if (e instanceof HttpError) return fail(e);
      throw e;
    }
  }

  const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const grant = auth?.[1] ? deps.grant(auth[1]) : null;
  // The /__demo/ controls are the portal owner's: its static tokens only.
  if (!grant || (grant.kind !== 'static' && path.startsWith('/__demo/'))) {
    await drain(req);
    return fail(
      new HttpError(
        401,
        'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      ),
    );
  }

  // A `%` that starts no valid escape (or escapes invalid UTF-8) in the path or query: 400, like HubSpot's front door.
  if (!wellEncoded(req.url ?? '/')) {
    await drain(req);
    return fail(new HttpError(400, 'VALIDATION_ERROR', `Malformed percent-encoding in the request URL: ${(req.url ?? '').slice(0, 200)}`));
  }

  let actAs = header(req, 'x-demo-act-as');
  const asUser = /^\/__demo\/as-user\/(\d+)(\/.*)$/.exec(path);
  if (asUser) {
    actAs = asUser[1];
    path = asUser[2] ?? '/';
  }
  const isDemo = path.startsWith('/__demo/');
  const { route, error } = tryMatch(isDemo ? deps.demo : deps.api, method, path);

  if (!isDemo) {
    // Every call of the portal counts, whichever token or client makes it; unknown paths too.
    const bucket = route?.bucket ?? 'standard';
    if (bucket === 'none') Object.assign(headers, deps.limiter.headers('standard'));
    else {
      const limit = deps.limiter.take(bucket);
      Object.assign(headers, limit.headers);
      if (!limit.ok) {
        await drain(req);
        return reply(429, { ...limit.body, correlationId });
      }
    }

    const missing = grant.kind === 'static' ? [] : requiredScopes(method, path).filter((s) => !grant.scopes.includes(s));
    if (missing.length > 0) {
      await drain(req);
      return fail(missingScopes(missing));
    }

    const { latencyMs } = deps.faults.state;
    if (latencyMs > 0) await sleep(latencyMs);
    if (deps.faults.refuses(path)) {
      await drain(req);
      return fail(missingScopes([]));
    }
    const decision = deps.faults.decide();
    if (decision.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'error') {
      await drain(req);
      return fail(
        new HttpError(decision.status, decision.status === 500 ? 'INTERNAL_ERROR' : 'SERVICE_UNAVAILABLE', `Demo CRM injected fault (${decision.status}).`),
      );
    }
    if (decision.kind === 'rate-limit') {
      await drain(req);
      return reply(429, { ...tooMany(bucket === 'search'), correlationId }, { 'Retry-After': '1' });
    }
  }

  if (!route) {
    await drain(req);
    if (error) return fail(error);
    throw new Error(`No route for ${method} ${path}`);
  }

  try {
    const body = await readJson(req);
    const request: Req = { method, path, query: url.searchParams, headers: req.headers, body, ...(actAs ? { actAs } : {}) };
    const out: Res = await route.handler(request, route.params);
    reply(out.status, out.body, out.headers);
  } catch (e) {
    if (e instanceof HttpError) return fail(e);
    throw e;
  }
}

/** HubSpot's 403 for a call outside the token's scopes, naming the scopes it needs in `errors[].context`. */
function missingScopes(scopes: string[]): HttpError {
  return new HttpError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    scopes.length ? { errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: scopes } }] } : {},
  );
}

function wellEncoded(rawUrl: string): boolean {
  try {
    decodeURIComponent(rawUrl);
    return true;
  } catch {
    return false;
  }
}

type Matched = ReturnType<Router['match']>;

function tryMatch(router: Router, method: string, path: string): { route?: Matched; error?: HttpError } {
  try {
    return { route: router.match(method, path) };
  } catch (e) {
    if (e instanceof HttpError) return { error: e };
    throw e;
  }
}

/** 414 in HubSpot's error shape; the remedy HubSpot gives is to move long lists into a POST body. */
export function uriTooLong(bytes: number): HttpError {
  return new HttpError(
    414,
    'URI_TOO_LONG',
    `URI Too Long: the request line (path and query) is ${bytes} bytes, more than the ${MAX_URI_BYTES} allowed. Send long property lists in the body of POST .../batch/read instead.`,
  );
}

/**
 * What Node answers itself for a request line or headers past MAX_HEADER_BYTES: a JSON 431
 * and a clean close instead of a reset. Wire it to the server's 'clientError' event.
 */
export function onClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const text = JSON.stringify({
    status: 'error',
    message: tooLarge ? 'Request header fields too large' : 'Bad request',
    correlationId: randomUUID(),
    category: tooLarge ? 'URI_TOO_LONG' : 'VALIDATION_ERROR',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Reads the body. One over MAX_BODY is read to its end and dropped (up to DRAIN_LIMIT), so
 * the client, still sending, gets the 413 rather than a reset connection.
 */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Leaving the loop destroys the socket: only past the drain limit.
    if (size > DRAIN_LIMIT) break;
    if (size > MAX_BODY) chunks.length = 0;
    else chunks.push(chunk);
  }
  if (size > MAX_BODY) throw new HttpError(413, 'VALIDATION_ERROR', `Request body too large: ${size} bytes, more than the ${MAX_BODY} allowed.`);
  return Buffer.concat(chunks).toString('utf8');
}

const drain = async (req: IncomingMessage): Promise<void> => {
  await readBody(req).catch(() => undefined);
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, 'VALIDATION_ERROR', `Invalid input JSON : ${e instanceof Error ? e.message : String(e)}`);
  }
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string>): void {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'";
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html;charset=utf-8',
    'Content-Security-Policy': csp,
    'Content-Length': String(Buffer.byteLength(html)),
  });
  res.end(html);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}
