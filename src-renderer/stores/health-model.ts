import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { PermissionError } from '../../shared/domain/permissions';
import { HealthModelError, HealthScoreSchema, checkScore, decideHealthEdit, type HealthScore } from '../../shared/health';
import type { CsDatabase } from '../db';
import { deleteMeta, getMeta, META, putMeta } from '../db/meta';
import { loadScoreModel, scoreModelTables, storeScoreModel } from '../db/repositories/health-model';
import { healthReference } from '../db/queries/health';
import type { UserRow } from '../db/rows';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { usePropertyCatalog, type CatalogProperty } from './property-catalog';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/**
 * The health score model and who may edit it: the scores (a shared workspace document,
 * `health:scores`, so every client of the CRM account computes the same scores), each user's
 * draft (Dexie `meta` `health:draft:<userId>`), the editor's pickers, and the permission,
 * enforced here and not only in the UI. The scores themselves are computed by `useHealthStore`.
 */

export const parseScores = (raw: unknown): HealthScore[] =>
  (Array.isArray(raw) ? raw : []).flatMap((s) => {
    const p = HealthScoreSchema.safeParse(s);
    return p.success ? [p.data] : [];
  });

/** A property in the editor's pickers. */
export type PropertyOption = CatalogProperty;

export const useHealthModelStore = defineStore('health-model', () => {
  const db: CsDatabase = useDb();
  const workspace = useWorkspaceStore();
  const views = useViewsStore();
  if (!workspace.loaded) void workspace.load();
  const userId = computed(() => workspace.identity?.userId ?? null);
  const accountObject = computed(() => workspace.settings.accountObject);

  const scores = useLiveQuery(async () => parseScores(await loadScoreModel(db)), [] as HealthScore[]);
  /** Counts saves, so the engine recomputes at once, before the live query re-runs. */
  const saved = ref(0);
  const draft = useLiveQuery(
    async () => {
      const raw = userId.value ? await getMeta(db, META.healthDraft(userId.value)) : undefined;
      const p = HealthScoreSchema.safeParse(raw);
      return p.success ? p.data : null;
    },
    null as HealthScore | null,
    userId,
  );
  const me = useLiveQuery(async () => (userId.value ? db.users.get(userId.value) : undefined), undefined as UserRow | undefined, userId);
  /** The UI hides editing without it; `saveScores` and `saveDraft` enforce it. */
  const editDecision = computed(() => decideHealthEdit(me.value.value ?? null));
  const canEdit = computed(() => editDecision.value.allowed);

  /** Property definitions, for the editor's pickers (the catalog every tab shares). */
  const catalog = usePropertyCatalog();
  const propertiesOf = (objectType: string): PropertyOption[] => catalog.propertiesOf(objectType);
  /** The object types a criterion may count or test: the account object first, then its partners. */
  const criterionTypes = computed(() => [accountObject.value, 'contacts', 'deals', 'tickets'].filter((x, i, a) => a.indexOf(x) === i));
  /** What `checkScore` needs, for live validation in the editor. */
  const typeInfo = computed(() => ({ accountObject: accountObject.value, propertyTypes: catalog.propertyTypes, viewIds: views.custom.map((v) => v.id) }));
  /** Saved views of accounts a score may apply to (segments). */
  const segmentOptions = computed(() => views.custom.filter((v) => v.objectType === accountObject.value).map((v) => ({ id: v.id, name: v.name })));

  async function assertMayEdit(): Promise<string> {
    const uid = userId.value;
    const user = uid ? await db.users.get(uid) : undefined;
    const d = decideHealthEdit(user ?? null);
    if (!d.allowed) throw new PermissionError('health:edit', d.reason);
    return uid as string;
  }

  /**
   * Replaces the list of scores (order = precedence: each account gets the first that
   * applies). Throws PermissionError without a paid seat and the settings permission, and
   * HealthModelError naming every problem of an invalid score.
   */
  async function saveScores(next: readonly HealthScore[]): Promise<void> {
    await db.transaction('rw', [...new Set([...scoreModelTables(db), db.meta, db.users, db.properties, db.pipelines])], async () => {
      const uid = await assertMayEdit();
      const ref = await healthReference(db);
      const info = { accountObject: accountObject.value, propertyTypes: ref.propertyTypes, viewIds: views.custom.map((v) => v.id) };
      const checked = next.map((s) => checkScore(s, info));
      const issues = checked.flatMap((c, i) =>
        c.ok ? [] : c.issues.map((x) => ({ path: `${i}.${x.path}`, message: `${next[i]?.name || 'Score'}: ${x.message}` })),
      );
      if (issues.length > 0) throw new HealthModelError(issues);
      if (new Set(next.map((s) => s.id)).size !== next.length) throw new HealthModelError([{ path: '', message: 'Two scores share an id' }]);
      // The parsed copies are plain objects: a form's reactive proxy cannot be stored (DataCloneError).
      await storeScoreModel(
        db,
        checked.flatMap((c) => (c.ok ? [c.score] : [])),
      );
      await deleteMeta(db, META.healthDraft(uid));
    });
    saved.value++;
  }

  async function saveScore(score: HealthScore): Promise<void> {
    const list = scores.value.value;
    const at = list.findIndex((s) => s.id === score.id);
    await saveScores(at < 0 ? [...list, score] : list.map((s) => (s.id === score.id ? score : s)));
  }

  async function removeScore(id: string): Promise<void> {
    await saveScores(scores.value.value.filter((s) => s.id !== id));
  }

  /** Unsaved edits survive a restart; drafts are per user and may be invalid. */
  async function saveDraft(score: HealthScore): Promise<void> {
    const uid = await assertMayEdit();
    // A plain copy: the editor passes a reactive proxy, which IndexedDB cannot clone.
    await putMeta(db, META.healthDraft(uid), JSON.parse(JSON.stringify(score)) as unknown);
  }

  async function discardDraft(): Promise<void> {
    if (userId.value) await deleteMeta(db, META.healthDraft(userId.value));
  }

  return {
    userId,
    scores: computed(() => scores.value.value),
    scoresLoading: scores.loading,
    saved,
    draft: computed(() => draft.value.value),
    canEdit,
    editDecision,
    accountObject,
    criterionTypes,
    propertiesOf,
    typeInfo,
    segmentOptions,
    saveScores,
    saveScore,
    removeScore,
    saveDraft,
    discardDraft,
  };
});
