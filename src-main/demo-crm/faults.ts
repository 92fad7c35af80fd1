import { z } from 'zod';
import { createRng, type Rng } from './prng';

/** How long a write stays invisible to search: a uniform draw in [minMs, maxMs] per write. */
export interface SearchLag {
  minMs: number;
  maxMs: number;
}

/**
 * HubSpot's search index trails writes by "a few moments" (real time, not the portal's clock),
 * so the demo lags every created or updated record by 1–10 s unless switched off.
 */
export const DEFAULT_SEARCH_LAG: SearchLag = { minMs: 1_000, maxMs: 10_000 };
export const NO_SEARCH_LAG: SearchLag = { minMs: 0, maxMs: 0 };

export const SearchLagSchema = z
  .object({ minMs: z.number().int().min(0).max(600_000), maxMs: z.number().int().min(0).max(600_000) })
  .strict()
  .refine((l) => l.minMs <= l.maxMs, { message: 'minMs must not exceed maxMs' });

/** Switchable faults; everything off except stage rules, rate limits and the search index lag. */
export interface FaultState {
  latencyMs: number;
  errorRate: number;
  errorStatuses: number[];
  dropRate: number;
  force429: number;
  searchLag: SearchLag;
  enforceStageRules: boolean;
  rateLimits: boolean;
  seed: number;
  /** Request lines (path + query) over 8,192 bytes get 414, as on HubSpot. */
  uriLimit: boolean;
  /** Requests whose path starts with one of these are refused with 403 MISSING_SCOPES (a scope the token lacks). */
  failPaths: string[];
}

export const FaultPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    errorStatuses: z.array(z.number().int().min(500).max(599)).min(1),
    dropRate: z.number().min(0).max(1),
    force429: z.number().int().min(0),
    /** Shorthand for a fixed lag (`0` = search sees writes at once). */
    searchLagMs: z.number().int().min(0).max(600_000),
    searchLag: SearchLagSchema,
    enforceStageRules: z.boolean(),
    rateLimits: z.boolean(),
    seed: z.number().int(),
    uriLimit: z.boolean(),
    failPaths: z.array(z.string().startsWith('/').max(200)).max(50),
  })
  .partial()
  .strict()
  .refine((p) => p.searchLagMs === undefined || p.searchLag === undefined, { message: 'give searchLagMs or searchLag, not both' });

export type Decision = { kind: 'pass' } | { kind: 'drop' } | { kind: 'error'; status: number } | { kind: 'rate-limit' };

/** Decides per request whether to inject a fault, with a seeded PRNG so tests are deterministic. */
export class Faults {
  state: FaultState;
  private rng: Rng;
  /** Its own sequence, so index lag draws never shift the error/drop decisions (and back). */
  private lagRng: Rng;

  constructor(rateLimits: boolean, uriLimit = true, searchLag: SearchLag = DEFAULT_SEARCH_LAG) {
    this.state = {
      latencyMs: 0,
      errorRate: 0,
      errorStatuses: [500, 502, 503],
      dropRate: 0,
      force429: 0,
      searchLag: { ...searchLag },
      enforceStageRules: true,
      rateLimits,
      seed: 1,
      uriLimit,
      failPaths: [],
    };
    this.rng = createRng(1);
    this.lagRng = createRng(1);
  }

  update(patch: z.output<typeof FaultPatch>): void {
    const { searchLagMs, ...rest } = patch;
    this.state = { ...this.state, ...rest, ...(searchLagMs !== undefined ? { searchLag: { minMs: searchLagMs, maxMs: searchLagMs } } : {}) };
    // A PUT that names a seed (or changes a rate) restarts the random sequence.
    if (patch.seed !== undefined || patch.errorRate !== undefined || patch.dropRate !== undefined) this.rng = createRng(this.state.seed);
    if (patch.seed !== undefined || searchLagMs !== undefined || patch.searchLag !== undefined) this.lagRng = createRng(this.state.seed);
  }

  /** The index lag of one write (ms): seeded, uniform in [minMs, maxMs]. */
  drawSearchLag(): number {
    const { minMs, maxMs } = this.state.searchLag;
    if (maxMs <= minMs) return minMs;
    return minMs + Math.floor(this.lagRng() * (maxMs - minMs + 1));
  }

  /** Whether `path` is switched to answer 403, as for a token without the scope it needs. */
  refuses(path: string): boolean {
    return this.state.failPaths.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
  }

  decide(): Decision {
    const s = this.state;
    if (s.force429 > 0) {
      s.force429--;
      return { kind: 'rate-limit' };
    }
    if (s.dropRate > 0 && this.rng() < s.dropRate) return { kind: 'drop' };
    if (s.errorRate > 0 && this.rng() < s.errorRate) {
      const status = s.errorStatuses[Math.floor(this.rng() * s.errorStatuses.length)] ?? 500;
      return { kind: 'error', status };
    }
    return { kind: 'pass' };
  }
}
