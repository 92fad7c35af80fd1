import { z } from 'zod';
import { createRng, type Rng } from './prng';

/** Switchable faults; everything off except stage rules and rate limits. */
export interface FaultState {
  latencyMs: number;
  errorRate: number;
  errorStatuses: number[];
  dropRate: number;
  force429: number;
  searchLagMs: number;
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
    searchLagMs: z.number().int().min(0),
    enforceStageRules: z.boolean(),
    rateLimits: z.boolean(),
    seed: z.number().int(),
    uriLimit: z.boolean(),
    failPaths: z.array(z.string().startsWith('/').max(200)).max(50),
  })
  .partial()
  .strict();

export type Decision = { kind: 'pass' } | { kind: 'drop' } | { kind: 'error'; status: number } | { kind: 'rate-limit' };

/** Decides per request whether to inject a fault, with a seeded PRNG so tests are deterministic. */
export class Faults {
  state: FaultState;
  private rng: Rng;

  constructor(rateLimits: boolean, uriLimit = true) {
    this.state = { latencyMs: 0, errorRate: 0, errorStatuses: [500, 502, 503], dropRate: 0, force429: 0, searchLagMs: 0, enforceStageRules: true, rateLimits, seed: 1, uriLimit, failPaths: [] };
    this.rng = createRng(1);
  }

  update(patch: z.output<typeof FaultPatch>): void {
    this.state = { ...this.state, ...patch };
    // A PUT that names a seed (or changes a rate) restarts the random sequence.
    if (patch.seed !== undefined || patch.errorRate !== undefined || patch.dropRate !== undefined) this.rng = createRng(this.state.seed);
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
