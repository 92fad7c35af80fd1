import { windowFromHeaders, windowPauseMs } from '../../shared/sync/rate-budget';

/**
 * A rolling-window limiter per bucket, the shape of HubSpot's own limits: a number of
 * requests per rolling interval (10 s for the standard bucket, 1 s for search). HubSpot
 * meters the portal, not the client: every laptop of the team shares one window. So each
 * client keeps under its own ceiling (below) and also reads what the CRM says is left
 * (`observe`): when the team has used most of the window, it waits rather than bursting
 * into a 429.
 */
export interface BucketLimit {
  max: number;
  intervalMs: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * `background` is not one of HubSpot's meters: bulk reads the sync marks as background (the
 * daily reconcile, the archived sweep) pass it first and then the standard bucket, so one
 * laptop's daily listing stays a small share of the team's window.
 */
export type BucketName = 'standard' | 'search' | 'background';

/** HubSpot Professional private-app limits, less ~10% headroom (docs/hubspot-api.md §14). */
export const DEFAULT_LIMITS: Record<BucketName, BucketLimit> = {
  standard: { max: 170, intervalMs: 10_000 },
  // HubSpot allows 5 searches/s per portal, shared by every laptop of the team: at most 2 each.
  search: { max: 2, intervalMs: 1_000 },
  // 2/s, evenly (a 1-s window, not bursts of 20): a laptop's scheduled polls and its daily
  // reconcile (~300 calls for 30,000 records, 2.5 minutes) stay a small, smooth share of a
  // Professional portal's 190 per 10 s when thirty laptops share it (tests/bench/team-budget).
  background: { max: 2, intervalMs: 1_000 },
};

export class RateLimiter {
  private readonly sent: Record<BucketName, number[]> = { standard: [], search: [], background: [] };
  private readonly pausedUntil: Record<BucketName, number> = { standard: 0, search: 0, background: 0 };
  private readonly limits: Record<BucketName, BucketLimit>;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    /** Without a `background` limit, background requests are held only by the standard one. */
    limits: Partial<Record<BucketName, BucketLimit>> & Pick<Record<BucketName, BucketLimit>, 'standard' | 'search'> = DEFAULT_LIMITS,
    private readonly clock: Clock = realClock,
  ) {
    this.limits = { background: limits.standard, ...limits };
  }

  /** Resolves when a request may be sent now; requests are admitted in arrival order. */
  acquire(bucket: BucketName): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(bucket));
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** The CRM told us the bucket is spent (429, or Remaining: 0): hold it for `ms`. */
  pause(bucket: BucketName, ms: number): void {
    this.pausedUntil[bucket] = Math.max(this.pausedUntil[bucket], this.clock.now() + ms);
  }

  /**
   * Read HubSpot's window headers of an answer (`X-HubSpot-RateLimit-Max`, `-Remaining`,
   * `-Interval-Milliseconds`): below half of the team's window left, hold the bucket for a
   * share of the interval (all of it at 0), so the next request does not meet a 429.
   * Returns the pause applied (0: none). Search answers carry no window headers.
   */
  observe(bucket: BucketName, headers: Readonly<Record<string, string>>): number {
    const w = windowFromHeaders(headers);
    if (!w) return 0;
    const ms = windowPauseMs(w);
    if (ms > 0) this.pause(bucket, ms);
    return ms;
  }

  private async waitForSlot(bucket: BucketName): Promise<void> {
    const { max, intervalMs } = this.limits[bucket];
    const sent = this.sent[bucket];
    for (;;) {
      const now = this.clock.now();
      while (sent.length > 0 && (sent[0] ?? 0) <= now - intervalMs) sent.shift();
      const pausedFor = this.pausedUntil[bucket] - now;
      if (pausedFor > 0) {
        await this.clock.sleep(pausedFor);
        continue;
      }
      if (sent.length < max) {
        sent.push(now);
        return;
      }
      await this.clock.sleep((sent[0] ?? now) + intervalMs - now);
    }
  }
}
