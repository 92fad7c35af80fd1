import type { PropertyKind } from './kinds';

/** A record as the local store keeps it: HubSpot wire strings (docs/hubspot-api.md §2). */
export interface ViewRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** Everything evaluation depends on besides the view; tests fix `now` and `timeZone`. */
export interface ViewContext {
  /** Epoch ms. */
  now: number;
  /** IANA zone of the user; "today", day boundaries and quarters are computed in it. */
  timeZone: string;
  propertyTypes: Readonly<Record<string, PropertyKind>>;
  /** Owner id `@me` stands for in owner filters; without it `@me` matches nothing. */
  currentUserOwnerId?: string;
  /** When `property` was last set on `record` (epoch ms), from property history. */
  propertySetAt?: (record: ViewRecord, property: string) => number | undefined;
  /** 0 = Sunday … 6 = Saturday; default 1 (Monday) for "this week". */
  weekStartsOn?: number;
  /** Collation locale for text sorting; default the runtime's. */
  locale?: string;
  /** Properties the quick filters apply to; they differ per object type. */
  quickProperties?: { createDate?: string; lastActivity?: string };
}

/** HubSpot's create date and "Last activity date" (`notes_last_updated`) on companies, contacts and deals. */
export const DEFAULT_QUICK_PROPERTIES = { createDate: 'createdate', lastActivity: 'notes_last_updated' } as const;

export function quickPropertiesOf(ctx: Pick<ViewContext, 'quickProperties'>): { createDate: string; lastActivity: string } {
  return { ...DEFAULT_QUICK_PROPERTIES, ...ctx.quickProperties };
}
