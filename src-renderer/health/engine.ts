import {
  HealthBook,
  checkScore,
  compileScores,
  relatedTypesOfScore,
  type BookChange,
  type HealthContext,
  type HealthResult,
  type HealthScore,
  type HealthSummary,
} from '../../shared/health';
import { createZone, type View } from '../../shared/views';
import type { CsDatabase } from '../db';
import {
  healthReference,
  loadAll,
  loadTouched,
  pendingLinks,
  snapshotDay,
  watchTouched,
  type HealthReference,
  type HealthSnapshot,
  type Touched,
} from '../db/queries/health';
import { writeHealthSnapshot } from '../db/repositories/health-snapshots';

/**
 * The health computation, wherever it runs: in the health worker (health.worker.ts, off the
 * UI thread) or, where there is no Worker (Node tests), in the store's thread. It reads Dexie
 * itself, follows Dexie's change events, and reports results — every account after a full
 * computation, only the accounts a change reached after an incremental one. It also keeps the
 * day's snapshot (db/repositories/health-snapshots.ts): written after each full computation, and
 * a moment after incremental ones settle, so a day's snapshot holds its latest scores whether or
 * not a screen reads health.
 */

/** What the computation needs from the UI thread; `now` lets the worker follow the page's clock. */
export interface EngineInput {
  scores: HealthScore[];
  /** Saved views (score segments). */
  views: View[];
  accountObject: string;
  timeZone: string;
  ownerId: string | null;
  now: number;
}

export type EngineEvent =
  | { type: 'results'; full: boolean; entries: Array<[string, HealthSummary | null]>; names: Array<[string, string]> }
  | { type: 'computing'; computing: boolean }
  | { type: 'error'; message: string };

const CHUNK = 2000;
/** How long incremental results settle before the day's snapshot is rewritten (it holds every account). */
const SNAPSHOT_DELAY_MS = 2000;
const yieldNow = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export interface HealthEngine {
  setInput(input: EngineInput): void;
  /** Recomputes everything (a new day). */
  recomputeAll(now: number): Promise<void>;
  explain(accountId: string, now: number): HealthResult | null;
  stop(): void;
}

