export interface RateLimitConfig {
  standardPer10s: number;
  searchPerSecond: number;
}

export const PROFESSIONAL: RateLimitConfig = { standardPer10s: 190, searchPerSecond: 5 };
const DAILY = 650_000;

export type LimitResult = { ok: true; headers: Record<string, string> } | { ok: false; headers: Record<string, string>; body: Record<string, unknown> };

/**
 * HubSpot-style limits per token: a rolling 10-second bucket for ordinary calls and a
 * separate per-second bucket for search (hubspot-api.md §14). Uses real (monotonic) time.
 */
export class RateLimiter {
  private readonly standard = new Map<string, number[]>();
  private readonly search = new Map<string, number[]>();
  private daily = 0;
  enabled = true;

  constructor(
    public config: RateLimitConfig,
    private readonly mono: () => number,
  ) {}

  take(token: string, bucket: 'standard' | 'search'): LimitResult {
    this.daily++;
    const daily = { 'X-HubSpot-RateLimit-Daily': String(DAILY), 'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, DAILY - this.daily)) };
    const isSearch = bucket === 'search';
    const windowMs = isSearch ? 1000 : 10_000;
    const max = isSearch ? this.config.searchPerSecond : this.config.standardPer10s;
    const now = this.mono();
    const map = isSearch ? this.search : this.standard;
    const hits = (map.get(token) ?? []).filter((t) => now - t < windowMs);
    map.set(token, hits);
    const over = this.enabled && hits.length >= max;
    if (!over) hits.push(now);
    const headers = isSearch
      ? daily
      : {
          ...daily,
          'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
          'X-HubSpot-RateLimit-Max': String(max),
          'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - hits.length)),
        };
    if (!over) return { ok: true, headers };
    const retryMs = windowMs - (now - (hits[0] ?? now));
    return { ok: false, headers: { ...headers, 'Retry-After': String(Math.max(1, Math.ceil(retryMs / 1000))) }, body: tooMany(isSearch) };
  }
}

/** HubSpot's 429 body for the 10-second or the secondly (search) policy. */
export function tooMany(search: boolean): Record<string, unknown> {
  return search
    ? { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', category: 'RATE_LIMITS', policyName: 'SECONDLY' }
    : { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', category: 'RATE_LIMITS', policyName: 'TEN_SECONDLY_ROLLING' };
}
