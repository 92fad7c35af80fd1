/**
 * A rolling-window limiter per bucket, the shape of HubSpot's own limits: a number of
 * requests per rolling interval per token (10 s for the standard bucket, 1 s for search).
 * We stay a little under the published numbers so that other integrations on the same
 * account keep some headroom, and we pause a bucket entirely when the CRM says it is spent.
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

export type BucketName = 'standard' | 'search';

/** HubSpot Professional private-app limits, less ~10% headroom (hubspot-api.md §14). */
export const DEFAULT_LIMITS: Record<BucketName, BucketLimit> = {
  standard: { max: 170, intervalMs: 10_000 },
  // HubSpot allows 5 searches/s per portal, shared by every laptop of the team: at most 2 each.
  search: { max: 2, intervalMs: 1_000 },
};

export class RateLimiter {
  private readonly sent: Record<BucketName, number[]> = { standard: [], search: [] };
  private readonly pausedUntil: Record<BucketName, number> = { standard: 0, search: 0 };
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limits: Record<BucketName, BucketLimit> = DEFAULT_LIMITS,
    private readonly clock: Clock = realClock,
  ) {}

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
