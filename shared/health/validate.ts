import type { PropertyKind } from '../views/kinds';
import { checkFilter, filterKind } from '../views/validate';
import type { Filter } from '../views/schema';
import { HealthScoreSchema } from './schema';
import type { Criterion, HealthScore } from './schema';
import { relatedTypesOf } from './activity';
import { IssuesError, type Issue } from '../domain/issues';

/** A problem of a health score; its path points into the score, e.g. `groups.1.criteria.0`. */
export type HealthIssue = Issue;

export class HealthModelError extends IssuesError {
  override readonly name = 'HealthModelError';
}

export interface HealthTypeInfo {
  /** The object type of accounts (`companies` or a custom object). */
  accountObject: string;
  /** Property kinds per object type, from the CRM's property definitions. */
  propertyTypes: Readonly<Record<string, Readonly<Record<string, PropertyKind>>>>;
  /** Saved view ids that exist; when given, segments must be among them. */
  viewIds?: readonly string[];
}

export const criterionName = (c: Criterion, index: number): string => (c.label?.trim() ? `"${c.label.trim()}"` : `#${index + 1}`);

function filterIssue(filter: Filter, objectType: string, info: HealthTypeInfo): string | undefined {
  const types = info.propertyTypes[objectType];
  if (!types) return `unknown object type "${objectType}"`;
  return checkFilter(filter, filterKind(filter, types));
}

function criterionIssues(c: Criterion, info: HealthTypeInfo): string[] {
  if (c.kind === 'property') return [filterIssue(c.filter, c.objectType, info)].filter((m): m is string => m !== undefined);
  const out: string[] = [];
  const state = c.state ?? 'any';
  if (state === 'overdue' && c.objectType !== 'tasks') out.push('only tasks can be overdue');
  if ((state === 'open' || state === 'closed') && c.objectType !== 'tasks' && c.objectType !== 'tickets') out.push(`only tasks and tickets are ${state}`);
  for (const f of c.where ?? []) {
    // A condition on engagements must hold for each of the four types it spans.
    for (const t of relatedTypesOf(c.objectType)) {
      const m = filterIssue(f, t, info);
      if (m) out.push(m);
    }
  }
  return [...new Set(out)];
}

/**
 * Validates untrusted score data (a saved row, the editor's form) against the schema and the
 * property definitions. Errors are values naming the problem; `compileScores` throws them.
 */
export function checkScore(input: unknown, info: HealthTypeInfo): { ok: true; score: HealthScore } | { ok: false; issues: HealthIssue[] } {
  const parsed = HealthScoreSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const score = parsed.data;
  const issues: HealthIssue[] = [];
  if (score.groups.length === 0) issues.push({ path: 'groups', message: 'A score needs at least one group' });
  const total = score.groups.reduce((s, g) => s + g.maxPoints, 0);
  if (score.groups.length > 0 && total !== 100) {
    issues.push({ path: 'groups', message: `Group maxima must add up to 100, but they add up to ${total}` });
  }
  const ids = new Set<string>();
  score.groups.forEach((g, gi) => {
    if (g.criteria.length === 0) issues.push({ path: `groups.${gi}.criteria`, message: `Group "${g.name}" has no criteria` });
    g.criteria.forEach((c, ci) => {
      if (ids.has(c.id)) issues.push({ path: `groups.${gi}.criteria.${ci}.id`, message: `Criterion id "${c.id}" is used twice` });
      ids.add(c.id);
      for (const m of criterionIssues(c, info)) {
        issues.push({ path: `groups.${gi}.criteria.${ci}`, message: `Criterion ${criterionName(c, ci)} in group "${g.name}": ${m}` });
      }
    });
  });
  if (new Set(score.groups.map((g) => g.id)).size !== score.groups.length) issues.push({ path: 'groups', message: 'Two groups share an id' });
  if (new Set(score.segments).size !== score.segments.length) issues.push({ path: 'segments', message: 'A segment is listed twice' });
  if (info.viewIds) {
    score.segments.forEach((s, i) => {
      if (!info.viewIds?.includes(s)) issues.push({ path: `segments.${i}`, message: `Segment "${s}" is not a saved view` });
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, score };
}

export function assertValidScore(input: unknown, info: HealthTypeInfo): HealthScore {
  const checked = checkScore(input, info);
  if (!checked.ok) throw new HealthModelError(checked.issues);
  return checked.score;
}
