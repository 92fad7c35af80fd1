import type { BoardRecord, Column } from './board';

/**
 * Helpers that keep a board's recomputation after one change close to the size of the change,
 * not of the board: a drop on a 2,000-card board must render within a frame (issue 17, P6).
 */

/** A stage move shown before (and just after) the store has it: the drop's card moves at once. */
export interface OptimisticMove {
  stageId: string;
  /** The overlay and the outbox entry are on disk: the card shows its pending mark. */
  committed: boolean;
}

export interface StageProps {
  stage: string;
  pipeline: string;
}

type Movable = BoardRecord & { pending: boolean };

/**
 * The records with the optimistic moves laid over them: a moved record is a copy in its target
 * stage, marked pending once its write committed. Records without a move are the same objects.
 */
export function withOptimistic<R extends Movable>(records: readonly R[], moves: ReadonlyMap<string, OptimisticMove>, prop: StageProps): readonly R[] {
  if (moves.size === 0) return records;
  return records.map((r) => {
    const move = moves.get(r.id);
    if (!move) return r;
    return { ...r, properties: { ...r.properties, [prop.stage]: move.stageId }, pending: r.pending || move.committed };
  });
}

/**
 * The committed moves the stored records now show (the record is in the target stage, whether
 * pending or, after a move back, not), or whose record is gone: the store has caught up with them.
 */
export function settledMoves(records: readonly BoardRecord[], moves: ReadonlyMap<string, OptimisticMove>, prop: StageProps): string[] {
  if (moves.size === 0) return [];
  const stageOf = new Map<string, string | null | undefined>();
  for (const r of records) if (moves.has(r.id)) stageOf.set(r.id, r.properties[prop.stage]);
  const out: string[] = [];
  for (const [id, move] of moves) if (move.committed && (!stageOf.has(id) || stageOf.get(id) === move.stageId)) out.push(id);
  return out;
}

/** resort's results, each with the comparison it is sorted by. */
const sortedBy = new WeakMap<readonly unknown[], (a: never, b: never) => number>();

/**
 * `items` sorted by `compare`, fed to the sort in their previous order: V8's TimSort then needs
 * about one comparison per item when few moved, instead of n·log n collator calls. When
 * `previous` is an earlier result of this function with the same `compare`, no item is new and
 * every item that is not the same object as before compares equal to its previous self (a card
 * rebuilt with the same name, as a drop's is), the previous order still holds and is kept with
 * no comparison but those: a drop on a 2,000-card board then costs two, not 2,000 (P6).
 */
export function resort<T extends { id: string }>(items: readonly T[], previous: readonly T[], compare: (a: T, b: T) => number): T[] {
  const rank = new Map<string, number>();
  previous.forEach((p, i) => rank.set(p.id, i));
  const placed: Array<T | undefined> = new Array<T | undefined>(previous.length);
  const rest: T[] = [];
  let inOrder = sortedBy.get(previous) === compare;
  for (const item of items) {
    const r = rank.get(item.id);
    if (r === undefined || placed[r] !== undefined) rest.push(item);
    else {
      placed[r] = item;
      const before = previous[r] as T;
      if (inOrder && item !== before && compare(before, item) !== 0) inOrder = false;
    }
  }
  const out: T[] = [];
  for (const p of placed) if (p !== undefined) out.push(p);
  if (!inOrder || rest.length > 0) {
    for (const r of rest) out.push(r);
    out.sort(compare);
  }
  sortedBy.set(out, compare);
  return out;
}

/**
 * The new columns, each replaced by the previous column object when it holds the same records
 * in the same order (and the same stage and total): Vue then skips the columns a drop left alone.
 */
export function keepUnchanged<R extends BoardRecord>(previous: readonly Column<R>[] | undefined, next: Column<R>[]): Column<R>[] {
  if (!previous) return next;
  const byStage = new Map(previous.map((c) => [c.stage.id, c]));
  return next.map((c) => {
    const old = byStage.get(c.stage.id);
    if (!old || old.stage !== c.stage || old.outcome !== c.outcome || old.total !== c.total || old.records.length !== c.records.length) return c;
    for (let i = 0; i < c.records.length; i++) if (old.records[i] !== c.records[i]) return c;
    return old;
  });
}
