import {
  acknowledge,
  emptyRecord,
  parseRecord,
  planTick,
  type AnnouncedRecord,
  type Notice,
  type NoticeFormatter,
  type NotifyTask,
  type SchedulerOptions,
} from './scheduler';

/** What a delivered notice became: shown (or refused for good, e.g. no permission), or worth retrying. */
export type DeliveryOutcome = 'done' | 'retry';

export interface NotificationPayload {
  id: string;
  title: string;
  body: string;
  target: string;
}

/** Everything the runner touches, injected: the renderer store passes the real ones, tests fakes. */
export interface NotifyRunnerDeps {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  load(): Promise<unknown>;
  save(record: AnnouncedRecord): Promise<void>;
  deliver(payload: NotificationPayload): Promise<DeliveryOutcome>;
  format: NoticeFormatter;
  options?: Omit<SchedulerOptions, 'enabled' | 'resumed'>;
  /** Undelivered notices older than this are dropped instead of retried forever. */
  outboxTtlMs?: number;
}

export interface NotifyRunner {
  /** Loads the record and delivers what a previous run decided but could not confirm. */
  start(): Promise<void>;
  /** The current tasks (after every sync page or local edit). Nothing is announced before the first call. */
  setTasks(tasks: readonly NotifyTask[]): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  /** The machine woke up: what came due meanwhile is announced as one group. */
  resume(): Promise<void>;
  /** Check now (e.g. the window became visible). */
  tick(): Promise<void>;
  stop(): void;
  /** For tests and diagnostics. */
  readonly state: { record: AnnouncedRecord | null; wakeAt: number | null };
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function createNotifyRunner(deps: NotifyRunnerDeps): NotifyRunner {
  let tasks: readonly NotifyTask[] | null = null;
  let enabled = true;
  let record: AnnouncedRecord | null = null;
  let timer: unknown = null;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  const state = { record: null as AnnouncedRecord | null, wakeAt: null as number | null };
  const ttl = deps.outboxTtlMs ?? 86_400_000;

  // One tick at a time: a tasks change during a delivery waits for it, so nothing is decided twice.
  const serial = (fn: () => Promise<void>): Promise<void> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  function arm(wakeAt: number) {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (stopped) return;
    state.wakeAt = wakeAt;
    timer = deps.setTimer(
      () => {
        timer = null;
        void serial(() => run(false));
      },
      Math.max(0, wakeAt - deps.now()),
    );
  }

  async function flush() {
    if (!record || record.outbox.length === 0) return;
    const now = deps.now();
    const done: string[] = [];
    for (const n of record.outbox) {
      const latest = Math.max(...n.occurrences.map((o) => o.at));
      if (latest < now - ttl) {
        done.push(n.id);
        continue;
      }
      const text = deps.format(n);
      const outcome = await deps.deliver({ id: clip(n.id, 200), title: clip(text.title, 200), body: clip(text.body, 1000), target: n.target });
      if (outcome === 'done') done.push(n.id);
    }
    if (done.length) {
      record = acknowledge(record, done);
      state.record = record;
      await deps.save(record);
    }
  }

  async function run(resumed: boolean) {
    if (stopped || !record || !tasks) return;
    const plan = planTick(tasks, record, deps.now(), { ...deps.options, enabled, resumed });
    record = plan.record;
    state.record = record;
    // Decided before delivered: a crash between the two re-delivers (same id), never forgets.
    await deps.save(record);
    await flush();
    arm(plan.wakeAt);
  }

  return {
    state,
    start: () =>
      serial(async () => {
        stopped = false;
        record = parseRecord(await deps.load());
        state.record = record;
        await flush();
        await run(false);
      }),
    setTasks: (next) =>
      serial(async () => {
        tasks = next;
        await run(false);
      }),
    setEnabled: (on) =>
      serial(async () => {
        enabled = on;
        if (!on && record && record.outbox.length) {
          record = { ...record, outbox: [] };
          await deps.save(record);
        }
        await run(false);
      }),
    resume: () => serial(() => run(true)),
    tick: () => serial(() => run(false)),
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}

export type { Notice };
export { emptyRecord };
