import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { filterFeed, groupByDay, isUnread, seenThrough, sequencesOf, windowStart, type FeedItem, type FeedType, type SequenceFilter } from '../../shared/feed';
import type { Props, SyncedType } from '../../shared/sync';
import { applyEdit, createNote, createTask, logCall } from '../db';
import { dismissedIds, EMPTY_FEED, lastOpenedAt, type FeedData } from '../db/queries/feed';
import { addDismissed, setLastOpened } from '../db/repositories/feed';
import { useKeptFeed } from './feed-kept';
import { useLiveFeed } from './feed-live';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { useWorkspaceStore } from './workspace';

export type FollowUpKind = 'task' | 'note' | 'call' | 'email' | 'meeting';

export interface FollowUpInput {
  kind: FollowUpKind;
  item: FeedItem;
  /** Task subject, call title, email subject, meeting title; unused for notes. */
  title: string;
  body: string;
  /** Task due date, meeting start, or when the call/email happened. */
  at: number;
  durationMinutes?: number;
}

/**
 * The Feed tab: items derived live (in the feed worker) from the synced tables for the signed-in CSM's accounts,
 * the user's dismissals and last visit (Dexie `meta`, per user, untouched by syncs), the
 * search and filters, and the follow-ups — all written through the outbox, so they work offline.
 */
