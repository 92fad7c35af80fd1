import { TIER_LIMITS } from '../../../src-main/demo-crm/http/rate-limit';

export const PORTAL_LIMITS = TIER_LIMITS.professional;
const WINDOW_MS = 10_000;
const SEARCH_WINDOW_MS = 1_000;
const DAY_MS = 86_400_000;

/**
 * The simulated portal's rate limits (portal.ts): the rolling 10-s window of standard calls,
 * search's own 1-s window, and the daily count that starts again at the portal's midnight.
 * Refused calls do not count; the answer carries HubSpot's rate-limit headers (search
 * answers only the daily ones).
 */
export class RateWindows {
  private std: number[] = [];
  private stdHead = 0;
  private srch: number[] = [];
  private srchHead = 0;
  private dayUsed = 0;
  refused = 0;
  refusedSearch = 0;

  /** `dayStart`: a midnight of the portal's time zone. */
  constructor(private dayStart: number) {}

  /** One call at `now`: counted if a window has room, else refused (`retryAfterS` for standard calls). */
  take(now: number, search: boolean): { ok: boolean; headers: Record<string, string>; retryAfterS?: number } {
    if (now - this.dayStart >= DAY_MS) {
      this.dayStart = now - ((now - this.dayStart) % DAY_MS);
      this.dayUsed = 0;
    }
    while (this.stdHead < this.std.length && (this.std[this.stdHead] ?? 0) <= now - WINDOW_MS) this.stdHead++;
    while (this.srchHead < this.srch.length && (this.srch[this.srchHead] ?? 0) <= now - SEARCH_WINDOW_MS) this.srchHead++;
    const inStd = this.std.length - this.stdHead;
    const inSrch = this.srch.length - this.srchHead;
    const over = search ? inSrch >= PORTAL_LIMITS.searchPerSecond : inStd >= PORTAL_LIMITS.standardPer10s;
    if (!over) {
      (search ? this.srch : this.std).push(now);
      this.dayUsed++;
    } else {
      this.refused++;
      if (search) this.refusedSearch++;
    }
    this.compact();
    const daily = {
      'x-hubspot-ratelimit-daily': String(PORTAL_LIMITS.daily),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, PORTAL_LIMITS.daily - this.dayUsed)),
    };
    const headers = search
      ? daily
      : {
          ...daily,
          'x-hubspot-ratelimit-max': String(PORTAL_LIMITS.standardPer10s),
          'x-hubspot-ratelimit-remaining': String(Math.max(0, PORTAL_LIMITS.standardPer10s - (this.std.length - this.stdHead))),
          'x-hubspot-ratelimit-interval-milliseconds': String(WINDOW_MS),
        };
    return over ? { ok: false, headers, ...(search ? {} : { retryAfterS: 1 }) } : { ok: true, headers };
  }

  /** Keeps the window arrays short. */
  private compact(): void {
    if (this.stdHead > 50_000) {
      this.std = this.std.slice(this.stdHead);
      this.stdHead = 0;
    }
    if (this.srchHead > 50_000) {
      this.srch = this.srch.slice(this.srchHead);
      this.srchHead = 0;
    }
  }
}
