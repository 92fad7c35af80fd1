import type { CrmPort } from './ports';

/**
 * Server time for the search window's upper bound, from the CRM's `Date` header when the port
 * forwards it; the client clock only measures the time elapsed since (docs/sync-guarantees.md
 * G17). Without the header there is no upper bound, and the overlap alone covers the index lag.
 */
export function observeServerClock(inner: CrmPort, now: () => number): { crm: CrmPort; serverNow: () => number | undefined } {
  let seen: { serverMs: number; atClientMs: number } | undefined;
  return {
    crm: {
      async request(req) {
        const result = await inner.request(req);
        const date = result.ok ? Date.parse(result.data.headers['date'] ?? '') : NaN;
        if (!Number.isNaN(date)) seen = { serverMs: date, atClientMs: now() };
        return result;
      },
    },
    serverNow: () => (seen ? seen.serverMs + Math.max(0, now() - seen.atClientMs) : undefined),
  };
}
