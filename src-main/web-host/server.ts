import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Dispatch } from '../host/dispatch';
import type { HostEvents } from '../host/services';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

export interface WebHostOptions {
  /** The built renderer (out/renderer). */
  rootDir: string;
  dispatch: Dispatch;
  port?: number;
  /** Fixed only by tests that must know it in advance; otherwise made fresh at each start. */
  secret?: string;
}

export interface WebHost extends HostEvents {
  url: string;
  secret: string;
  close(): Promise<void>;
}

const SECRET_HEADER = 'x-cs-host-secret';
/** The largest contract call the web host takes (the sync keeps its batches well under it: shared/sync/send-bisecting.ts). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/**
 * A body over MAX_BODY_BYTES is still read (and dropped) up to this size, so that the
 * client, still sending, gets the 413 instead of a reset connection; past it the
 * connection is closed right after the 413.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer and the host contract over HTTP on 127.0.0.1.
 *
 * Any web page the user visits can send requests to 127.0.0.1, so contract calls are
 * answered only when three checks pass: the Host header names this server (defeats DNS
 * rebinding), the Origin — when the browser sends one — is this server's, and the request
 * carries the secret made at this start, which only our own page receives (it is written
 * into the served index.html, which other origins cannot read).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const secret = opts.secret ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let allowedHosts: string[] = [];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    setSecurityHeaders(res);
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return sendJson(res, 421, refusal('FORBIDDEN', 'Unknown Host header.'));
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/__host/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`) {
        return sendJson(res, 403, refusal('FORBIDDEN', 'Cross-origin calls are refused.'));
      }
      const given = req.headers[SECRET_HEADER] ?? url.searchParams.get('secret') ?? '';
      if (!secretMatches(String(given), secret)) {
        return sendJson(res, 403, refusal('FORBIDDEN', 'Missing or wrong host secret.'));
      }
      if (url.pathname === '/__host/events' && req.method === 'GET') return openEventStream(res);
      const call = /^\/__host\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (call && req.method === 'POST') return answerCall(call[1] ?? '', req, res);
      return sendJson(res, 404, refusal('UNKNOWN_CALL', 'No such host endpoint.'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, refusal('NOT_ALLOWED', 'Method not allowed.'));
    }
    return serveStatic(url.pathname, res);
  }

  async function answerCall(name: string, req: IncomingMessage, res: ServerResponse) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, refusal('INVALID_INPUT', 'Contract calls take application/json.'));
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      // Answer before closing: a reset would read as "offline" and be retried for ever.
      res.setHeader('connection', 'close');
      if (!err.drained) res.on('finish', () => req.destroy());
      return sendJson(res, 413, refusal('INVALID_INPUT', err.message));
    }
    let input: unknown;
    try {
      input = raw ? JSON.parse(raw) : {};
    } catch {
      return sendJson(res, 400, refusal('INVALID_INPUT', `Invalid input for ${name}: body is not valid JSON.`));
    }
    const result = await opts.dispatch(name, input);
    const status = result.ok ? 200 : result.error.code === 'INVALID_INPUT' || result.error.code === 'UNKNOWN_CALL' ? 400 : 200;
    sendJson(res, status, result);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    // Browsers ask for /favicon.ico on any document without an icon of its own (the app's page
    // has one inline); "no content" keeps that from showing up as a failed load.
    if (pathname === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      return res.end();
    }
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(opts.rootDir, relative);
    if (!file.startsWith(normalize(opts.rootDir) + sep) && file !== normalize(opts.rootDir)) {
      return sendJson(res, 404, refusal('NOT_ALLOWED', 'Not found.'));
    }
    // The renderer is a single-page app: unknown paths without an extension get index.html.
    if (relative === '' || extname(relative) === '') file = join(opts.rootDir, 'index.html');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      const html = content.toString('utf8').replace('<head>', `<head>\n    <meta name="cs-host" content="web" data-secret="${secret}" />`);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return res.end(html);
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' });
    res.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function setSecurityHeaders(res: ServerResponse) {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}

function refusal(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function secretMatches(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A contract call over MAX_BODY_BYTES; the message is what the user reads (e.g. in "needs attention"). */
class BodyTooLarge extends Error {
  constructor(
    bytes: number,
    /** The whole body was read, so the connection can answer normally. */
    readonly drained: boolean,
  ) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    super(`This request is too large to send: ${drained ? '' : 'over '}${mb(bytes)} MB, and the limit for one request is ${mb(MAX_BODY_BYTES)} MB.`);
    this.name = 'BodyTooLarge';
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      reject(new BodyTooLarge(declared, false));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        settled = true;
        req.pause();
        reject(new BodyTooLarge(size, false));
      } else if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge(size, true));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
  });
}
