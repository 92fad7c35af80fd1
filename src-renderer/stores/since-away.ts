import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import {
  cameOnline,
  collapseEntries,
  gapBefore,
  healthDrops,
  NO_MARKS,
  rankDigest,
  syncCompleted,
  wentOffline,
  type HealthMark,
  type RankedItem,
} from '../../shared/away';
import type { Criterion } from '../../shared/health';
import type { AwayDigestValue, AwayMarksValue } from '../db/meta';
import { stageLabels } from '../db/queries/summary';
import { digestRows, ownedAccountFacts, type DigestRow } from '../db/queries/away';
import { dismissAwayDigest, lastChangeKey, readAwayDigest, readAwayMarks, readChanges, saveAwayState } from '../db/repositories/away';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useHealthStore } from './health';
import { useWorkspaceStore } from './workspace';

/** A ranked digest item with what the card shows. */
export type AwayItem = RankedItem & {
  properties: Record<string, string | null>;
  accountName: string;
  /** For a health drop: the criterion that moved, once the engine has explained the account. */
  criterion?: Criterion | null;
};

const EMPTY_MARKS: AwayMarksValue = { ...NO_MARKS, lastChangeKey: '', health: {} };

/**
 * "Since you were away" (docs/product.md): after a sync that completes following a gap
 * (shared/away/gap.ts), a digest of what the synced changes did to my accounts, ranked by
 * risk × revenue (shared/away/rank.ts). The frame calls `follow` once; the Summary card reads
 * `digest` and `items`. Times are the page's clock.
 */
