import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallOutput } from '../../shared/contract';
import { noticeTimes, rescheduledDue, taskIdOfTarget, type Notice, type NoticeFormatter, type NotifyTask, type Occurrence } from '../../shared/notify';
import { writePrivateFileSync } from '../private-file';
import { createMainNotifications } from './index';

/**
 * Due-task reminders owned by the main process (issue 20): the page pushes its open tasks
 * (`reminders:set`), and main runs the one scheduler (shared/notify) on them, so a reminder
 * fires while the page reloads, crashed or was never opened since the app started. The
 * announced record lives in `<data>/notify/announced.json`, so each (task, due time) is
 * announced once across restarts; after sleep what fell due is announced as one group.
 *
 * Actions, where the OS shows them (macOS): snoozes are main's own (an extra reminder time,
 * kept in `<data>/notify/snoozed.json`); "Mark complete" is an edit, so it waits here until
 * the page takes it (`reminders:takeActions`) and puts it in its outbox like any edit.
 * No `electron` here: the OS notification comes in as a `ReminderNotifier`.
 */

export interface ReminderNotification {
  id: string;
  title: string;
  body: string;
  target: string;
  /** Button labels, in order; empty when the OS shows none or the notice is a group. */
  actions: string[];
}

export interface ReminderNotifier {
  /** Shows it; false when the OS shows no notifications. */
  show(n: ReminderNotification, on: { click(): void; action(index: number): void }): boolean;
}

export type ReminderAction = 'snooze-10m' | 'snooze-1h' | 'snooze-tomorrow' | 'complete';
export const REMINDER_ACTIONS: readonly ReminderAction[] = ['snooze-10m', 'snooze-1h', 'snooze-tomorrow', 'complete'];

type Words = Record<ReminderAction, string> & {
  group(count: number): string;
  reminder(subject: string): string;
  dueAt(time: string): string;
  taskReminder: string;
  dueNowAt(time: string): string;
  dueNow: string;
  withHome(local: string, home: string): string;
};

function plTasks(n: number): string {
  if (n === 1) return 'zadanie';
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'zadania' : 'zadań';
}

const WORDS: Record<'en' | 'pl', Words> = {
  en: {
    'snooze-10m': 'Snooze 10 min',
    'snooze-1h': 'Snooze 1 hour',
    'snooze-tomorrow': 'Snooze until tomorrow',
    complete: 'Mark complete',
    group: (n) => `${n} tasks came due while you were away`,
    reminder: (s) => `Reminder: ${s}`,
    dueAt: (t) => `Due at ${t}`,
    taskReminder: 'Task reminder',
    dueNowAt: (t) => `Task due now (${t})`,
    dueNow: 'Task due now',
    withHome: (l, h) => `${l}, home ${h}`,
  },
  pl: {
    'snooze-10m': 'Przypomnij za 10 min',
    'snooze-1h': 'Przypomnij za godzinę',
    'snooze-tomorrow': 'Przypomnij jutro',
    complete: 'Oznacz jako wykonane',
    group: (n) => `${n} ${plTasks(n)} z terminem w czasie Twojej nieobecności`,
    reminder: (s) => `Przypomnienie: ${s}`,
    dueAt: (t) => `Termin o ${t}`,
    taskReminder: 'Przypomnienie o zadaniu',
    dueNowAt: (t) => `Termin zadania teraz (${t})`,
    dueNow: 'Termin zadania teraz',
    withHome: (l, h) => `${l}, w domu ${h}`,
  },
};

export function reminderWords(locale: string): Words {
  return locale.toLowerCase().startsWith('pl') ? WORDS.pl : WORDS.en;
}

/** The words of a notice in the OS language, times in the workspace's zone (and the home zone's beside them while away). */
export function reminderFormatter(locale: string, timeZone: () => string, homeZone: () => string | null = () => null): NoticeFormatter {
  const w = reminderWords(locale);
  const timeLocale = locale.toLowerCase().startsWith('pl') ? 'pl-PL' : 'en-GB';
  return (n: Notice) => {
    if (n.kind === 'group') {
      const subjects = [...new Set(n.occurrences.map((o) => o.subject))];
      return { title: w.group(new Set(n.occurrences.map((o) => o.taskId)).size), body: subjects.slice(0, 5).join(', ') + (subjects.length > 5 ? ', …' : '') };
    }
    const o = n.occurrences[n.occurrences.length - 1] as Occurrence;
    const times = o.dueAt === null ? null : noticeTimes(o.dueAt, timeZone(), homeZone(), timeLocale);
    const time = times === null ? '' : times.home === null ? times.local : w.withHome(times.local, times.home);
    if (o.kind === 'reminder') return { title: w.reminder(o.subject), body: time ? w.dueAt(time) : w.taskReminder };
    return { title: o.subject, body: time ? w.dueNowAt(time) : w.dueNow };
  };
}

