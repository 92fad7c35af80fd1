import { defineStore } from 'pinia';
import { inject, watch } from 'vue';
import { routerKey } from 'vue-router';
import { MAX_REMINDER_TASKS, type CallInput } from '../../shared/contract';
import { taskToNotify, type NotifyTask } from '../../shared/notify';
import { openRoute } from '../lib/host-links';
import { useHost } from './host-key';
import { useSyncStore } from './sync';
import { useTaskNotificationsStore } from './task-notifications';
import { useTasksStore } from './tasks';
import { useTimeZonesStore } from './time-zones';
import { useWorkspaceStore } from './workspace';

const PUSH_DELAY_MS = 500;
const SUBJECT_MAX = 200;
/** Past-due tasks older than this are not handed to the host (the scheduler keeps 14 days of keys). */
const PAST_MS = 14 * 86_400_000;

type ReminderTask = CallInput<'reminders:set'>['tasks'][number];

/** The open tasks the host's reminder runner needs (id, subject, times), nearest first, capped. */
export function reminderTasks(tasks: readonly NotifyTask[], now: number): ReminderTask[] {
  const times = (t: NotifyTask) => [...(t.dueAt === null ? [] : [t.dueAt]), ...t.reminders];
  return tasks
    .filter((t) => !t.completed && times(t).some((at) => at >= now - PAST_MS))
    .map((t) => ({ t, first: Math.min(...times(t).filter((at) => at >= now - PAST_MS)) }))
    .sort((a, b) => a.first - b.first)
    .slice(0, MAX_REMINDER_TASKS)
    .map(({ t }) => ({ id: t.id, subject: t.subject.slice(0, SUBJECT_MAX), dueAt: t.dueAt, reminders: t.reminders.slice(0, 20) }));
}

/** The next open task due after `now`, for the tray. */
export function nextDue(tasks: readonly NotifyTask[], now: number): CallInput<'desktop:setStatus'>['nextDue'] {
  let best: NotifyTask | null = null;
  for (const t of tasks) if (!t.completed && t.dueAt !== null && t.dueAt > now && (best === null || t.dueAt < (best.dueAt ?? Infinity))) best = t;
  return best && best.dueAt !== null ? { id: best.id, subject: best.subject.slice(0, SUBJECT_MAX), dueAt: best.dueAt } : null;
}

/**
 * The page's side of the desktop integration (issue 20). The page owns the data; the host
 * owns the OS. So this hands the host what the tray shows (pending edits, next due task) and
 * the open tasks it reminds of, runs the tray's "Sync now", and applies what the user chose
 * on a reminder ("Mark complete") through the tasks store, i.e. the outbox, like any edit.
 * Under the web host the calls are no-ops and the page's own runner announces.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const host = useHost();
  const tasks = useTasksStore();
  const sync = useSyncStore();
  const notifications = useTaskNotificationsStore();
  const workspace = useWorkspaceStore();
  const zones = useTimeZonesStore();
  // The app's router, when there is one (tests of single components may have none).
  const router = inject(routerKey, null);
  let started = false;
  let hostIsDesktop = true;
  let pushTimer: ReturnType<typeof setTimeout> | null = null;

  const notifyTasks = () => tasks.tasks.map((t) => taskToNotify(t.id, t.properties));

  function pushSoon() {
    if (pushTimer !== null) clearTimeout(pushTimer);
    pushTimer = setTimeout(() => {
      pushTimer = null;
      void push();
    }, PUSH_DELAY_MS);
  }

  async function push() {
    // A host without a desktop (the web host) said so at the first reminders:set: nothing more to tell it.
    if (!hostIsDesktop) return;
    const list = notifyTasks();
    const now = Date.now();
    await host['desktop:setStatus']({ pendingEdits: sync.pending, nextDue: nextDue(list, now) });
    // Before the tasks were read, an empty list would tell the host there is nothing to remind of.
    if (!tasks.ready) return;
    const r = await host['reminders:set']({
      enabled: notifications.enabled,
      timeZone: workspace.timeZone,
      homeTimeZone: zones.homeZone,
      tasks: reminderTasks(list, now),
    });
    if (r.ok && !r.data.ownedByHost) hostIsDesktop = false;
  }

  async function takeActions() {
    const r = await host['reminders:takeActions']({});
    if (!r.ok) return;
    // A reminder clicked, or a link opened, while this page was being made: open what it asked for.
    if (r.data.open && router) void openRoute(router, r.data.open);
    for (const a of r.data.actions) if (a.action === 'complete') await tasks.setCompleted(a.taskId, true);
  }

  function start() {
    if (started) return;
    started = true;
    // A system zone change while the app runs (stores/time-zones.ts) re-hands the reminders, so their words follow it.
    watch(() => [tasks.ready, tasks.tasks, sync.pending, notifications.enabled, workspace.timeZone, zones.homeZone] as const, pushSoon, { immediate: true });
    // The next due task moves on with the clock, not only with edits.
    setInterval(pushSoon, 60_000);
    host.on('onDidRequestSync', () => sync.syncNow());
    host.on('onDidRequestTaskAction', () => void takeActions());
    // What the user chose while no page was there (reloading, crashed) waits in the host.
    void takeActions();
  }

  return { start };
});
