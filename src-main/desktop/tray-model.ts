import type { CallInput } from '../../shared/contract';
import { taskTarget, wallClockOf } from '../../shared/notify';

/**
 * What the tray shows, as plain data: its tooltip and its menu. Pure (no `electron`), so
 * the words and the order are tested here; src-main/electron/tray.ts only draws it.
 */
export type TrayStatus = CallInput<'desktop:setStatus'>;

export type TrayItemId = 'pending' | 'next' | 'sync' | 'open' | 'quit';

export interface TrayItem {
  id: TrayItemId;
  label: string;
  /** A line of information (the pending count) is shown greyed out. */
  enabled: boolean;
  /** What the next-task line opens. */
  target?: string;
}

export interface TrayModel {
  tooltip: string;
  /** Groups are separated by a line: status, then actions. */
  groups: TrayItem[][];
}

function plEdits(n: number): string {
  if (n === 1) return '1 zmiana czeka na wysłanie';
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? `${n} zmiany czekają na wysłanie` : `${n} zmian czeka na wysłanie`;
}

const WORDS = {
  en: {
    app: 'CS Workspace',
    pending: (n: number) => (n === 0 ? 'No pending edits' : n === 1 ? '1 edit waiting to sync' : `${n} edits waiting to sync`),
    next: (subject: string, when: string) => `Next: ${subject} (${when})`,
    noNext: 'No upcoming tasks',
    sync: 'Sync now',
    open: 'Open CS Workspace',
    quit: 'Quit',
    timeLocale: 'en-GB',
  },
  pl: {
    app: 'CS Workspace',
    pending: (n: number) => (n === 0 ? 'Brak zmian do wysłania' : plEdits(n)),
    next: (subject: string, when: string) => `Następne: ${subject} (${when})`,
    noNext: 'Brak nadchodzących zadań',
    sync: 'Synchronizuj teraz',
    open: 'Otwórz CS Workspace',
    quit: 'Zakończ',
    timeLocale: 'pl-PL',
  },
} as const;

export function trayWords(locale: string) {
  return locale.toLowerCase().startsWith('pl') ? WORDS.pl : WORDS.en;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** "14:30" today, else "Fri 14:30" — short enough for a menu line. */
function when(dueAt: number, now: number, timeZone: string, locale: string): string {
  const a = wallClockOf(dueAt, timeZone);
  const b = wallClockOf(now, timeZone);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return new Intl.DateTimeFormat(locale, options).format(dueAt);
}

/**
 * The tray for a status (null: no page has said anything yet, so no status lines). The next
 * task is named by its subject only, clipped, as in its notification.
 */
export function trayModel(status: TrayStatus | null, opts: { locale: string; timeZone: string; now: number }): TrayModel {
  const w = trayWords(opts.locale);
  const info: TrayItem[] = [];
  if (status?.pendingEdits !== null && status?.pendingEdits !== undefined) info.push({ id: 'pending', label: w.pending(status.pendingEdits), enabled: false });
  if (status) {
    const next = status.nextDue;
    info.push(
      next
        ? {
            id: 'next',
            label: w.next(clip(next.subject || '…', 60), when(next.dueAt, opts.now, opts.timeZone, w.timeLocale)),
            enabled: true,
            target: taskTarget(next.id),
          }
        : { id: 'next', label: w.noNext, enabled: false },
    );
  }
  const actions: TrayItem[] = [
    { id: 'sync', label: w.sync, enabled: true },
    { id: 'open', label: w.open, enabled: true },
    { id: 'quit', label: w.quit, enabled: true },
  ];
  const pending = status?.pendingEdits ?? 0;
  return {
    tooltip: pending > 0 ? `${w.app} — ${w.pending(pending)}` : w.app,
    groups: info.length ? [info, actions] : [actions],
  };
}
