import type { Filter, PropertyKind, View, ViewContext, ViewRecord } from '../../../shared/views';

export const KINDS: Record<string, PropertyKind> = {
  name: 'string',
  phone: 'phone_number',
  amount: 'number',
  renewal: 'date',
  last_contacted: 'datetime',
  tier: 'enumeration',
  csm: 'owner',
  active: 'bool',
};

/** Friday 2026-11-27, 09:00 in Warsaw (CET, UTC+1). */
export const NOW = Date.parse('2026-11-27T08:00:00Z');

export const ctx = (over: Partial<ViewContext> = {}): ViewContext => ({
  now: NOW,
  timeZone: 'Europe/Warsaw',
  propertyTypes: KINDS,
  currentUserOwnerId: '11',
  ...over,
});

export const view = (filterGroups: Filter[][], over: Partial<View> = {}): View => ({
  id: 'v1',
  name: 'Test view',
  objectType: 'companies',
  filterGroups: filterGroups.map((filters) => ({ filters })),
  columns: ['name'],
  sharing: 'private',
  ownerUserId: 'u1',
  ...over,
});

export const rec = (id: string, properties: ViewRecord['properties']): ViewRecord => ({ id, properties });
