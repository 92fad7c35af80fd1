import { createNotifyRunner, type AnnouncedRecord, type NotificationPayload, type NotifyTask } from '../../shared/notify';

type NotificationFormat = Parameters<typeof createNotifyRunner>[0]['format'];

/** A task as the notification scheduler sees it: subject `Task <id>`, open, no reminders unless `extra` says. */
export const notifyTask = (id: string, dueAt: number | null, extra: Partial<NotifyTask> = {}): NotifyTask => ({
  id,
  subject: `Task ${id}`,
  dueAt,
  reminders: [],
  completed: false,
  ...extra,
});

/** A fake clock with timers, and storage that outlives a runner (a restart is a new runner on the same storage). */
export function runnerHarness(start: number, format: NotificationFormat) {
  let now = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let stored: unknown = undefined;
  const shown: NotificationPayload[] = [];
  /** When each of `shown` was delivered. */
  const shownAt: number[] = [];
  let failing = false;
  const make = () =>
    createNotifyRunner({
      now: () => now,
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id) => void (timers = timers.filter((t) => t.id !== id)),
      load: async () => (stored === undefined ? undefined : JSON.parse(JSON.stringify(stored))),
      save: async (r: AnnouncedRecord) => void (stored = JSON.parse(JSON.stringify(r))),
      deliver: async (p) => {
        if (failing) return 'retry';
        shown.push(p);
        shownAt.push(now);
        return 'done';
      },
      format,
    });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** Advance like a running machine: each timer fires at its time. */
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = Math.max(now, t.at);
      t.fn();
      await settle();
      await settle();
    }
    now = end;
  }
  /** Sleep: the clock jumps, no timer fires until the machine wakes. */
  const sleep = (ms: number) => void (now += ms);
  return {
    make,
    advance,
    sleep,
    shown,
    shownAt,
    settle,
    setFailing: (f: boolean) => void (failing = f),
    get now() {
      return now;
    },
  };
}