export const useFeedStore = defineStore('feed', () => {
  const db = useDb();
  const host = useHost();
  const workspace = useWorkspaceStore();

  const pages = ref(1);
  const query = ref('');
  const types = ref<FeedType[]>([]);
  const sequence = ref<SequenceFilter>({ kind: 'any' });
  const error = ref<string | null>(null);
  /** The previous visit, read when the tab opens: items after it are unread during this visit. */
  const previousVisit = shallowRef<number | null>(null);
  /** The Feed tab is on screen (between open() and close()). */
  const viewing = ref(false);

  const ownerId = computed(() => workspace.ownerId);
  const userId = computed(() => (workspace.identity ? String(workspace.identity.userId) : null));

  /** When the user last looked at the tab (meta, per user), live: the tab bar's count reads it. */
  const lastOpened = useLiveQuery<number | null>(() => (userId.value ? lastOpenedAt(db, userId.value) : null), null, [userId]);
  /**
   * The feed is derived while the tab is on screen, and afterwards for the tab bar's count of
   * unread items. Before the first visit nothing is unread, so nothing is derived — the
   * initial sync of a large book runs without the feed re-deriving after every page.
   */
  const active = computed(() => viewing.value || lastOpened.value.value !== null);
  /** This window's own last visit, known at once (the live value follows a moment later). */
  const seenHere = shallowRef<number | null>(null);
  const seenUntil = computed(() => {
    const stored = lastOpened.value.value;
    return stored === null ? seenHere.value : seenHere.value === null ? stored : Math.max(stored, seenHere.value);
  });

  const kept = useKeptFeed(db, ownerId);
  /** Derived off the UI thread (./feed-live), once the kept feed was read and drawn. */
  const data = useLiveFeed(
    db,
    () =>
      ownerId.value && active.value && kept.readFor.value === ownerId.value
        ? { ownerId: ownerId.value, since: windowStart(Date.now(), pages.value), keep: pages.value === 1 }
        : null,
    [ownerId, pages, active, kept.readFor],
  );
  kept.follow(data.value);
  /**
   * Before the first visit nothing is derived, so that visit would wait for the whole window
   * to be read (a minute on a big book). Once a sync has finished and no feed is kept for the
   * owner, the engine derives one in the background and keeps it, once per owner and session;
   * the visit opens on it (`open` reads it). The app calls this with the sync's last success.
   */
  let keptInBackground: string | null = null;
  function keepAfterSyncs(lastSyncedAt: () => number | null) {
    watch([lastSyncedAt, kept.readFor], ([synced]) => {
      const owner = ownerId.value;
      if (!owner || synced === null || active.value || keptInBackground === owner) return;
      if (kept.readFor.value !== owner || kept.snapshot.value !== null) return;
      keptInBackground = owner;
      data.keepOnce(owner, windowStart(Date.now(), 1));
    });
  }
  /** Until the live derivation answers on the tab, the feed kept from the last one is shown. */
  const fromSnapshot = computed(() => viewing.value && data.value.value === EMPTY_FEED && kept.snapshot.value !== null);
  const current = computed(() => (fromSnapshot.value ? (kept.snapshot.value as FeedData) : data.value.value));
  const loading = computed(() => data.loading.value || kept.readFor.value !== ownerId.value);
  const dismissed = useLiveQuery<Set<string>>(() => (userId.value ? dismissedIds(db, userId.value) : new Set()), new Set(), [userId]);

  const names = {
    contact: (id: string) => current.value.contacts.get(id)?.name ?? '',
    account: (id: string) => current.value.accounts.get(id) ?? '',
  };
  const shown = computed(() => {
    const gone = dismissed.value.value;
    return gone.size === 0 ? current.value.items : current.value.items.filter((i) => !gone.has(i.id));
  });
  const visible = computed(() => filterFeed(shown.value, { query: query.value, types: types.value, sequence: sequence.value }, names));
  const rows = computed(() => groupByDay(visible.value, workspace.timeZone));
  const sequences = computed(() => sequencesOf(shown.value));
  /** Items after `since`; the ref is read once, not once per item (each read of a ref is tracked). */
  const countUnread = (items: readonly FeedItem[], since: number | null) => items.filter((i) => isUnread(i.at, since)).length;
  const unreadCount = computed(() => countUnread(shown.value, previousVisit.value));
  /** For the tab bar: what happened since the user last looked at the tab; none while it is on screen. */
  const tabUnreadCount = computed(() => (viewing.value ? 0 : countUnread(shown.value, seenUntil.value)));
  const filtered = computed(() => query.value.trim() !== '' || types.value.length > 0 || sequence.value.kind !== 'any');

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    error.value = null;
    try {
      return await action();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  /**
   * Called when the tab opens: remember this visit and keep the previous one for the unread
   * marks. The identity may still be loading (an app start on the Feed tab), so the visit is
   * recorded once it is known.
   */
  let visitPending = false;
  async function recordVisit(user: string) {
    visitPending = false;
    previousVisit.value = await lastOpenedAt(db, user);
    await setLastOpened(db, user, Date.now());
  }
  function open() {
    pages.value = 1;
    // A feed may have been kept in the background since the kept one was read.
    if (!active.value && keptInBackground !== null && kept.snapshot.value === null) kept.reread();
    viewing.value = true;
    visitPending = true;
    if (userId.value) return run(() => recordVisit(userId.value as string));
    return Promise.resolve(undefined);
  }
  /**
   * Called when the tab closes: what arrived while it was on screen has been seen, so the
   * visit counts until now; the tab bar counts from here.
   */
  function close() {
    viewing.value = false;
    pages.value = 1;
    const user = userId.value;
    if (!user || visitPending) return Promise.resolve(undefined);
    const seen = seenThrough(Date.now(), shown.value);
    seenHere.value = seen;
    return run(() => setLastOpened(db, user, seen));
  }
  watch(userId, (user) => {
    seenHere.value = null;
    if (user && visitPending) void run(() => recordVisit(user));
  });

  const loadOlder = () => (pages.value += 1);
  const dismiss = (item: FeedItem) => run(() => addDismissed(db, userId.value ?? 'anonymous', [item.id]));
  const clearFilters = () => {
    query.value = '';
    types.value = [];
    sequence.value = { kind: 'any' };
  };

  /** A follow-up is about the contact and filed on its account too. */
  const targets = (item: FeedItem): Array<{ toType: SyncedType; toId: string }> => [
    { toType: 'contacts', toId: item.contactId },
    { toType: 'companies', toId: item.accountId },
  ];
  const owner = () => (ownerId.value ? { ownerId: ownerId.value } : {});

  function createFollowUp(f: FollowUpInput) {
    const associations = targets(f.item);
    return run(async () => {
      switch (f.kind) {
        case 'task':
          return createTask(db, { subject: f.title, dueAtMs: f.at, ...(f.body ? { body: f.body } : {}), ...owner(), associations });
        case 'note':
          return createNote(db, { body: f.body, timestampMs: f.at, ...owner(), associations });
        case 'call':
          return logCall(db, {
            title: f.title,
            timestampMs: f.at,
            direction: 'OUTBOUND',
            ...(f.body ? { body: f.body } : {}),
            ...(f.durationMinutes ? { durationMs: f.durationMinutes * 60_000 } : {}),
            ...owner(),
            associations,
          });
        case 'email':
          return applyEdit(db, {
            kind: 'create',
            objectType: 'emails',
            label: 'create',
            associations,
            properties: withOwner({
              hs_timestamp: String(f.at),
              hs_email_direction: 'EMAIL',
              hs_email_status: 'SENT',
              hs_email_subject: f.title,
              hs_email_text: f.body,
            }),
          });
        case 'meeting': {
          const end = f.at + (f.durationMinutes ?? 30) * 60_000;
          const properties = withOwner({
            hs_meeting_title: f.title,
            hs_meeting_body: f.body,
            hs_timestamp: String(f.at),
            hs_meeting_start_time: String(f.at),
            hs_meeting_end_time: String(end),
            hs_meeting_outcome: 'SCHEDULED',
          });
          return applyEdit(db, { kind: 'create', objectType: 'meetings', label: 'create', associations, properties });
        }
      }
    });
  }
  const withOwner = (p: Props): Props => (ownerId.value ? { ...p, hubspot_owner_id: ownerId.value } : p);

  /** The host opens allow-listed links only (tel:, mailto:); a refusal is shown, not swallowed. */
  async function openExternal(url: string): Promise<boolean> {
    error.value = null;
    const r = await host['shell:openExternal']({ url });
    if (!r.ok) error.value = r.error.message;
    else if (!r.data.opened) error.value = url;
    return r.ok && r.data.opened;
  }

  return {
    pages,
    query,
    types,
    sequence,
    error,
    previousVisit,
    ownerId,
    data: current,
    fromSnapshot,
    loading,
    queryError: data.error,
    visible,
    rows,
    sequences,
    unreadCount,
    tabUnreadCount,
    viewing,
    filtered,
    names,
    open,
    close,
    keepAfterSyncs,
    loadOlder,
    dismiss,
    clearFilters,
    createFollowUp,
    openExternal,
  };
});
