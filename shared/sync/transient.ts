import { isDailyLimit } from './daily-limit';
import type { CrmResponse } from './ports';

/**
 * What a CRM answer means for whoever sent it, decided in this one place for the whole app:
 *
 * - `retryable` — HubSpot's rate limits (a 429 that is not the daily one), a locked record
 *   (423), its timeouts (408, 477) and server errors (5xx). Only the gateway in the main
 *   process resends these, a few times with jittered backoff (src-main/crm/gateway.ts).
 * - `daily-limit` — a 429 for the portal's daily budget: nothing gets through before the
 *   portal's midnight, so nobody resends it.
 * - `signed-out` — 401: the token no longer works; the queue waits, intact, for a new one.
 * - `refused` — any other 4xx: this request will never succeed as it is.
 *
 * The sync never resends a request itself. What reaches it after the gateway's attempts is
 * final for this pass: `retryable`, `daily-limit` and `signed-out` stop the pass with
 * nothing lost (shared/sync/crm-calls.ts, TransientSyncError), and the coordinator runs a
 * whole pass again later; `refused` goes to the edit or the pull that caused it.
 */
export type AnswerKind = 'ok' | 'retryable' | 'daily-limit' | 'signed-out' | 'refused';

const RETRYABLE_4XX = new Set([408, 423, 429, 477]);

export function answerKind(res: CrmResponse): AnswerKind {
  if (res.status >= 200 && res.status < 300) return 'ok';
  if (isDailyLimit(res)) return 'daily-limit';
  if (RETRYABLE_4XX.has(res.status) || res.status >= 500) return 'retryable';
  if (res.status === 401) return 'signed-out';
  return 'refused';
}

/** The wait the CRM asked for (`Retry-After`, seconds), in ms; undefined when it named none. */
export function retryAfterMs(res: CrmResponse): number | undefined {
  const seconds = Number(res.headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
