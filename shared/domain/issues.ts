/** A problem found in a saved definition (a view, a health score): where it is and what is wrong. */
export interface Issue {
  /** Dotted path into the definition, e.g. `filterGroups.0.filters.1` or `groups.1.criteria.0`. */
  path: string;
  message: string;
}

/** An error that carries every issue of a definition; its message joins them. Subclasses name the definition. */
export class IssuesError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}
