import type { CrmPort, CrmResponse } from './ports';

/**
 * HubSpot meters a portal, not a client: every laptop of the team (and every other
 * integration) draws on one 10-second window and one daily count, and each answer says how
 * much of both is left (`X-HubSpot-RateLimit-Max`, `-Remaining`, `-Interval-Milliseconds`,
 * `-Daily`, `-Daily-Remaining`; search answers carry only the daily pair). The gateway in
 * main slows down on the window; the sync polls less when the day runs low.
 */

/**
 * Below this share of `-Max` left in the 10-s window, a client holds back. Half, not a sliver:
 * thirty laptops each with a request in flight overshoot whatever mark they slow down at, and
 * the other half stays for the rest of the team's edits and the portal's other integrations.
 */
export const WINDOW_LOW_SHARE = 0.6;
/** Below this share of `-Daily` left, the sync polls at its slowest and skips its daily sweeps; edits still go. */
export const DAILY_LOW_SHARE = 0.1;

/** What the gateway learnt of the portal's daily budget (the last answer that said). */
export interface RateBudget {
  daily: number;
  dailyRemaining: number;
  /** `dailyRemaining < DAILY_LOW_SHARE × daily`. */
  dailyLow: boolean;
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** The daily budget an answer's headers state, if they state it (OAuth answers do not). */
export function budgetFromHeaders(headers: Readonly<Record<string, string>>): RateBudget | undefined {
  const daily = num(headers['x-hubspot-ratelimit-daily']);
  const dailyRemaining = num(headers['x-hubspot-ratelimit-daily-remaining']);
  if (daily === undefined || dailyRemaining === undefined || daily <= 0) return undefined;
  return { daily, dailyRemaining, dailyLow: dailyRemaining < DAILY_LOW_SHARE * daily };
}

/** The 10-second window an answer's headers state (standard calls only). */
export function windowFromHeaders(headers: Readonly<Record<string, string>>): { max: number; remaining: number; intervalMs: number } | undefined {
  const max = num(headers['x-hubspot-ratelimit-max']);
  const remaining = num(headers['x-hubspot-ratelimit-remaining']);
  if (max === undefined || remaining === undefined || max <= 0) return undefined;
  return { max, remaining, intervalMs: num(headers['x-hubspot-ratelimit-interval-milliseconds']) ?? 10_000 };
}

/**
 * How long to hold a bucket after an answer, so the team's shared window is not run into a
 * 429: nothing while more than `WINDOW_LOW_SHARE` of it is left, then a growing share of the
 * window's interval, the whole interval when nothing is left. Proportional rather than a
 * flat wait, so a fleet that reads "low" at slightly different moments does not resume in
 * lockstep one interval later.
 */
export function windowPauseMs(w: { max: number; remaining: number; intervalMs: number }): number {
  const low = WINDOW_LOW_SHARE * w.max;
  if (w.remaining >= low) return 0;
  return Math.round(w.intervalMs * (1 - Math.max(0, w.remaining) / low));
}

/** The budget of an answer: the gateway's field when present, else the raw headers. */
export function budgetOf(res: CrmResponse): RateBudget | undefined {
  return res.budget ?? budgetFromHeaders(res.headers);
}

/**
 * Follows the daily budget through a port: `dailyLow()` is what the last answer that stated
 * a budget said (false until one does).
 */
export function observeBudget(inner: CrmPort): { crm: CrmPort; dailyLow: () => boolean } {
  let low = false;
  return {
    crm: {
      async request(req) {
        const result = await inner.request(req);
        if (result.ok) {
          const b = budgetOf(result.data);
          if (b) low = b.dailyLow;
        }
        return result;
      },
    },
    dailyLow: () => low,
  };
}

/**
 * A port whose requests are bulk background reads (the daily reconcile, the archived sweep):
 * the gateway paces them below the client's full rate, so one laptop's daily listing never
 * takes a large share of the window the whole team shares.
 */
export function inBackground(inner: CrmPort): CrmPort {
  return { request: (req) => inner.request({ ...req, priority: 'background' }) };
}
