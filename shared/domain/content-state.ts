/**
 * What a list, table or board shows while its data may not be there yet (docs/design.md,
 * "States"): a skeleton until the first sync or the first query has answered, then the rows, or
 * an empty state that says why it is empty — a filter that matches nothing (its action clears
 * the filter) or nothing there at all (its action says where things come from).
 */
export type ContentState = 'loading' | 'rows' | 'noMatch' | 'empty';

export interface ContentFacts {
  /** The query has not answered yet. */
  loading: boolean;
  /** No first sync is under way (during one, an empty list means "not yet", not "none"). */
  synced: boolean;
  /** How many items there are to show. */
  count: number;
  /** The user narrowed the list (a filter, a search, a quick range). */
  filtered: boolean;
}

export function contentState({ loading, synced, count, filtered }: ContentFacts): ContentState {
  if (count > 0) return 'rows';
  if (loading || !synced) return 'loading';
  return filtered ? 'noMatch' : 'empty';
}
