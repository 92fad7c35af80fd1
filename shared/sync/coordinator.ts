import { backoffDelay } from './backoff';
import { DAILY_LIMIT_CODE, msUntilMidnight, PORTAL_INFO_META, type PortalInfo } from './daily-limit';
import { PermanentSyncError, TransientSyncError } from './crm-calls';
import { DEFAULT_TUNING, type SyncContext } from './context';
import { SYNCED_TYPES, type SyncedType } from './object-types';
import { pushOutbox } from './push';
import { observeBudget } from './rate-budget';
import type { CoordinatorOptions } from './coordinator-options';
import { createPullPlan } from './pull-plan';
import { DEFAULT_ACTIVITY, DEFAULT_SCHEDULE, fixedSchedule, type Activity, type PollSchedule } from './schedule';
import { observeServerClock } from './server-clock';
import { syncPass, type RunReport } from './sync-pass';
import { INITIAL_STATUS, statusAfterPass, type SyncStatus, type SyncTrigger } from './status';

export type { RunReport };

export interface SyncCoordinator {
  /** Run one full pass now, or join the one in flight and run once more after it. */
  runOnce(): Promise<RunReport>;
  trigger(reason: SyncTrigger): void;
  setOnline(online: boolean): void;
  /** The window in use or not, on battery or not, the types on screen: the schedule follows (schedule.ts). */
  setActivity(activity: Partial<Activity>): void;
  start(): void;
  stop(): void;
  status(): SyncStatus;
}

/**
 * What a pass does: only send the outbox; send it and pull the types the schedule says are
 * due; or send it and pull every type (start, "Sync now", back from offline or sleep, a
 * retry after a failure).
 */
type PassMode = 'push' | 'due' | 'full';
const RANK: Record<PassMode, number> = { push: 0, due: 1, full: 2 };
const wider = (a: PassMode | null, b: PassMode): PassMode => (a !== null && RANK[a] > RANK[b] ? a : b);
/**
 * The sync loop: reference data when due, push, pull per type, the archived sweep when due,
 * and push again for edits made meanwhile. Exactly one pass runs at a time; triggers that
 * arrive during a pass coalesce into one more pass.
 *
 * An edit, and coming back online, send the outbox at once in a push-only pass (pulls follow
 * when due), so a queue drains in seconds instead of waiting for pulls. Pulls follow the
 * schedule (schedule.ts): each type has its own next due time from its last pull, the
 * activity (types on screen about every minute while the window is in use, the others every
 * 5–10 minutes, everything every 30 minutes when idle or on battery, hourly when the portal's
 * daily budget is low) and a jitter drawn after each pull; a pass pulls the types due.
 * Failures back off with jitter in two ways: when the CRM answered "not now" (429, 5xx,
 * 401) the wait grows to minutes and waking up does not cut it short — that is how storms
 * start; when the CRM could not be reached at all, the network was away, so the wait stays
 * short and a reconnect or resume sends the outbox within `wakeJitterMs`.
 */
