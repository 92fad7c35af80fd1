import { backoffDelay } from './backoff';
import { PermanentSyncError, TransientSyncError } from './crm-calls';
import { DEFAULT_TUNING, type KillPoint, type SyncContext, type SyncProgress, type SyncTuning } from './context';
import { SYNCED_TYPES, type SyncedType } from './object-types';
import type { CrmPort, StorePort } from './ports';
import { observeServerClock } from './server-clock';
import { syncPass, type RunReport } from './sync-pass';
import { INITIAL_STATUS, statusAfterPass, type SyncStatus, type SyncTrigger } from './status';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CoordinatorOptions {
  crm: CrmPort;
  store: StorePort;
  timers: Timers;
  now?: () => number;
  random?: () => number;
  tuning?: Partial<SyncTuning>;
  types?: readonly SyncedType[];
  intervalMs?: number;
  referenceEveryMs?: number;
  sweepEveryMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Spread reconnect/resume triggers over this window so a fleet does not stampede (G12). */
  wakeJitterMs?: number;
  onProgress?: (p: SyncProgress) => void;
  onStatus?: (s: SyncStatus) => void;
  checkpoint?: (p: KillPoint) => void | Promise<void>;
  serverNow?: () => number | undefined;
}


export type { RunReport };

export interface SyncCoordinator {
  /** Run one full pass now, or join the one in flight and run once more after it. */
  runOnce(): Promise<RunReport>;
  trigger(reason: SyncTrigger): void;
  setOnline(online: boolean): void;
  /** Re-read the pending/attention/conflict counts (the outbox changed outside a pass). */
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
  status(): SyncStatus;
}

/**
 * The sync loop: reference data when due, push, pull per type, the archived sweep when due,
 * and push again for edits made meanwhile. Exactly one pass runs at a time; triggers that
 * arrive during a pass coalesce into one more pass. Transient failures back off with jitter.
 */
export function createSyncCoordinator(opts: CoordinatorOptions): SyncCoordinator {
  const now = opts.now ?? (() => Date.now());
  const random = opts.random ?? Math.random;
  const types = opts.types ?? SYNCED_TYPES;
  const backoff = opts.backoff ?? { baseMs: 2_000, maxMs: 5 * 60_000 };
  let status: SyncStatus = { ...INITIAL_STATUS };
  let inFlight: Promise<RunReport> | null = null;
  let next: Promise<RunReport> | null = null;
  let rerun = false;
  let failures = 0;
  let timer: { handle: unknown; at: number } | null = null;
  let started = false;

  const emit = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    opts.onStatus?.(status);
  };
  const { crm, serverNow: observedServerNow } = observeServerClock(opts.crm, now);
  const serverNow = opts.serverNow ?? observedServerNow;
  const ctx: SyncContext = {
    crm,
    store: opts.store,
    tuning: { ...DEFAULT_TUNING, ...opts.tuning },
    now,
    checkpoint: opts.checkpoint ?? (() => {}),
    progress: (p) => {
      opts.onProgress?.(p);
      emit({ phase: p.phase, progress: { done: p.done, ...(p.objectType ? { objectType: p.objectType } : {}), ...(p.total !== undefined ? { total: p.total } : {}) } });
    },
    serverNow,
  };

  const pass = () => syncPass(ctx, { types, now, referenceEveryMs: opts.referenceEveryMs, sweepEveryMs: opts.sweepEveryMs });

  async function refreshCounts() {
    const c = await opts.store.counts();
    emit({ pending: c.pending, errors: c.attention, conflicts: c.conflicts });
  }

  async function run(): Promise<RunReport> {
    if (!status.online) {
      await refreshCounts();
      return { skipped: 'offline', pushed: 0, pulled: 0 };
    }
    emit({ running: true, phase: 'push' });
    let retryIn: number | undefined;
    try {
      const report = await pass();
      failures = 0;
      status = statusAfterPass(status, report, now());
      emit({});
      return report;
    } catch (err) {
      if (err instanceof TransientSyncError) {
        failures++;
        retryIn = backoffDelay(failures, random, backoff, err.retryAfterMs);
        emit({ lastError: err.message });
        return { pushed: 0, pulled: 0 };
      }
      emit({ lastError: err instanceof PermanentSyncError ? `The CRM refused a sync request: ${err.message}` : String(err instanceof Error ? err.message : err) });
      throw err;
    } finally {
      emit({ running: false, phase: 'idle' });
      const { progress: _p, ...rest } = status;
      status = rest;
      await refreshCounts().catch(() => {});
      if (started) schedule(retryIn ?? (rerun ? 0 : (opts.intervalMs ?? 60_000)), true);
    }
  }

  function begin(): Promise<RunReport> {
    rerun = false;
    const p = run().finally(() => {
      inFlight = null;
    });
    inFlight = p;
    return p;
  }

  /** Callers during a pass share the one pass that follows it: never two loops, never a queue of them. */
  function runOnce(): Promise<RunReport> {
    if (!inFlight) return begin();
    const after = () => {
      next = null;
      return inFlight ?? begin();
    };
    next ??= inFlight.then(after, after);
    return next;
  }

  /** Keep at most one timer; an earlier wish wins unless `replace` (end of a pass). */
  function schedule(delayMs: number, replace = false) {
    const at = now() + delayMs;
    if (timer && !replace && timer.at <= at) return;
    if (timer) opts.timers.clearTimeout(timer.handle);
    const handle = opts.timers.setTimeout(() => {
      timer = null;
      runOnce().catch(() => {});
    }, delayMs);
    timer = { handle, at };
    emit({ nextAttemptAt: at });
  }

  function trigger(reason: SyncTrigger) {
    if (!started) return;
    if (inFlight) {
      rerun = true;
      return;
    }
    if (reason === 'now' || reason === 'edit') {
      if (reason === 'now') failures = 0;
      schedule(reason === 'now' ? 0 : 500);
    } else if (reason === 'reconnect' || reason === 'resume') {
      // During a backoff, waking up does not cut the wait short: that is how storms start.
      if (failures === 0) schedule(random() * (opts.wakeJitterMs ?? 2_000));
    } else schedule(0);
  }

  return {
    runOnce,
    trigger,
    status: () => status,
    refresh: refreshCounts,
    setOnline(online) {
      const was = status.online;
      emit({ online });
      if (online && !was) trigger('reconnect');
    },
    start() {
      if (started) return;
      started = true;
      trigger('start');
    },
    stop() {
      started = false;
      if (timer) opts.timers.clearTimeout(timer.handle);
      timer = null;
    },
  };
}
