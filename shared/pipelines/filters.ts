import { isRunnableFilter, ME, type Filter, type FilterGroup, type PropertyKind, type RelativePeriod, type View } from '../views';

/** The quick filters of the board and table; saved views store exactly this. */
export interface BoardFilters {
  /** 'any', 'me', 'none' (unassigned) or an owner id. */
  owner: string;
  createDate: RelativePeriod | 'any';
  lastActivity: RelativePeriod | 'any';
  /** Advanced filters: OR between groups, AND within one (the views engine's model). */
  groups: FilterGroup[];
}

export const NO_FILTERS: BoardFilters = { owner: 'any', createDate: 'any', lastActivity: 'any', groups: [] };

/**
 * The advanced groups without the filters the user is still writing (no property yet, a
 * value missing): those are skipped, not errors, so the board never goes blank mid-edit.
 */
export function completeGroups(groups: readonly FilterGroup[], propertyTypes: Readonly<Record<string, PropertyKind>>): FilterGroup[] {
  return groups.map((g) => ({ filters: g.filters.filter((f) => isRunnableFilter(f, propertyTypes[f.property])) })).filter((g) => g.filters.length > 0);
}

/** Periods offered for "created" and "last activity": both look back from today. */
export const PAST_PERIODS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'this_month',
  'this_quarter',
  'last_quarter',
] as const satisfies readonly RelativePeriod[];

/**
 * HubSpot's "Last activity date" is `notes_last_updated` on deals; tickets have no such
 * property in the demo CRM, so their last modification stands in for it.
 */
export function quickPropertiesFor(objectType: string): { createDate: string; lastActivity: string } {
  return { createDate: 'createdate', lastActivity: objectType === 'tickets' ? 'hs_lastmodifieddate' : 'notes_last_updated' };
}

/** Kinds the filters need even before property definitions are synced. */
export function fallbackKinds(objectType: string): Record<string, PropertyKind> {
  const q = quickPropertiesFor(objectType);
  return { hubspot_owner_id: 'owner', [q.createDate]: 'datetime', [q.lastActivity]: 'datetime' };
}

/**
 * The filters as a view of the views engine, so evaluation is the one shared by every tab.
 * `groups` must be complete (see completeGroups); the owner filter joins every group.
 */
export function filtersToView(objectType: string, f: BoardFilters, ownerUserId: string, groups: readonly FilterGroup[] = []): View {
  const filters: Filter[] = [];
  if (f.owner === 'me') filters.push({ property: 'hubspot_owner_id', operator: 'is_any_of', values: [ME] });
  else if (f.owner === 'none') filters.push({ property: 'hubspot_owner_id', operator: 'is_unknown' });
  else if (f.owner !== 'any') filters.push({ property: 'hubspot_owner_id', operator: 'is_any_of', values: [f.owner] });
  const quick: NonNullable<View['quick']> = {};
  if (f.createDate !== 'any') quick.createDate = { period: f.createDate };
  if (f.lastActivity !== 'any') quick.lastActivity = { period: f.lastActivity };
  return {
    id: 'pipelines-board',
    name: 'Board',
    objectType,
    filterGroups: groups.length ? groups.map((g) => ({ filters: [...g.filters, ...filters] })) : filters.length ? [{ filters }] : [],
    quick,
    columns: [],
    sharing: 'private',
    ownerUserId: ownerUserId || 'unknown',
  };
}

/**
 * A saved view back into the board's filters. The owner choice is stored inside the view's
 * groups (that is how the views engine sees it), so it comes back as an advanced filter.
 */
export function viewToFilters(view: View): BoardFilters {
  const period = (r: NonNullable<View['quick']>['createDate']) =>
    r && r.period !== 'custom' && (PAST_PERIODS as readonly string[]).includes(r.period) ? r.period : 'any';
  return {
    owner: 'any',
    createDate: period(view.quick?.createDate),
    lastActivity: period(view.quick?.lastActivity),
    groups: view.filterGroups.map((g) => ({ filters: g.filters.map((f) => ({ ...f })) })),
  };
}