export function createHealthEngine(db: CsDatabase, emit: (e: EngineEvent) => void): HealthEngine {
  let input: EngineInput | null = null;
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  let book: HealthBook | null = null;
  let reference: HealthReference | null = null;
  let pending: Map<string, BookChange> = new Map();
  let touchedQueue: Touched[] = [];
  let generation = 0;
  let computing = false;

  function context(): HealthContext {
    return {
      now: now(),
      timeZone: input?.timeZone ?? 'UTC',
      accountObject: input?.accountObject ?? 'companies',
      propertyTypes: reference?.propertyTypes ?? {},
      ticketStageStates: reference?.ticketStageStates ?? {},
      currentUserOwnerId: input?.ownerId ?? undefined,
    };
  }

  const nameOf = (id: string) => book?.account(id)?.properties.name ?? id;
  function publish(full: boolean, ids?: Iterable<string>): void {
    if (!book) return;
    const current = book;
    const entries: Array<[string, HealthSummary | null]> = full ? [...current.allResults()] : [...(ids ?? [])].map((id) => [id, current.result(id) ?? null]);
    emit({ type: 'results', full, entries, names: entries.map(([id]) => [id, nameOf(id)]) });
  }
  function setComputing(on: boolean): void {
    computing = on;
    emit({ type: 'computing', computing: on });
  }

  async function recomputeAll(): Promise<void> {
    if (!input) return;
    const run = ++generation;
    setComputing(true);
    // Changes reported from here on are either in what loadAll reads or applied after it
    // (applying a change twice is harmless: the book stores state, not deltas).
    touchedQueue = [];
    try {
      reference = await healthReference(db);
      const ctx = context();
      const valid = input.scores.filter((s) => checkScore(s, ctx).ok);
      const evaluator = compileScores(valid, input.views, ctx);
      const types = [...new Set(valid.flatMap((s) => [...relatedTypesOfScore(s, ctx.accountObject)]))];
      const loaded = await loadAll(db, ctx.accountObject, types);
      if (run !== generation) return;
      const next = new HealthBook(evaluator, ctx.accountObject);
      next.apply(loaded.changes);
      const ids = next.accountIds();
      for (let i = 0; i < ids.length; i += CHUNK) {
        next.recompute(ids.slice(i, i + CHUNK));
        await yieldNow();
        if (run !== generation) return;
      }
      book = next;
      pending = loaded.pending;
      publish(true);
      await writeSnapshot();
    } catch (e) {
      emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (run === generation) {
        setComputing(false);
        void flush();
      }
    }
  }

  /** Today's snapshot (in the page's zone and clock) of the book's current results. */
  async function writeSnapshot(): Promise<void> {
    clearTimeout(snapshotTimer);
    if (!book || !input) return;
    const snap: HealthSnapshot = {};
    for (const [id, r] of book.allResults()) if (r) snap[id] = [r.score, r.status, r.scoreId];
    await writeHealthSnapshot(db, snapshotDay(createZone(input.timeZone).dayOf(now())), snap);
  }
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  function requestSnapshot(): void {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => {
      writeSnapshot().catch((e: unknown) => emit({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, SNAPSHOT_DELAY_MS);
  }

  // A sync writes many pages in a row; one full recomputation after they settle is enough.
  let recomputeTimer: ReturnType<typeof setTimeout> | undefined;
  function requestRecomputeAll(): void {
    clearTimeout(recomputeTimer);
    recomputeTimer = setTimeout(() => void recomputeAll(), 250);
  }

  let flushing = false;
  /** Applies what Dexie reported since the last flush; schema-level changes start over. */
  async function flush(): Promise<void> {
    if (flushing || !book || computing || !input) return;
    flushing = true;
    try {
      while (touchedQueue.length > 0 && book) {
        const batch = touchedQueue;
        touchedQueue = [];
        const merged: Touched = new Map();
        for (const t of batch) {
          for (const [table, keys] of t) {
            const prev = merged.get(table);
            if (keys === 'all' || prev === 'all') merged.set(table, 'all');
            else merged.set(table, new Set([...(prev ?? []), ...keys]));
          }
        }
        const readsAll = [...merged].some(([table, keys]) => keys === 'all' && table !== 'outbox') || merged.has('properties') || merged.has('pipelines');
        if (readsAll) {
          requestRecomputeAll();
          return;
        }
        const changes = await loadTouched(db, input.accountObject, merged);
        if (merged.has('outbox')) changes.push(...(await pendingLinkChanges(input.accountObject)));
        const current = book;
        const reached = current.apply(changes);
        current.recompute(reached);
        if (reached.size > 0) {
          publish(false, reached);
          requestSnapshot();
        }
      }
    } catch (e) {
      emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      flushing = false;
    }
  }

  /** Offline associations came or went: apply the new ones, and re-read the CRM's state for those gone. */
  async function pendingLinkChanges(accountObject: string): Promise<BookChange[]> {
    const next = await pendingLinks(db, accountObject);
    const out: BookChange[] = [...next.values()];
    for (const [key, c] of pending) {
      if (next.has(key) || c.kind !== 'link') continue;
      const row = await db.associations.get([accountObject, c.accountId, c.objectType, c.id]);
      out.push({ ...c, linked: row !== undefined });
    }
    pending = next;
    return out;
  }

  const stopWatching = watchTouched(db, (t) => {
    touchedQueue.push(t);
    void flush();
  });

  return {
    setInput(next) {
      input = next;
      clockOffset = next.now - Date.now();
      requestRecomputeAll();
    },
    async recomputeAll(at) {
      clockOffset = at - Date.now();
      await recomputeAll();
    },
    explain(accountId, at) {
      clockOffset = at - Date.now();
      return book?.explain(accountId) ?? null;
    },
    stop() {
      stopWatching();
      clearTimeout(recomputeTimer);
      clearTimeout(snapshotTimer);
      generation++;
    },
  };
}
