/**
 * Property kinds and the filter operators that fit each. The kind comes from the HubSpot
 * property definition (docs/hubspot-api.md §8): `type` plus `referencedObjectType: 'OWNER'`,
 * which makes an enumeration an owner picker.
 */

export const PROPERTY_KINDS = ['string', 'phone_number', 'number', 'date', 'datetime', 'enumeration', 'owner', 'bool'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

/** The operators, each spelled once, in groups; a kind offers some of the groups (BY_KIND below). */
const TEXT = ['is', 'is_not', 'contains', 'not_contains'] as const;
const CHOICE = ['is_any_of', 'is_none_of'] as const;
const COMPARE = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
const RANGE = ['between'] as const;
const DAY = ['on', 'before', 'after'] as const;
const PERIOD = ['in_period', 'before_now', 'after_now'] as const;
const BOOL = ['is_true', 'is_false'] as const;
const PRESENCE = ['is_known', 'is_unknown'] as const;

export const OPERATORS = [...TEXT, ...CHOICE, ...COMPARE, ...RANGE, ...DAY, ...PERIOD, ...BOOL, ...PRESENCE] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Relative periods, resolved against `ctx.now` in `ctx.timeZone`. A custom range is the
 * `between` operator (filters) or `{ period: 'custom', from, to }` (quick filters).
 */
export const RELATIVE_PERIODS = [
  'today',
  'yesterday',
  'tomorrow',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'next_7_days',
  'next_30_days',
  'next_90_days',
  'this_week',
  'this_month',
  'this_quarter',
  'last_quarter',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

const TEXT_OPS = [...TEXT, ...CHOICE, ...PRESENCE];
const NUMBER_OPS = [...COMPARE, ...RANGE, ...PRESENCE];
const DATE_OPS = [...DAY, ...RANGE, ...PERIOD, ...PRESENCE];
const CHOICE_OPS = [...CHOICE, ...PRESENCE];
const BOOL_OPS = [...BOOL, ...PRESENCE];

const BY_KIND: Readonly<Record<PropertyKind, readonly Operator[]>> = {
  string: TEXT_OPS,
  phone_number: TEXT_OPS,
  number: NUMBER_OPS,
  date: DATE_OPS,
  datetime: DATE_OPS,
  enumeration: CHOICE_OPS,
  owner: CHOICE_OPS,
  bool: BOOL_OPS,
};

/** The operators the UI may offer for a property of this kind, in display order. */
export function operatorsFor(kind: PropertyKind): readonly Operator[] {
  return BY_KIND[kind];
}

export function operatorFits(kind: PropertyKind, operator: Operator): boolean {
  return BY_KIND[kind].includes(operator);
}

/** What an operator needs besides the property: nothing, `value`, `values` or `value` + `highValue`. */
export type Arity = 'none' | 'value' | 'values' | 'range';

export function arityOf(operator: Operator): Arity {
  switch (operator) {
    case 'is_known':
    case 'is_unknown':
    case 'before_now':
    case 'after_now':
    case 'is_true':
    case 'is_false':
      return 'none';
    case 'is_any_of':
    case 'is_none_of':
      return 'values';
    case 'between':
      return 'range';
    default:
      return 'value';
  }
}

/**
 * The kind of a HubSpot property definition (a stored `PropertyRow` as it is). Unknown, legacy or missing `type`s are treated
 * as text, which only offers text operators (docs/hubspot-api.md §8: "accept any string").
 */
export function propertyKindOf(def: { type?: string | null; referencedObjectType?: string | null }): PropertyKind {
  const type = def.type ?? 'string';
  if (type === 'enumeration' && def.referencedObjectType === 'OWNER') return 'owner';
  return (PROPERTY_KINDS as readonly string[]).includes(type) && type !== 'owner' ? (type as PropertyKind) : 'string';
}

/** In owner filters, stands for `ctx.currentUserOwnerId`, so one view serves every user. */
export const ME = '@me';
