/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): many clients coming back at once spread out instead of retrying in lockstep
 * (docs/sync-guarantees.md G12). A server-given Retry-After is a floor.
 */
export function backoffDelay(failures: number, random: () => number, opts: { baseMs: number; maxMs: number }, retryAfterMs?: number): number {
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = cap / 2 + random() * (cap / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}
