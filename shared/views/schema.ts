import { z } from 'zod';
import { OPERATORS, RELATIVE_PERIODS, arityOf } from './kinds';
import { parseIsoDay } from './wire';

/**
 * A view is data: what the sidebar lists, what is saved per user (or shared with
 * Everyone), and what `compileView` evaluates. These schemas check what does not depend on
 * the property definitions; `checkView` adds the checks that do.
 */

const IsoDay = z.string().refine((s) => parseIsoDay(s) !== undefined, { message: 'must be a calendar day YYYY-MM-DD' });

export const FilterSchema = z
  .object({
    property: z.string().min(1, 'filter property must not be empty'),
    operator: z.enum(OPERATORS),
    value: z.string().optional(),
    values: z.array(z.string()).optional(),
    highValue: z.string().optional(),
    /** `setAt` filters on when the property was last set (ctx.propertySetAt), as a datetime. */
    target: z.enum(['value', 'setAt']).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const need = arityOf(f.operator);
    const say = (message: string): void => ctx.addIssue({ code: 'custom', message: `Filter on "${f.property}" with "${f.operator}" ${message}` });
    if ((need === 'value' || need === 'range') && (f.value === undefined || f.value === '')) say('needs a value');
    if (need === 'range' && (f.highValue === undefined || f.highValue === '')) say('needs a high value');
    if (need === 'values' && (f.values === undefined || f.values.length === 0)) say('needs at least one value');
  });
export type Filter = z.infer<typeof FilterSchema>;

export const FilterGroupSchema = z.object({ filters: z.array(FilterSchema) }).strict();
export type FilterGroup = z.infer<typeof FilterGroupSchema>;

export const DateRangeSchema = z.union([
  z.object({ period: z.enum(RELATIVE_PERIODS) }).strict(),
  z
    .object({ period: z.literal('custom'), from: IsoDay, to: IsoDay })
    .strict()
    .refine((r) => r.from <= r.to, { message: 'custom range must not end before it starts' }),
]);
export type DateRange = z.infer<typeof DateRangeSchema>;

export const SortSchema = z.object({ property: z.string().min(1), direction: z.enum(['asc', 'desc']) }).strict();
export type ViewSort = z.infer<typeof SortSchema>;

export const ViewSchema = z
  .object({
    id: z.string().min(1),
    name: z
      .string()
      .refine((s) => s.trim() !== '', { message: 'View name must not be empty' })
      .refine((s) => s.length <= 100, { message: 'View name must be at most 100 characters' }),
    objectType: z.string().min(1),
    filterGroups: z.array(FilterGroupSchema),
    quick: z.object({ createDate: DateRangeSchema.optional(), lastActivity: DateRangeSchema.optional() }).strict().optional(),
    sort: SortSchema.optional(),
    columns: z.array(z.string().min(1)),
    sharing: z.enum(['private', 'everyone']),
    ownerUserId: z.string().min(1),
    isDefault: z.boolean().optional(),
    featured: z.boolean().optional(),
    description: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Only Everyone views can be the default or be featured on Summary (docs/product.md §3).
    if (v.sharing !== 'everyone' && v.isDefault) {
      ctx.addIssue({ code: 'custom', path: ['isDefault'], message: 'Only views shared with Everyone can be set as default' });
    }
    if (v.sharing !== 'everyone' && v.featured) {
      ctx.addIssue({ code: 'custom', path: ['featured'], message: 'Only views shared with Everyone can be featured on Summary' });
    }
    if (v.featured && !v.description?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'A featured view needs a description' });
    }
  });
export type View = z.infer<typeof ViewSchema>;
