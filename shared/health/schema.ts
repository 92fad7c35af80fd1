import { z } from 'zod';
import { FilterSchema } from '../views/schema';

/**
 * A health score is data: groups of criteria worth points, thresholds that turn the total
 * into a status, and the segments (saved views) it applies to. These schemas check the
 * shape; `checkScore` adds the checks that need property definitions (validate.ts).
 */

export const HEALTH_STATUSES = ['healthy', 'neutral', 'atRisk'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * Associated records an activity criterion can count. `engagements` is meetings, calls,
 * emails and notes together ("last activity within 14 days").
 */
export const ACTIVITY_TYPES = ['meetings', 'calls', 'emails', 'notes', 'tasks', 'tickets', 'engagements'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ENGAGEMENT_TYPES = ['meetings', 'calls', 'emails', 'notes'] as const;

/** open/closed: tickets by their stage's ticketState, tasks by COMPLETED; overdue: open tasks due before now. */
export const ACTIVITY_STATES = ['any', 'open', 'closed', 'overdue'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const MAX_SEGMENTS = 5;

const Id = z.string().min(1);
const Points = z.number().int().min(-100, 'points must be at least -100').max(100, 'points must be at most 100');
const Label = z.string().max(200).optional();

/** An account property, or a property of an associated record (met when any of them matches). */
export const PropertyCriterionSchema = z
  .object({ id: Id, kind: z.literal('property'), label: Label, points: Points, objectType: z.string().min(1), filter: FilterSchema })
  .strict();

const ActivityBase = {
  id: Id,
  label: Label,
  points: Points,
  objectType: z.enum(ACTIVITY_TYPES),
  state: z.enum(ACTIVITY_STATES).optional(),
  /** Further conditions on the counted records, e.g. priority is any of HIGH, URGENT. */
  where: z.array(FilterSchema).optional(),
};

/** "At least 2 meetings in the last 30 days", "no open high-priority ticket" (= 0), "an overdue task" (≥ 1). */
export const CountCriterionSchema = z
  .object({
    ...ActivityBase,
    kind: z.literal('count'),
    comparator: z.enum(['gte', 'lte', 'eq']),
    count: z.number().int().min(0).max(10_000),
    /** The last D days ending with today (the views engine's "last N days"); absent = any time. */
    windowDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

/** "Last activity within 14 days": the latest matching record in the past is at most D days old. */
export const RecencyCriterionSchema = z.object({ ...ActivityBase, kind: z.literal('recency'), withinDays: z.number().int().min(1).max(3650) }).strict();

export const CriterionSchema = z.discriminatedUnion('kind', [PropertyCriterionSchema, CountCriterionSchema, RecencyCriterionSchema]);
export type PropertyCriterion = z.infer<typeof PropertyCriterionSchema>;
export type CountCriterion = z.infer<typeof CountCriterionSchema>;
export type RecencyCriterion = z.infer<typeof RecencyCriterionSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;

const Name = (what: string) =>
  z
    .string()
    .refine((s) => s.trim() !== '', { message: `${what} name must not be empty` })
    .refine((s) => s.length <= 100, { message: `${what} name must be at most 100 characters` });

export const GroupSchema = z
  .object({
    id: Id,
    name: Name('Group'),
    maxPoints: z.number().int().min(1, 'a group maximum must be at least 1').max(100),
    criteria: z.array(CriterionSchema),
  })
  .strict();
export type HealthGroup = z.infer<typeof GroupSchema>;

export const ThresholdsSchema = z
  .object({ healthy: z.number().int().min(1).max(100), atRisk: z.number().int().min(0).max(100) })
  .strict()
  .refine((t) => t.atRisk <= t.healthy, { message: 'The At risk threshold must not be above the Healthy threshold' });
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { healthy: 70, atRisk: 40 };

export const HealthScoreSchema = z
  .object({
    id: Id,
    name: Name('Score'),
    groups: z.array(GroupSchema),
    thresholds: ThresholdsSchema,
    /** Saved view ids; the score applies to accounts in any of them, or to every account when empty. */
    segments: z.array(Id).max(MAX_SEGMENTS, `A score applies to at most ${MAX_SEGMENTS} segments`),
  })
  .strict();
export type HealthScore = z.infer<typeof HealthScoreSchema>;
