import { defineStore } from 'pinia';
import { inject, ref, watch } from 'vue';
import { createNotifyRunner, noticeTimes, taskToNotify, type AnnouncedRecord, type NoticeFormatter, type NotifyRunner } from '../../shared/notify';
import { I18N_GLOBAL_KEY } from '../i18n';
import { getMeta, META, putMeta } from '../db/meta';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';
import { useTasksStore } from './tasks';
import { useTimeZonesStore } from './time-zones';
import { useWorkspaceStore } from './workspace';

const ENABLED_KEY = 'cs.notify.enabled';

/**
 * Due-task notifications in the page. The pure scheduler (shared/notify) runs here on the
 * tasks in the renderer's database (Dexie) and delivers through the host contract
 * (`notify:show`). Under the web host this is the one runner: the browser's Notification API
 * shows what it announces; where the browser throttles timers, the scheduler wakes at least
 * once a minute and treats longer gaps (sleep, a closed tab) as "came due while you were
 * away", announced once as one group.
 *
 * In the desktop app the main process owns reminders (`src-main/notify/reminders.ts`, fed by
 * `reminders:set` from `stores/desktop.ts`), so they fire while the page reloads or after it
 * crashed; main answers this runner's task notices with "not shown"
 * (`src-main/electron/desktop.ts`), so each task and due time is announced once.
 */
export const useTaskNotificationsStore = defineStore('task-notifications', () => {
  const host = useHost();
  const db = useDb();
  const i18n = inject(I18N_GLOBAL_KEY);
  if (!i18n) throw new Error('i18n was not provided before the notifications store was used.');
  const workspace = useWorkspaceStore();
  const tasks = useTasksStore();
  const zones = useTimeZonesStore();

  const enabled = ref(localStorage.getItem(ENABLED_KEY) !== 'off');
  const started = ref(false);

  const format: NoticeFormatter = (n) => {
    const t = i18n.t.bind(i18n) as (key: string, named?: Record<string, unknown>, plural?: number) => string;
    if (n.kind === 'group') {
      const count = new Set(n.occurrences.map((o) => o.taskId)).size;
      const subjects = [...new Set(n.occurrences.map((o) => o.subject))];
      return { title: t('tasks.notify.groupTitle', { n: count }, count), body: subjects.slice(0, 5).join(', ') + (subjects.length > 5 ? ', …' : '') };
    }
    const o = n.occurrences[n.occurrences.length - 1];
    if (!o) return { title: '', body: '' };
    // Read when the notice is shown: after a zone change its words are in the new zone (and home's while away).
    const times = o.dueAt === null ? null : noticeTimes(o.dueAt, workspace.timeZone, zones.homeZone, String(i18n.locale.value));
    const time = times === null ? null : times.home === null ? times.local : t('tasks.notify.withHome', { time: times.local, home: times.home });
    if (o.kind === 'reminder') return { title: t('tasks.notify.reminderTitle', { subject: o.subject }), body: time ? t('tasks.notify.dueAt', { time }) : '' };
    return { title: o.subject, body: time ? t('tasks.notify.dueNowAt', { time }) : t('tasks.notify.dueNow') };
  };

  const runner: NotifyRunner = createNotifyRunner({
    now: () => Date.now(),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (h) => window.clearTimeout(h as number),
    load: () => getMeta(db, META.announced),
    save: (record: AnnouncedRecord) => putMeta(db, META.announced, record),
    deliver: async (payload) => {
      const r = await host['notify:show'](payload);
      // Could not reach the host (web host restarting): try again; a refusal is final.
      return !r.ok && r.error.code === 'NETWORK' ? 'retry' : 'done';
    },
    format,
  });

  // Feed the scheduler only once the user's tasks were read: an empty list before that
  // would move the window on without them and lose what came due while the app was closed.
  // Watched here, in the store's own scope, so it outlives the component that called start().
  watch(
    () => [started.value, tasks.ready, tasks.tasks] as const,
    ([isStarted, ready, list]) => {
      if (isStarted && ready) void runner.setTasks(list.map((t) => taskToNotify(t.id, t.properties)));
    },
  );

  /**
   * The browser's permission for notifications. Under the web host the page shows them itself
   * and needs it; the desktop app grants it to its own page, so this reads `granted` there.
   */
  const permission = ref<NotificationPermission | 'unsupported'>('Notification' in window ? Notification.permission : 'unsupported');

  function start() {
    if (started.value) return;
    // Queued in this order: the record is loaded and the switch applied before any tasks arrive.
    void runner.start();
    void runner.setEnabled(enabled.value);
    started.value = true;
    host.on('onDidResume', () => void runner.resume());
    document.addEventListener('visibilitychange', () => {
      // The user may have changed the site's permission meanwhile.
      if ('Notification' in window) permission.value = Notification.permission;
      void runner.tick();
    });
  }

  /** Asked only on the user's click (browsers ignore or block requests made without one). */
  async function askPermission() {
    if (!('Notification' in window)) return;
    permission.value = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  }

  async function setEnabled(on: boolean) {
    enabled.value = on;
    localStorage.setItem(ENABLED_KEY, on ? 'on' : 'off');
    if (on) void askPermission();
    await runner.setEnabled(on);
  }

  return { enabled, started, start, setEnabled, permission, askPermission };
});
