import { defineStore } from 'pinia';
import { useOwners } from './owners';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { createZone, evaluateView, taskViews, TASK_PROPERTY_KINDS, type View, type ViewContext } from '../../shared/views';
import type { MergedRecord } from '../db';
import { ownedAccounts, ownerMeetings, type OwnedAccounts } from '../db/queries/summary';
import { ownedTasks } from '../db/queries/tasks';
import { useAssignmentDates } from './summary-assignments';
import { useConnectivityStore } from './connectivity';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { usePermissionsStore } from './permissions';
import { useSyncStore } from './sync';
import { useTasksStore } from './tasks';
import { useWorkspaceStore } from './workspace';

const MINUTE = 60_000;

export type DueChoice = 'today' | 'overdue';

/**
 * The Summary tab's numbers for one owner — the signed-in user, or, for a super admin,
 * the user picked in the dropdown — all read from the local store, so they hold offline.
 * Task buckets come from the same views the Tasks tab uses, so "View all" shows the same
 * tasks the card counted.
 */
export const useSummaryStore = defineStore('summary', () => {
  const db = useDb();
  const host = useHost();
  const workspace = useWorkspaceStore();
  const permissions = usePermissionsStore();
  const connectivity = useConnectivityStore();
  const sync = useSyncStore();

  /** Epoch ms, advanced each minute so "overdue" and "today" follow the clock. */
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), MINUTE);
  onScopeDispose(() => clearInterval(timer));

  const pickedOwnerId = ref<string | null>(null);
  const ownerId = computed(() => (pickedOwnerId.value && permissions.can('summary:switchUser') ? pickedOwnerId.value : workspace.ownerId));
  /** Shows another user's Summary; only super admins may (the dropdown is theirs alone). */
  function viewOwner(id: string | null) {
    if (id !== null && id !== workspace.ownerId) permissions.assert('summary:switchUser');
    pickedOwnerId.value = id === workspace.ownerId ? null : id;
  }

  const owners = useOwners();
  const ownerChoices = computed(() => owners.ownerOptions.map((o) => ({ id: o.value, name: o.label })));

  const zone = computed(() => createZone(workspace.timeZone));
  const today = computed(() => {
    const day = zone.value.dayOf(now.value);
    return { start: zone.value.startOfDay(day), end: zone.value.startOfDay(day + 1) };
  });

  // The signed-in user's tasks are the Tasks store's (one query per tasks commit, not two);
  // another user's, for a super admin, are read here.
  const myTasks = useTasksStore();
  const othersTasks = useLiveQuery(
    () => (ownerId.value && ownerId.value !== workspace.ownerId ? ownedTasks(db, ownerId.value) : []),
    [] as MergedRecord[],
    ownerId,
  );
  const mine = computed(() => ownerId.value === workspace.ownerId);
  const tasks = computed(() => (mine.value ? myTasks.tasks : othersTasks.value.value));
  const tasksLoading = computed(() => (mine.value ? ownerId.value !== null && !myTasks.ready : othersTasks.loading.value));
  const ctx = computed<ViewContext>(() => ({
    now: now.value,
    timeZone: workspace.timeZone,
    propertyTypes: TASK_PROPERTY_KINDS,
    ...(ownerId.value ? { currentUserOwnerId: ownerId.value } : {}),
  }));
  const run = (view: View) => evaluateView(view, tasks.value, ctx.value);
  const overdue = computed(() => run(taskViews.overdue()));
  const dueToday = computed(() => run(taskViews.dueToday()));
  const dueTomorrow = computed(() => run(taskViews.dueTomorrow()));
  /** Every task due today, done or not: the day's progress is completed of these. */
  const todaysTasks = computed(() =>
    tasks.value
      .filter((t) => {
        const at = Date.parse(t.properties.hs_timestamp ?? '');
        return at >= today.value.start && at < today.value.end;
      })
      .sort((a, b) => Date.parse(a.properties.hs_timestamp ?? '') - Date.parse(b.properties.hs_timestamp ?? '')),
  );
  const progress = computed(() => {
    const total = todaysTasks.value.length;
    const done = todaysTasks.value.filter((t) => t.properties.hs_task_status === 'COMPLETED').length;
    return { done, total };
  });
  const due = ref<DueChoice>('today');
  const dueList = computed(() => (due.value === 'today' ? dueToday.value : overdue.value));

  const meetingsKey = computed(() => [ownerId.value, today.value.start]);
  const meetings = useLiveQuery(
    () => (ownerId.value ? ownerMeetings(db, ownerId.value, today.value.start, today.value.end) : []),
    [] as MergedRecord[],
    meetingsKey,
  );

  const accountKey = computed(() => [ownerId.value, workspace.settings.accountObject, workspace.settings.csmProperty]);
  const owned = useLiveQuery<OwnedAccounts>(
    () =>
      ownerId.value ? ownedAccounts(db, workspace.settings.accountObject, workspace.settings.csmProperty, ownerId.value) : { available: true, accounts: [] },
    { available: true, accounts: [] },
    accountKey,
  );
  const ownedList = computed(() => owned.value.value.accounts);
  const assignments = useAssignmentDates({
    db,
    host,
    online: () => connectivity.online,
    objectType: computed(() => workspace.settings.accountObject),
    csmProperty: computed(() => workspace.settings.csmProperty),
    owned: ownedList,
  });
  const recentlyAssigned = computed(() => {
    const names = new Map(ownedList.value.map((a) => [a.id, a.name]));
    return assignments.recentIds(now.value).map((r) => ({ ...r, name: names.get(r.id) ?? r.id }));
  });

  /** Opens a meeting link through the host, which only opens allow-listed https links. */
  const lastLinkError = shallowRef<string | null>(null);
  async function startMeeting(url: string) {
    const res = await host['shell:openExternal']({ url });
    lastLinkError.value = res.ok ? (res.data.opened ? null : 'notOpened') : res.error.code;
  }

  watch(ownerId, () => (due.value = 'today'));

  /** Never synced on this computer: empty cards say "after the first sync", not "nothing". */
  const awaitingFirstSync = computed(() => sync.firstSyncRunning);

  return {
    now,
    awaitingFirstSync,
    ownerId,
    ownerChoices,
    viewOwner,
    loading: computed(() => tasksLoading.value || owned.loading.value),
    overdue,
    dueToday,
    dueTomorrow,
    todaysTasks,
    progress,
    due,
    dueList,
    meetings: meetings.value,
    owned: owned.value,
    recentlyAssigned,
    assignmentsUnavailable: assignments.unavailable,
    startMeeting,
    lastLinkError,
  };
});
