import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './errors';

export interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when empty; malformed JSON was already rejected); the raw text on open routes (form posts). */
  body: unknown;
  /** User a write is attributed to (X-Demo-Act-As or /__demo/as-user/{id}/…). */
  actAs?: string;
}

export interface Res {
  status: number;
  body?: unknown;
  /** An HTML page instead of a JSON body (the OAuth authorize page). */
  html?: string;
  headers?: Record<string, string>;
}

export type Handler = (req: Req, params: string[]) => Res | Promise<Res>;

/** Which rate-limit bucket a route counts against. */
export type Bucket = 'standard' | 'search' | 'none';

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  bucket: Bucket;
}

function decodeParam(x: string): string {
  try {
    return decodeURIComponent(x);
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', `Malformed percent-encoding in the path segment ${x}`);
  }
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: RegExp, handler: Handler, bucket: Bucket = 'standard'): this {
    this.routes.push({ method, pattern, handler, bucket });
    return this;
  }

  /** Whether any route (of any method) has this path: asking costs no error when none does. */
  handles(path: string): boolean {
    return this.routes.some((r) => r.pattern.test(path));
  }

  match(method: string, path: string): { handler: Handler; params: string[]; bucket: Bucket } {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      return { handler: r.handler, params: m.slice(1).map((x) => (x === undefined ? '' : decodeParam(x))), bucket: r.bucket };
    }
    if (pathMatched) throw new HttpError(405, 'VALIDATION_ERROR', `Method ${method} is not allowed on ${path}`);
    throw new HttpError(404, 'OBJECT_NOT_FOUND', `No route for ${method} ${path}`);
  }
}

/** Reads a list query parameter in both forms clients use: repeated (`a=x&a=y`) and comma (`a=x,y`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'VALIDATION_ERROR', `Invalid value "${raw}" for query parameter ${name}`);
  return n;
}
