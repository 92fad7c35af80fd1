import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { completeTask, reopenTask, rescheduleTask } from '../db';
import { attendeesInRange, linkedRecords, scheduleInRange, type Attendee, type Linked, type ScheduleRecords } from '../db/queries/schedule';
import { createZone } from '../../shared/views';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { useWorkspaceStore } from './workspace';

export type { MergedRecord } from '../db';

/** The calendar views the schedule offers: FullCalendar view names (vue-tsc checks them where the view reaches FullCalendar.vue). */
export type ScheduleView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth';

const EMPTY: ScheduleRecords = { meetings: [], tasks: [] };
const PREFS_KEY = 'cs.schedule';
const VIEWS: readonly ScheduleView[] = ['timeGridDay', 'timeGridWeek', 'dayGridMonth'];

/** How the user left the calendar on this computer; anything unreadable falls back to the defaults. */
interface SchedulePrefs {
  view: ScheduleView;
  timeZone: string | null;
  hideWeekends: boolean;
  showMeetings: boolean;
  showTasks: boolean;
}

function readPrefs(storage: Pick<Storage, 'getItem'>): Partial<SchedulePrefs> {
  try {
    const raw = JSON.parse(storage.getItem(PREFS_KEY) ?? '{}') as Record<string, unknown>;
    const bool = (k: string) => (typeof raw[k] === 'boolean' ? { [k]: raw[k] } : {});
    return {
      ...(VIEWS.includes(raw.view as ScheduleView) ? { view: raw.view as ScheduleView } : {}),
      ...(typeof raw.timeZone === 'string' && isKnownZone(raw.timeZone) ? { timeZone: raw.timeZone } : {}),
      ...bool('hideWeekends'),
      ...bool('showMeetings'),
      ...bool('showTasks'),
    };
  } catch {
    // A damaged preference is not worth an error: the defaults are a fine calendar.
    return {};
  }
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Schedule tab: what range the calendar shows, in which zone, which kinds of events, and
 * the signed-in user's meetings and tasks in that range (live from Dexie, synced ⊕ pending).
 * Task edits go through the db edit functions, so they reach the CRM through the outbox.
 */
export const useScheduleStore = defineStore('schedule', () => {
  const db = useDb();
  const host = useHost();
  const workspace = useWorkspaceStore();

  const saved = readPrefs(localStorage);
  const view = ref<ScheduleView>(saved.view ?? 'timeGridWeek');
  const timeZone = ref(saved.timeZone ?? workspace.timeZone);
  const hideWeekends = ref(saved.hideWeekends ?? false);
  const showMeetings = ref(saved.showMeetings ?? true);
  const showTasks = ref(saved.showTasks ?? true);
  watch([view, timeZone, hideWeekends, showMeetings, showTasks], () => {
    const prefs: SchedulePrefs = {
      view: view.value,
      timeZone: timeZone.value,
      hideWeekends: hideWeekends.value,
      showMeetings: showMeetings.value,
      showTasks: showTasks.value,
    };
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  });
  // The calendar follows the system zone when the user travels, unless they chose another zone.
  watch(
    () => workspace.timeZone,
    (now, before) => {
      if (timeZone.value === before) timeZone.value = now;
    },
  );
  /** Set by the calendar when it shows a new range. */
  const range = shallowRef<{ start: number; end: number; title: string } | null>(null);
  /** The event whose summary is open. */
  const selectedEvent = ref<{ kind: 'meetings' | 'tasks'; recordId: string } | null>(null);
  /** The last failed action, for the screen to word: an edit that failed, or a link the host would not open. */
  const error = ref<{ kind: 'action' | 'openRefused'; message: string } | null>(null);

  const ownerId = computed(() => workspace.ownerId);
  const records = useLiveQuery(() => (range.value && ownerId.value ? scheduleInRange(db, ownerId.value, range.value.start, range.value.end) : EMPTY), EMPTY, [
    range,
    ownerId,
  ]);

  // "Today" in the workspace zone, fixed when the tab opens (a tab left open overnight re-reads on the next visit).
  const zone = createZone(workspace.timeZone);
  const todayNumber = zone.dayOf(Date.now());
  const today = { start: zone.startOfDay(todayNumber), end: zone.startOfDay(todayNumber + 1) };
  const attendees = useLiveQuery<Attendee[]>(() => (ownerId.value ? attendeesInRange(db, ownerId.value, today.start, today.end) : []), [], [ownerId]);

  const selected = computed(() => {
    const sel = selectedEvent.value;
    const record = sel ? records.value.value[sel.kind].find((r) => r.id === sel.recordId) : undefined;
    return sel && record ? { kind: sel.kind, record } : null;
  });

  const selectedLinks = useLiveQuery<Linked[]>(
    () => (selectedEvent.value ? linkedRecords(db, selectedEvent.value.kind, selectedEvent.value.recordId) : []),
    [],
    [selectedEvent],
  );

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    error.value = null;
    try {
      // The sync worker watches the outbox and pushes the edit within about half a second.
      await action();
      return true;
    } catch (e) {
      error.value = { kind: 'action', message: e instanceof Error ? e.message : String(e) };
      return false;
    }
  }

  const complete = (taskId: string) => run(() => completeTask(db, taskId));
  const reopen = (taskId: string) => run(() => reopenTask(db, taskId));
  const reschedule = (taskId: string, dueAtMs: number) => run(() => rescheduleTask(db, taskId, dueAtMs));

  /** The host opens allow-listed links only; a refusal is shown, not swallowed. */
  async function startMeeting(url: string): Promise<boolean> {
    error.value = null;
    const r = await host['shell:openExternal']({ url });
    if (!r.ok) error.value = { kind: 'action', message: r.error.message };
    else if (!r.data.opened) error.value = { kind: 'openRefused', message: url };
    return r.ok && r.data.opened;
  }

  return {
    view,
    timeZone,
    hideWeekends,
    showMeetings,
    showTasks,
    range,
    records: records.value,
    loading: records.loading,
    queryError: records.error,
    attendees: attendees.value,
    selectedEvent,
    selected,
    selectedLinks: selectedLinks.value,
    error,
    complete,
    reopen,
    reschedule,
    startMeeting,
  };
});
