/** One entry of a property's history (HubSpot's `ValueWithTimestamp`), newest first. */
export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface CrmRecord {
  id: string;
  type: string;
  /** Wire values (strings); a property that was never set or was cleared is absent. */
  props: Record<string, string>;
  /** Explicit history; a property without an entry reports its value at `createdAt` (an import). */
  history: Record<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** In memory only: what search sees while the last write is still "being indexed". */
  indexLag?: { visibleAt: number; before: IndexedState };
}

/** Who a write is attributed to in the property history. */
export interface WriteSource {
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** A record as search saw it before a write; null = it did not exist yet. */
export type IndexedState = { props: Record<string, string>; archived: boolean } | null;
