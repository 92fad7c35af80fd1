import { compileView } from '../views/evaluate';
import { compileFilterOf, filterEnv } from '../views/evaluate';
import type { View } from '../views/schema';
import type { ViewRecord } from '../views/context';
import { compileActivity, relatedTypesOf, type TimeCache } from './activity';
import type { AccountData, HealthContext } from './context';
import type { Criterion, HealthScore, HealthStatus, Thresholds } from './schema';
import { assertValidScore } from './validate';

export interface CriterionResult {
  id: string;
  met: boolean;
  /** The criterion's points when met, 0 otherwise (before the group is clamped). */
  points: number;
  criterion: Criterion;
}

export interface GroupResult {
  id: string;
  name: string;
  maxPoints: number;
  /** The sum of the met criteria's points. */
  raw: number;
  /** `raw` clamped to [0, maxPoints]: what the group adds to the score. */
  points: number;
  criteria: CriterionResult[];
}

/** What lists, badges and snapshots need; the breakdown is computed on demand for one account. */
export interface HealthSummary {
  scoreId: string;
  score: number;
  status: HealthStatus;
}

export interface HealthResult {
  scoreId: string;
  /** 0–100: the sum of the groups' clamped points. */
  score: number;
  status: HealthStatus;
  groups: GroupResult[];
}

/** Healthy from the Healthy threshold up, At risk below the At risk threshold, Neutral between. */
export function statusOf(score: number, t: Thresholds): HealthStatus {
  if (score >= t.healthy) return 'healthy';
  if (score < t.atRisk) return 'atRisk';
  return 'neutral';
}

export const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

function compileCriterion(c: Criterion, ctx: HealthContext, cache: TimeCache): (data: AccountData) => boolean {
  if (c.kind !== 'property') return compileActivity(c, ctx, cache);
  const env = filterEnv({
    now: ctx.now,
    timeZone: ctx.timeZone,
    propertyTypes: ctx.propertyTypes[c.objectType] ?? {},
    currentUserOwnerId: ctx.currentUserOwnerId,
  });
  const f = compileFilterOf(c.filter, env);
  if (c.objectType === ctx.accountObject) return (d) => f.test(d.account);
  return (d) => d.related(c.objectType).some((r) => f.test(r));
}

export interface CompiledScore {
  score: HealthScore;
  evaluate(data: AccountData): HealthResult;
  /** The same score and status as `evaluate`, without building the breakdown (every account, every change). */
  summarize(data: AccountData): HealthSummary;
}

/**
 * Compiles a score once (windows and periods resolve against `ctx.now`; recompile after
 * midnight). Throws HealthModelError for an invalid score.
 */
export function compileScore(input: HealthScore, ctx: HealthContext, cache: TimeCache = new WeakMap()): CompiledScore {
  const score = assertValidScore(input, ctx);
  const groups = score.groups.map((g) => ({ g, tests: g.criteria.map((c) => compileCriterion(c, ctx, cache)) }));
  return {
    score,
    evaluate(data) {
      const results: GroupResult[] = groups.map(({ g, tests }) => {
        const criteria = g.criteria.map((c, i): CriterionResult => {
          const met = tests[i]?.(data) ?? false;
          return { id: c.id, met, points: met ? c.points : 0, criterion: c };
        });
        const raw = criteria.reduce((s, c) => s + c.points, 0);
        return { id: g.id, name: g.name, maxPoints: g.maxPoints, raw, points: clamp(raw, 0, g.maxPoints), criteria };
      });
      const total = results.reduce((s, g) => s + g.points, 0);
      return { scoreId: score.id, score: total, status: statusOf(total, score.thresholds), groups: results };
    },
    summarize(data) {
      let total = 0;
      for (const { g, tests } of groups) {
        let raw = 0;
        for (let i = 0; i < tests.length; i++) if (tests[i]?.(data)) raw += g.criteria[i]?.points ?? 0;
        total += clamp(raw, 0, g.maxPoints);
      }
      return { scoreId: score.id, score: total, status: statusOf(total, score.thresholds) };
    },
  };
}

/** The object types whose records (or associations) feed a score, besides the account itself. */
export function relatedTypesOfScore(score: HealthScore, accountObject: string): Set<string> {
  const out = new Set<string>();
  for (const g of score.groups) {
    for (const c of g.criteria) {
      if (c.kind === 'property') {
        if (c.objectType !== accountObject) out.add(c.objectType);
      } else for (const t of relatedTypesOf(c.objectType)) out.add(t);
    }
  }
  return out;
}

export interface HealthEvaluator {
  /** The result of the first score whose segments hold the account, or null when none applies. */
  evaluate(data: AccountData): HealthResult | null;
  summarize(data: AccountData): HealthSummary | null;
  /** Related object types any score reads; changes to other types never move a score. */
  relatedTypes: ReadonlySet<string>;
}

/**
 * Several scores: each account gets the first whose segments (saved views) hold it; a
 * score without segments applies to every account. A segment that is missing or on another
 * object type holds nothing.
 */
export function compileScores(scores: readonly HealthScore[], views: readonly View[], ctx: HealthContext): HealthEvaluator {
  const viewCtx = {
    now: ctx.now,
    timeZone: ctx.timeZone,
    propertyTypes: ctx.propertyTypes[ctx.accountObject] ?? {},
    currentUserOwnerId: ctx.currentUserOwnerId,
  };
  const cache: TimeCache = new WeakMap();
  const compiled = scores.map((s) => {
    const segs = s.segments.flatMap((id) => {
      const v = views.find((x) => x.id === id && x.objectType === ctx.accountObject);
      return v ? [compileView(v, viewCtx).matches] : [];
    });
    const applies = s.segments.length === 0 ? () => true : (r: ViewRecord) => segs.some((m) => m(r));
    return { applies, score: compileScore(s, ctx, cache) };
  });
  const relatedTypes = new Set(scores.flatMap((s) => [...relatedTypesOfScore(s, ctx.accountObject)]));
  return {
    relatedTypes,
    evaluate(data) {
      const hit = compiled.find((c) => c.applies(data.account));
      return hit ? hit.score.evaluate(data) : null;
    },
    summarize(data) {
      const hit = compiled.find((c) => c.applies(data.account));
      return hit ? hit.score.summarize(data) : null;
    },
  };
}
