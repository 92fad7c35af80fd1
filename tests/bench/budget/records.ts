/** How the simulated portal (portal.ts) keeps a type's records: by id, and by (modified, id) for search. */

export interface Rec {
  id: number;
  createdAt: number;
  mod: number;
  archived: boolean;
  value: string;
}

export interface TypeData {
  byId: Map<number, Rec>;
  /** Live ids, ascending (list paging). */
  live: number[];
  /** Live records by (modified, id) ascending (search). */
  byMod: Rec[];
  archived: number[];
}

/** Where `rec` is, or belongs, in `data.byMod` (ordered by modified time, then id). */
export function modIndex(data: TypeData, rec: Rec): number {
  let lo = 0;
  let hi = data.byMod.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = data.byMod[mid]!;
    if (m.mod < rec.mod || (m.mod === rec.mod && m.id < rec.id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of the ascending `xs` whose value is at least `v`. */
export function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