export const useSinceAwayStore = defineStore('since-away', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const health = useHealthStore();

  // ---- marks: kept at every completed sync and connectivity change -------------------
  let chain: Promise<void> = Promise.resolve();
  const serial = (job: () => Promise<void>) => (chain = chain.then(job).catch((err: unknown) => console.warn('since-away:', err)));

  /** My accounts' health status and met criteria, when scores have been computed in this session. */
  async function healthMarks(): Promise<Record<string, HealthMark> | null> {
    const ownerId = workspace.ownerId;
    if (!health.ready || !ownerId) return null;
    const facts = await ownedAccountFacts(db, workspace.settings, ownerId);
    const ids = [...facts.keys()];
    const results = await health.explainMany(ids);
    const out: Record<string, HealthMark> = {};
    ids.forEach((id, i) => {
      const r = results[i];
      if (r) out[id] = { status: r.status, met: r.groups.flatMap((g) => g.criteria.filter((c) => c.met).map((c) => c.id)) };
    });
    return out;
  }

  /**
   * A sync completed at `now`: a digest when it followed a gap, and new marks either way,
   * written at once; my accounts' health follows when the engine has explained them (it may
   * be busy scoring the whole book), unless another sync completed meanwhile.
   */
  function syncDone(now = Date.now()): Promise<void> {
    return serial(async () => {
      const marks = (await readAwayMarks(db)) ?? EMPTY_MARKS;
      const reason = gapBefore(marks, now);
      const toKey = await lastChangeKey(db);
      const next: AwayMarksValue = { ...syncCompleted(marks, now), lastChangeKey: toKey, health: marks.health };
      const digest: AwayDigestValue | undefined =
        reason && marks.lastSyncEnd !== null
          ? { at: now, since: marks.lastSyncEnd, reason, fromKey: marks.lastChangeKey, toKey, health: marks.health, dismissed: false }
          : undefined;
      await saveAwayState(db, next, digest);
      const health = await healthMarks();
      const latest = await readAwayMarks(db);
      if (health && latest?.lastSyncEnd === now) await saveAwayState(db, { ...latest, health });
    });
  }

  function connectivityChanged(online: boolean, now = Date.now()): Promise<void> {
    return serial(async () => {
      const marks = await readAwayMarks(db);
      if (!marks || marks.lastSyncEnd === null) return;
      const moved = online ? cameOnline(marks, now) : wentOffline(marks, now);
      if (moved !== marks) await saveAwayState(db, { ...marks, ...moved });
    });
  }

  let following = false;
  /**
   * Follows the sync's completed passes and the connectivity (the frame passes both, so this
   * store stays free of the sync worker and testable in Node); idempotent.
   */
  function follow(lastSyncedAt: () => number | null, online: () => boolean): void {
    if (following) return;
    following = true;
    watch(lastSyncedAt, (at, before) => {
      if (at !== null && at !== before) void syncDone();
    });
    watch(online, (on, was) => {
      if (on !== was) void connectivityChanged(on);
    });
  }

  // ---- the digest ------------------------------------------------------------------
  const digest = useLiveQuery(() => readAwayDigest(db), undefined);
  const rows = useLiveQuery<DigestRow[]>(
    async () => {
      const d = await readAwayDigest(db);
      const ownerId = workspace.ownerId;
      if (!d || d.dismissed || !ownerId) return [];
      const entries = collapseEntries(await readChanges(db, d.fromKey, d.toKey));
      return digestRows(db, entries, workspace.settings, ownerId);
    },
    [],
    [() => workspace.ownerId, () => workspace.settings],
  );
  const accountFacts = useLiveQuery(
    async () => (workspace.ownerId && digest.value.value ? ownedAccountFacts(db, workspace.settings, workspace.ownerId) : new Map()),
    new Map<string, { name: string; arr: string | null }>(),
    [() => digest.value.value, () => workspace.ownerId],
  );

  /** Health drops since the digest's "before": live against the current scores. */
  const drops = computed(() => {
    const d = digest.value.value;
    if (!d || d.dismissed || !health.ready) return [];
    const now = new Map<string, HealthMark>();
    for (const id of Object.keys(d.health)) {
      const r = health.resultFor(id);
      if (r) now.set(id, { status: r.status, met: [] });
    }
    return healthDrops(d.health, now);
  });
  // The criterion that moved needs the account's breakdown now: asked of the engine per drop.
  const criteria = ref(new Map<string, Criterion | null>());
  watch(drops, async (list) => {
    const next = new Map<string, Criterion | null>();
    const explained = await health.explainMany(list.map((d) => d.accountId));
    for (const [i, drop] of list.entries()) {
      const r = explained[i];
      const still = new Set(r?.groups.flatMap((g) => g.criteria.filter((c) => c.met).map((c) => c.id)) ?? []);
      const movedId = (digest.value.value?.health[drop.accountId]?.met ?? []).find((id) => !still.has(id));
      const c = r?.groups.flatMap((g) => g.criteria).find((x) => x.id === movedId)?.criterion ?? null;
      next.set(drop.accountId, c);
    }
    criteria.value = next;
  });

  const items = computed<AwayItem[]>(() => {
    const at = digest.value.value?.at ?? 0;
    const healthRows: DigestRow[] = drops.value.map((d) => {
      const facts = accountFacts.value.value.get(d.accountId);
      const props: Record<string, string | null> = { name: facts?.name ?? d.accountId };
      return {
        kind: 'healthDrop',
        objectType: workspace.settings.accountObject,
        recordId: d.accountId,
        accountId: d.accountId,
        at,
        from: d.from,
        to: d.to,
        accountArr: facts?.arr ?? null,
        properties: props,
        accountName: facts?.name ?? '',
      };
    });
    const extra = new Map(
      [...rows.value.value, ...healthRows].map((r) => [`${r.kind}:${r.objectType}:${r.recordId}`, { properties: r.properties, accountName: r.accountName }]),
    );
    return rankDigest([...rows.value.value, ...healthRows]).map((item) => ({
      ...item,
      ...(extra.get(`${item.kind}:${item.objectType}:${item.recordId}`) ?? { properties: {}, accountName: '' }),
      ...(item.kind === 'healthDrop' ? { criterion: criteria.value.get(item.recordId) ?? null } : {}),
    }));
  });

  const dealStages = useLiveQuery(() => stageLabels(db, 'deals'), new Map<string, string>());

  return {
    follow,
    /** A deal stage's label (its id when unknown). */
    stageLabel: (id: string | null) => (id ? (dealStages.value.value.get(id) ?? id) : ''),
    syncDone,
    connectivityChanged,
    /** The digest to show, or null when none or dismissed. */
    digest: computed(() => (digest.value.value && !digest.value.value.dismissed ? digest.value.value : null)),
    items,
    loading: computed(() => rows.loading.value),
    dismiss: () => dismissAwayDigest(db),
  };
});
