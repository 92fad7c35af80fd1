import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../faults';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';
import { tooMany } from './rate-limit';
import type { Req, Res, Router } from './router';

export interface ServerDeps {
  token: string;
  api: Router;
  demo: Router;
  faults: Faults;
  limiter: RateLimiter;
}

const MAX_BODY = 20 * 1024 * 1024;
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
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { 'X-HubSpot-Correlation-Id': correlationId };
  const fail = (e: HttpError, extra: Record<string, string> = {}): void => send(res, e.status, e.body(correlationId), { ...headers, ...extra });

  const auth = req.headers.authorization ?? '';
  if (auth !== `Bearer ${deps.token}`) {
    await drain(req);
    return fail(new HttpError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
  }

  let actAs = header(req, 'x-demo-act-as');
  const asUser = /^\/__demo\/as-user\/(\d+)(\/.*)$/.exec(path);
  if (asUser) {
    actAs = asUser[1];
    path = asUser[2] ?? '/';
  }
  const isDemo = path.startsWith('/__demo/');

  if (!isDemo) {
    const { latencyMs } = deps.faults.state;
    if (latencyMs > 0) await sleep(latencyMs);
    if (deps.faults.refuses(path)) {
      await drain(req);
      return fail(new HttpError(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes."));
    }
    const decision = deps.faults.decide();
    if (decision.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'error') {
      await drain(req);
      return fail(new HttpError(decision.status, decision.status === 500 ? 'INTERNAL_ERROR' : 'SERVICE_UNAVAILABLE', `Demo CRM injected fault (${decision.status}).`));
    }
    if (decision.kind === 'rate-limit') {
      await drain(req);
      const search = method === 'POST' && /\/search$/.test(path);
      return send(res, 429, { ...tooMany(search), correlationId }, { ...headers, 'Retry-After': '1' });
    }
  }

  let route;
  try {
    route = (isDemo ? deps.demo : deps.api).match(method, path);
  } catch (e) {
    await drain(req);
    if (e instanceof HttpError) return fail(e);
    throw e;
  }

  if (!isDemo && route.bucket !== 'none') {
    const limit = deps.limiter.take(deps.token, route.bucket);
    Object.assign(headers, limit.headers);
    if (!limit.ok) {
      await drain(req);
      return send(res, 429, { ...limit.body, correlationId }, headers);
    }
  }

  try {
    const body = await readJson(req);
    const request: Req = { method, path, query: url.searchParams, headers: req.headers, body, ...(actAs ? { actAs } : {}) };
    const out: Res = await route.handler(request, route.params);
    send(res, out.status, out.body, { ...headers, ...out.headers });
  } catch (e) {
    if (e instanceof HttpError) return fail(e);
    throw e;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'VALIDATION_ERROR', 'Request body too large');
    chunks.push(chunk);
  }
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
