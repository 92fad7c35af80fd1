/**
 * The smallest and the largest of `ids` as IndexedDB orders strings (by UTF-16 code units, as
 * JavaScript's `<` does), or null when there are none. A key range between the two holds every
 * one of them: a first sync lists records in id order, so the range of a page holds little else.
 */
export function idSpan(ids: readonly string[]): [string, string] | null {
  if (ids.length === 0) return null;
  let lo = ids[0] as string;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return [lo, hi];
}
