import type { Tier } from '../tier';

export interface RateLimitConfig {
  standardPer10s: number;
  searchPerSecond: number;
  /** Calls per day in the portal's time zone; the tier's figure when omitted. */
  daily?: number;
}

/** HubSpot's published private-app limits per tier (burst per 10 s, per day); search is 5/s for all. */
export const TIER_LIMITS: Record<Tier, Required<RateLimitConfig>> = {
  starter: { standardPer10s: 100, searchPerSecond: 5, daily: 250_000 },
  professional: { standardPer10s: 190, searchPerSecond: 5, daily: 650_000 },
  enterprise: { standardPer10s: 190, searchPerSecond: 5, daily: 1_000_000 },
};

export const PROFESSIONAL: Required<RateLimitConfig> = TIER_LIMITS.professional;

export type LimitResult = { ok: true; headers: Record<string, string> } | { ok: false; headers: Record<string, string>; body: Record<string, unknown> };

export interface LimiterClock {
  /** Monotonic real time (ms) for the 10-second and per-second windows. */
  mono(): number;
  /** The portal's (demo) clock, for the day the daily count belongs to. */
  now(): number;
}

/**
 * HubSpot-style limits of one portal, shared by every token and client of it
 * (README.md "A portal"): a rolling 10-second window for ordinary calls, a
 * separate per-second window for search, and a daily count that starts again at midnight in
 * the portal's time zone (following the demo clock). Calls refused with 429 are not counted.
 */
export class RateLimiter {
  private standard: number[] = [];
  private search: number[] = [];
  private day = '';
  private used = 0;
  readonly config: Required<RateLimitConfig>;
  private readonly dayOf: Intl.DateTimeFormat;
  enabled = true;

  constructor(
    config: RateLimitConfig,
    private readonly clock: LimiterClock,
    readonly timeZone = 'UTC',
  ) {
    this.config = { ...config, daily: config.daily ?? PROFESSIONAL.daily };
    this.dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Calls counted today (portal time). */
  get dailyUsed(): number {
    this.rollDay();
    return this.used;
  }

  set dailyUsed(n: number) {
    this.rollDay();
    this.used = n;
  }

  /** The next midnight in the portal's time zone (ms), when the daily count starts again. */
  dailyResetsAt(): number {
    const today = this.dayKey(this.clock.now());
    // Step forward in hours until the calendar day changes, then halve down to the first ms of the new day.
    let t = this.clock.now();
    while (this.dayKey(t) === today) t += 3_600_000;
    let lo = t - 3_600_000;
    while (t - lo > 1) {
      const mid = Math.floor((lo + t) / 2);
      if (this.dayKey(mid) === today) lo = mid;
      else t = mid;
    }
    return t;
  }

  /** Counts one call against the portal's limits, or refuses it (429 body and headers). */
  take(bucket: 'standard' | 'search'): LimitResult {
    this.rollDay();
    const isSearch = bucket === 'search';
    const windowMs = isSearch ? 1000 : 10_000;
    const max = isSearch ? this.config.searchPerSecond : this.config.standardPer10s;
    const now = this.clock.mono();
    const hits = (isSearch ? this.search : this.standard).filter((t) => now - t < windowMs);
    if (isSearch) this.search = hits;
    else this.standard = hits;
    const overDaily = this.enabled && this.used >= this.config.daily;
    const overWindow = this.enabled && !overDaily && hits.length >= max;
    if (!overDaily && !overWindow) {
      hits.push(now);
      this.used++;
    }
    const headers = this.headers(bucket);
    if (overDaily) return { ok: false, headers, body: dailyLimitBody() };
    if (!overWindow) return { ok: true, headers };
    if (isSearch) return { ok: false, headers, body: tooMany(true) };
    const retryMs = windowMs - (now - (hits[0] ?? now));
    return { ok: false, headers: { ...headers, 'Retry-After': String(Math.max(1, Math.ceil(retryMs / 1000))) }, body: tooMany(false) };
  }

  /**
   * The rate-limit headers of an answer without counting it (injected faults, 404s).
   * Search answers carry only the daily pair, as HubSpot's do. With the limits off they carry
   * no window either: a client that paces itself by what is left of the window (as the app
   * does) would otherwise wait for a limit nobody enforces.
   */
  headers(bucket: 'standard' | 'search'): Record<string, string> {
    this.rollDay();
    const daily = {
      'X-HubSpot-RateLimit-Daily': String(this.config.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.config.daily - this.used)),
    };
    if (bucket === 'search' || !this.enabled) return daily;
    const now = this.clock.mono();
    const inWindow = this.standard.filter((t) => now - t < 10_000).length;
    return {
      ...daily,
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Max': String(this.config.standardPer10s),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, this.config.standardPer10s - inWindow)),
    };
  }

  private dayKey(ms: number): string {
    return this.dayOf.format(ms);
  }

  private rollDay(): void {
    const day = this.dayKey(this.clock.now());
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}

/** HubSpot's 429 body for the 10-second or the secondly (search) policy. */
export function tooMany(search: boolean): Record<string, unknown> {
  return search
    ? { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', category: 'RATE_LIMITS', policyName: 'SECONDLY' }
    : {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        category: 'RATE_LIMITS',
        policyName: 'TEN_SECONDLY_ROLLING',
      };
}

/** HubSpot's 429 body once the portal's daily budget is spent. */
export function dailyLimitBody(): Record<string, unknown> {
  return { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', category: 'RATE_LIMITS', policyName: 'DAILY' };
}