export interface DesktopRemindersDeps {
  notifier: ReminderNotifier;
  /** `<data>/notify`. */
  dir: string;
  /** `app.getLocale()`: the words follow the OS language, like the tray. */
  locale: string;
  /** Whether the OS shows notification buttons (Electron: macOS). */
  supportsActions: boolean;
  /** A click: bring the window and open this route. */
  onOpen(target: string): void;
  /** An action waits for the page (`reminders:takeActions`). */
  onActionQueued(): void;
  log(line: string): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface DesktopReminders {
  start(): Promise<void>;
  set(input: CallInput<'reminders:set'>): Promise<void>;
  /** The machine woke up: what fell due meanwhile comes as one group. */
  resume(): Promise<void>;
  takeActions(): CallOutput<'reminders:takeActions'>['actions'];
  stop(): void;
  /** Snoozed reminder times by task (for tests and diagnostics). */
  snoozed(): Readonly<Record<string, readonly number[]>>;
}

const SNOOZE_KEEP_MS = 86_400_000;

function readSnoozes(file: string): Record<string, number[]> {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const out: Record<string, number[]> = {};
    if (raw && typeof raw === 'object') {
      for (const [id, times] of Object.entries(raw)) if (Array.isArray(times)) out[id] = times.filter((t): t is number => typeof t === 'number');
    }
    return out;
  } catch {
    return {};
  }
}

function readActions(file: string): Array<{ taskId: string; action: 'complete' }> {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(raw)
      ? raw.filter((a): a is { taskId: string; action: 'complete' } => !!a && typeof a.taskId === 'string' && a.action === 'complete')
      : [];
  } catch {
    return [];
  }
}

export function createDesktopReminders(deps: DesktopRemindersDeps): DesktopReminders {
  const now = deps.now ?? (() => Date.now());
  const snoozeFile = join(deps.dir, 'snoozed.json');
  let snoozes = readSnoozes(snoozeFile);
  let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let homeZone: string | null = null;
  let pushed: NotifyTask[] | null = null;
  /** Completed from a notification, until the page's next list no longer has them open. */
  const completedHere = new Set<string>();
  // Kept in a file too: a "Mark complete" must survive quitting before the page took it.
  const actionsFile = join(deps.dir, 'actions.json');
  const queued: Array<{ taskId: string; action: 'complete' }> = readActions(actionsFile);
  for (const a of queued) completedHere.add(a.taskId);
  const saveActions = () => {
    try {
      writePrivateFileSync(actionsFile, JSON.stringify(queued));
    } catch (err) {
      deps.log(`reminder actions were not saved: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  };
  const words = reminderWords(deps.locale);

  const runner = createMainNotifications({
    recordPath: join(deps.dir, 'announced.json'),
    timeZone,
    format: reminderFormatter(
      deps.locale,
      () => timeZone,
      () => homeZone,
    ),
    now,
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
    ...(deps.clearTimer ? { clearTimer: deps.clearTimer } : {}),
    notifier: {
      show: async (n) => {
        const target = n.target ?? '/tasks';
        const taskId = taskIdOfTarget(target);
        const actions = deps.supportsActions && taskId !== null ? REMINDER_ACTIONS.map((a) => words[a]) : [];
        return deps.notifier.show(
          { id: n.id, title: n.title, body: n.body, target, actions },
          {
            click: () => deps.onOpen(target),
            action: (index) => {
              const action = REMINDER_ACTIONS[index];
              if (taskId !== null && action) act(taskId, action);
            },
          },
        );
      },
    },
  });

  function saveSnoozes() {
    try {
      writePrivateFileSync(snoozeFile, JSON.stringify(snoozes));
    } catch (err) {
      deps.log(`snoozed reminders were not saved: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }

  /** What the scheduler sees: the page's open tasks, with main's snoozes as extra reminders. */
  function feed(): Promise<void> {
    if (!pushed) return Promise.resolve();
    const tasks = pushed
      .filter((t) => !completedHere.has(t.id))
      .map((t) => (snoozes[t.id] ? { ...t, reminders: [...t.reminders, ...(snoozes[t.id] ?? [])] } : t));
    return runner.setTasks(tasks);
  }

  function act(taskId: string, action: ReminderAction) {
    const at = now();
    if (action === 'complete') {
      completedHere.add(taskId);
      queued.push({ taskId, action: 'complete' });
      saveActions();
      deps.onActionQueued();
    } else {
      const until = action === 'snooze-10m' ? at + 10 * 60_000 : action === 'snooze-1h' ? at + 3_600_000 : rescheduledDue('tomorrow', null, at, timeZone);
      snoozes = { ...snoozes, [taskId]: [...(snoozes[taskId] ?? []), until] };
      saveSnoozes();
    }
    void feed();
  }

  return {
    start: () => runner.start(),
    async set(input) {
      timeZone = input.timeZone;
      homeZone = input.homeTimeZone ?? null;
      const open = new Set(input.tasks.map((t) => t.id));
      for (const id of completedHere) if (!open.has(id)) completedHere.delete(id);
      // Snoozes of tasks no longer open, or long past, are forgotten.
      const at = now();
      const kept: Record<string, number[]> = {};
      for (const [id, times] of Object.entries(snoozes)) {
        const live = times.filter((t) => t > at - SNOOZE_KEEP_MS);
        if (open.has(id) && live.length) kept[id] = live;
      }
      if (JSON.stringify(kept) !== JSON.stringify(snoozes)) {
        snoozes = kept;
        saveSnoozes();
      }
      pushed = input.tasks.map((t) => ({ id: t.id, subject: t.subject || '(no subject)', dueAt: t.dueAt, reminders: t.reminders, completed: false }));
      await runner.setEnabled(input.enabled);
      await feed();
    },
    resume: () => runner.resume(),
    takeActions() {
      const taken = queued.splice(0);
      if (taken.length) saveActions();
      return taken;
    },
    stop: () => runner.stop(),
    snoozed: () => snoozes,
  };
}
