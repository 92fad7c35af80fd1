import { assocType, defaultAssocType } from '../schema/association-types';

const key = (type: string, id: string): string => `${type}:${id}`;

/**
 * Associations between records, held in both directions so a read from either end is one
 * map lookup. A labelled type always comes with the pair's default (unlabelled) type, as in HubSpot.
 */
export class AssociationStore {
  private readonly edges = new Map<string, Map<string, Set<number>>>();
  readonly dirty = new Map<string, { a: string; b: string }>();

  constructor(private readonly onChange: () => void = () => undefined) {}

  load(a: string, b: string, types: number[]): void {
    this.edgeSet(a, b).clear();
    for (const t of types) this.edgeSet(a, b).add(t);
  }

  /** Adds type ids from→to (and their reverse). Returns false if a type does not fit the pair. */
  add(fromType: string, fromId: string, toType: string, toId: string, typeIds: number[]): boolean {
    const defs = typeIds.map((id) => assocType(fromType, toType, id));
    const base = defaultAssocType(fromType, toType);
    if (!base || defs.some((d) => !d)) return false;
    const a = key(fromType, fromId);
    const b = key(toType, toId);
    for (const d of [base, ...defs]) {
      if (!d) continue;
      this.edgeSet(a, b).add(d.id);
      this.edgeSet(b, a).add(d.reverse);
    }
    this.touch(a, b);
    return true;
  }

  /** Removes the given type ids (all when omitted) between two records, in both directions. */
  remove(fromType: string, fromId: string, toType: string, toId: string, typeIds?: number[]): void {
    const a = key(fromType, fromId);
    const b = key(toType, toId);
    const fwd = this.edges.get(a)?.get(b);
    const back = this.edges.get(b)?.get(a);
    if (!fwd || !back) return;
    const ids = typeIds ?? [...fwd];
    for (const id of ids) {
      const d = assocType(fromType, toType, id);
      fwd.delete(id);
      if (d) back.delete(d.reverse);
    }
    // Removing the default type removes the association altogether.
    const base = defaultAssocType(fromType, toType);
    if (base && !fwd.has(base.id)) {
      fwd.clear();
      back.clear();
    }
    this.touch(a, b);
  }

  /** The associated records of one type: [toId, typeIds][] ordered by id. */
  list(fromType: string, fromId: string, toType: string): [string, number[]][] {
    const out: [string, number[]][] = [];
    const prefix = `${toType}:`;
    for (const [to, types] of this.edges.get(key(fromType, fromId)) ?? []) {
      if (types.size > 0 && to.startsWith(prefix)) out.push([to.slice(prefix.length), [...types].sort((x, y) => x - y)]);
    }
    return out.sort((x, y) => Number(x[0]) - Number(y[0]));
  }

  /** The types a record has associations with. */
  partnerTypes(type: string, id: string): string[] {
    const out = new Set<string>();
    for (const [to, types] of this.edges.get(key(type, id)) ?? []) if (types.size > 0) out.add(to.slice(0, to.indexOf(':')));
    return [...out];
  }

  /** Drops every edge of a record (used when it is archived). */
  removeAll(type: string, id: string): void {
    const a = key(type, id);
    for (const [b, types] of this.edges.get(a) ?? []) {
      types.clear();
      this.edges.get(b)?.get(a)?.clear();
      this.touch(a, b);
    }
  }

  pairs(): { a: string; b: string; types: number[] }[] {
    const out: { a: string; b: string; types: number[] }[] = [];
    for (const { a, b } of this.dirty.values()) {
      out.push({ a, b, types: [...(this.edges.get(a)?.get(b) ?? [])] });
      out.push({ a: b, b: a, types: [...(this.edges.get(b)?.get(a) ?? [])] });
    }
    return out;
  }

  private touch(a: string, b: string): void {
    this.dirty.set(a < b ? `${a}|${b}` : `${b}|${a}`, { a, b });
    this.onChange();
  }

  private edgeSet(a: string, b: string): Set<number> {
    let m = this.edges.get(a);
    if (!m) this.edges.set(a, (m = new Map()));
    let s = m.get(b);
    if (!s) m.set(b, (s = new Set()));
    return s;
  }
}
