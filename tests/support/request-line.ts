import type { CrmRequest } from '../../shared/sync';

/** What HubSpot's front door accepts: longer request lines (path + query) are answered 414. */
export const MAX_REQUEST_LINE = 8192;

/** Path and query as the gateway puts them on the wire (src-main/crm/gateway.ts). */
export function requestLine(req: CrmRequest): string {
  const url = new URL(`https://api.hubapi.com${req.path}`);
  for (const [key, value] of Object.entries(req.query ?? {})) for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  return url.pathname + url.search;
}