export function createSyncCoordinator(opts: CoordinatorOptions): SyncCoordinator {
  const now = opts.now ?? (() => Date.now());
  const random = opts.random ?? Math.random;
  const types = opts.types ?? SYNCED_TYPES;
  const backoff = opts.backoff ?? { baseMs: 2_000, maxMs: 5 * 60_000 };
  const networkBackoff = opts.networkBackoff ?? { baseMs: 2_000, maxMs: 30_000 };
  const plan: PollSchedule = opts.intervalMs !== undefined ? fixedSchedule(opts.intervalMs) : { ...DEFAULT_SCHEDULE, ...opts.schedule };
  /** The end of a backoff (client clock): a change of activity does not cut it short. */
  let holdUntil = 0;
  let status: SyncStatus = { ...INITIAL_STATUS };
  let inFlight: Promise<RunReport> | null = null;
  let next: Promise<RunReport> | null = null;
  let rerun: PassMode | null = null;
  /** Back from offline or sleep: after the outbox is sent, pull what changed meanwhile. */
  let pullAfterPush = false;
  /** Consecutive failures the CRM answered (server backoff) and ones with no answer (network). */
  let failures = 0;
  let networkFailures = 0;
  let timer: { handle: unknown; at: number; mode: PassMode } | null = null;
  /**
   * The next full pass is one the user waits for (the app's start, "Sync now"): its pulls go
   * at the client's full rate. Every other pull — scheduled, the catch-up after a wake-up, a
   * retry — is background traffic the gateway paces (sync-pass.ts `background`).
   */
  let urgent = false;
  let started = false;

  const emit = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    opts.onStatus?.(status);
  };
  const budget = observeBudget(opts.crm);
  const { crm, serverNow: observedServerNow } = observeServerClock(budget.crm, now);
  const serverNow = opts.serverNow ?? observedServerNow;
  const ctx: SyncContext = {
    crm,
    store: opts.store,
    tuning: { ...DEFAULT_TUNING, ...opts.tuning },
    now,
    checkpoint: opts.checkpoint ?? (() => {}),
    progress: (p) => {
      opts.onProgress?.(p);
      emit({
        phase: p.phase,
        progress: { done: p.done, ...(p.objectType ? { objectType: p.objectType } : {}), ...(p.total !== undefined ? { total: p.total } : {}) },
      });
    },
    serverNow,
  };

  const pulls = createPullPlan({ plan, types, random, dailyLow: () => budget.dailyLow(), activity: opts.activity ?? DEFAULT_ACTIVITY });
  const pass = (passTypes: readonly SyncedType[], background: boolean) =>
    syncPass(ctx, {
      types: passTypes,
      now,
      referenceEveryMs: opts.referenceEveryMs,
      sweepEveryMs: opts.sweepEveryMs,
      maintenance: () => !budget.dailyLow(),
      background,
    });

  function noteBudget() {
    const low = budget.dailyLow();
    if (low === (status.budgetLow ?? false)) return;
    const { budgetLow: _b, ...rest } = status;
    status = low ? { ...rest, budgetLow: true } : rest;
  }

  async function run(mode: PassMode): Promise<RunReport> {
    if (!status.online) {
      // A reconnect that arrived while this skipped pass was finishing asked for a pass.
      const following = rerun;
      rerun = null;
      if (started && following && status.online) schedule(0, following);
      return { skipped: 'offline', pushed: 0, pulled: 0 };
    }
    emit({ running: true, phase: 'push' });
    let retryIn: number | undefined;
    const passTypes = mode === 'full' ? types : mode === 'due' ? pulls.dueTypes(now()) : [];
    const foreground = mode === 'full' && urgent;
    if (mode === 'full') urgent = false;
    // Nothing due after all (the activity changed since the timer was set): the outbox still goes.
    if (mode === 'due' && passTypes.length === 0) mode = 'push';
    try {
      const report = mode === 'push' ? { pushed: await pushOutbox(ctx), pulled: 0 } : await pass(passTypes, !foreground);
      failures = 0;
      networkFailures = 0;
      holdUntil = 0;
      if (mode !== 'push') {
        const at = now();
        pulls.pulled(passTypes, at, report.unavailable ?? []);
        status = statusAfterPass(status, { ...report, covered: passTypes }, at);
      } else if (!status.incomplete?.length) {
        // A push that went through clears a transient error; refusals stay until a pass pulls their type.
        const { lastError: _cleared, ...rest } = status;
        status = rest;
      }
      noteBudget();
      emit({});
      return report;
    } catch (err) {
      if (err instanceof TransientSyncError) {
        if (err.unreachable) {
          networkFailures++;
          retryIn = backoffDelay(networkFailures, random, networkBackoff);
        } else if (err.error.code === DAILY_LIMIT_CODE) {
          // The portal's daily budget is spent: the next request that can succeed is after its
          // midnight; spread a fleet's return over the first minutes of the new day.
          failures++;
          const zone = (await opts.store.getMeta<PortalInfo>(PORTAL_INFO_META).catch(() => undefined))?.timeZone;
          retryIn = msUntilMidnight(now(), zone) + random() * 5 * 60_000;
        } else {
          failures++;
          retryIn = backoffDelay(failures, random, backoff, err.retryAfterMs);
        }
        // Whatever the mode, the retry is a full pass: it sends the outbox first anyway.
        rerun = 'full';
        noteBudget();
        emit({ lastError: err.message });
        return { pushed: 0, pulled: 0 };
      }
      emit({
        lastError: err instanceof PermanentSyncError ? `The CRM refused a sync request: ${err.message}` : String(err instanceof Error ? err.message : err),
      });
      throw err;
    } finally {
      if (mode === 'full') pullAfterPush = false;
      emit({ running: false, phase: 'idle' });
      const { progress: _p, ...rest } = status;
      status = rest;
      if (started) {
        const following = rerun ?? (pullAfterPush ? 'full' : null);
        rerun = null;
        if (retryIn !== undefined) {
          holdUntil = now() + retryIn;
          schedule(retryIn, 'full', true);
        } else if (following) schedule(0, following, true);
        else schedule(Math.max(0, pulls.earliestDue() - now()), 'due', true);
      }
    }
  }

  /** The activity changed: wake earlier if a type is now due sooner (never inside a backoff). */
  function wakeForSchedule() {
    const at = Math.max(pulls.earliestDue(), holdUntil, now());
    if (timer && timer.at <= at) return;
    schedule(at - now(), timer ? wider(timer.mode, 'due') : 'due', true);
  }

  function begin(mode: PassMode): Promise<RunReport> {
    const p = run(mode).finally(() => {
      inFlight = null;
    });
    inFlight = p;
    return p;
  }

  /** Callers during a pass share the one pass that follows it: never two loops, never a queue of them. */
  function runOnce(): Promise<RunReport> {
    urgent = true;
    if (!inFlight) return begin('full');
    const after = () => {
      next = null;
      return inFlight ?? begin('full');
    };
    next ??= inFlight.then(after, after);
    return next;
  }

  /**
   * Keep at most one timer; an earlier wish wins (a later pull is not lost: after any pass
   * the next one is scheduled from the types' due times), a wish at or after the timer only
   * widens it to a full pass; `replace` (end of a pass) always sets it.
   */
  function schedule(delayMs: number, mode: PassMode, replace = false) {
    const at = now() + delayMs;
    if (timer && !replace && timer.at <= at) {
      timer.mode = wider(timer.mode, mode);
      return;
    }
    if (timer) opts.timers.clearTimeout(timer.handle);
    const handle = opts.timers.setTimeout(() => {
      // This timer is the current one (a replaced timer is cleared); its mode may have widened.
      const fired = timer?.mode ?? mode;
      timer = null;
      if (inFlight) rerun = wider(rerun, fired);
      else begin(fired).catch(() => {});
    }, delayMs);
    timer = { handle, at, mode };
    emit({ nextAttemptAt: at });
  }

  function trigger(reason: SyncTrigger) {
    if (!started) return;
    const mode: PassMode = reason === 'edit' || reason === 'reconnect' || reason === 'resume' ? 'push' : reason === 'interval' ? 'due' : 'full';
    if (reason === 'reconnect' || reason === 'resume') pullAfterPush = true;
    if (reason === 'now' || reason === 'start') urgent = true;
    if (inFlight) {
      rerun = wider(rerun, mode);
      return;
    }
    if (reason === 'now') {
      failures = 0;
      networkFailures = 0;
      holdUntil = 0;
      schedule(0, 'full');
    } else if (reason === 'edit') schedule(500, 'push');
    else if (reason === 'reconnect' || reason === 'resume') {
      // After 429/5xx the CRM asked us to wait: waking up does not cut that short (storms).
      // After failures that were the network being away, the wait ends now, jittered.
      if (failures > 0) return;
      networkFailures = 0;
      holdUntil = 0;
      schedule(random() * (opts.wakeJitterMs ?? 2_000), 'push');
    } else if (reason === 'interval') schedule(0, 'due');
    else schedule(0, 'full');
  }

  return {
    runOnce,
    trigger,
    status: () => status,
    setActivity(patch) {
      if (!pulls.setActivity(patch, now())) return;
      // During a pass its end schedules from the new activity.
      if (started && !inFlight && status.online) wakeForSchedule();
    },
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
