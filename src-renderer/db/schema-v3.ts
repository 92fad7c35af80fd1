/**
 * Schema version 3: the associations table keeps its primary key only. Its two other indexes,
 * `[fromType+fromId]` and `[fromType+fromId+toType]`, are prefixes of the primary key
 * `[fromType+fromId+toType+toId]`, so Dexie answers queries on them from the primary key (its
 * "virtual indexes": the same rows, in the same order); kept as real indexes they only made
 * every association written cost three B-tree entries instead of one. It is the largest table
 * (both directions of every link), and a first sync writes all of it: measured in Chromium,
 * writing 800,000 association rows took 1.54× as long with the two indexes as without.
 * Queries keep naming the prefixes. SHIPPED VERSIONS ARE NEVER EDITED (see schema-v1.ts).
 */
export const schemaV3 = {
  version: 3,
  stores: {
    associations: '[fromType+fromId+toType+toId]',
  },
} as const;
