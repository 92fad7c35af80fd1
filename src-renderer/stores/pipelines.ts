import { defineStore } from 'pinia';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { STAGE_PROPERTY, type Props, type StoredEntry, type SyncedType } from '../../shared/sync';
import { compileView, createZone, propertyKindOf, ViewError, type PropertyKind, type View, type ViewContext, type ViewRecord } from '../../shared/views';
import { discardEntry, moveStage, retryEntry, type PipelineRow, type PropertyRow, type RecordRow } from '../db';
import { conflictsOfType, rejectedEntries } from '../db/queries/attention';
import { createPipelineMerge, listPipelines, pipelineOverlays, pipelineRows, type PipelineOverlays, type PipelineType } from '../db/queries/pipelines';
import { groupByStage, orderedStages, type Column, type StageDef } from '../../shared/pipelines/board';
import { keepUnchanged, settledMoves, withOptimistic, type OptimisticMove } from '../../shared/pipelines/incremental';
import { completeGroups, fallbackKinds, filtersToView, NO_FILTERS, quickPropertiesFor, type BoardFilters } from '../../shared/pipelines/filters';
import { stageOutcome } from '../../shared/pipelines/stage-kind';
import { missingProperties } from '../../shared/pipelines/stage-rules';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useOwners } from './owners';
import { usePropertyCatalog } from './property-catalog';
import { useStageRulesStore } from './stage-rules';
import { useWorkspaceStore } from './workspace';
import { useValuePlaceholders } from '../lib/format-value';
import { useBoardCards, type CardContext, type PipelineCardModel } from './pipeline-cards';

export type { PipelineCardModel } from './pipeline-cards';

/** A move waiting for the properties its target stage requires (or a rejected move being fixed). */
export interface PendingMove {
  recordId: string;
  recordName: string;
  stage: StageDef;
  fields: PropertyRow[];
  initial: Record<string, string>;
  /** Set when fixing a move the CRM rejected: Save retries that outbox entry with the values. */
  retrySeq?: number;
}

const NO_OVERLAYS: PipelineOverlays = { overlays: [], joining: [] };

export const pipelineKey = (p: Pick<PipelineRow, 'objectType' | 'id'>) => `${p.objectType}:${p.id}`;

/** The Pipelines tab: which pipeline, which filters, its records as columns, and stage moves. */
export const usePipelinesStore = defineStore('pipelines', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const rules = useStageRulesStore();

  const { value: pipelines, loading: pipelinesLoading } = useLiveQuery(() => listPipelines(db), []);
  const chosenKey = ref('');
  const selected = computed(() => pipelines.value.find((p) => pipelineKey(p) === chosenKey.value) ?? pipelines.value[0] ?? null);
  const selectedKey = computed({ get: () => (selected.value ? pipelineKey(selected.value) : ''), set: (k: string) => (chosenKey.value = k) });
  const objectType = computed<PipelineType>(() => (selected.value?.objectType === 'tickets' ? 'tickets' : 'deals'));
  const stageProperty = computed(() => STAGE_PROPERTY[objectType.value]?.stage ?? 'dealstage');
  const stages = computed(() => orderedStages(selected.value?.stages ?? []));

  // Two live queries: the synced rows change on a sync, the overlays on every local edit;
  // an edit then re-reads only the few overlays, never the thousands of rows.
  const pipelineId = computed(() => selected.value?.id ?? '');
  const { value: rows, loading: recordsLoading } = useLiveQuery(
    () => (selected.value ? pipelineRows(db, objectType.value, pipelineId.value) : []),
    [] as RecordRow[],
    () => selectedKey.value,
  );
  const { value: overlays } = useLiveQuery(
    () => (selected.value ? pipelineOverlays(db, objectType.value, pipelineId.value) : NO_OVERLAYS),
    NO_OVERLAYS,
    () => selectedKey.value,
  );
  const merge = createPipelineMerge();
  const stored = computed(() => merge(objectType.value, pipelineId.value, rows.value, overlays.value));
  /** Drops not yet in `stored`: the card moves on the drop, its pending mark comes with the commit. */
  const optimistic = shallowRef<ReadonlyMap<string, OptimisticMove>>(new Map());
  const stageProps = computed(() => STAGE_PROPERTY[objectType.value] ?? { stage: 'dealstage', pipeline: 'pipeline' });
  const records = computed(() => withOptimistic(stored.value, optimistic.value, stageProps.value));
  function setMove(id: string, move: OptimisticMove | null) {
    const next = new Map(optimistic.value);
    if (move) next.set(id, move);
    else next.delete(id);
    optimistic.value = next;
  }
  function pruneMoves() {
    for (const id of settledMoves(stored.value, optimistic.value, stageProps.value)) setMove(id, null);
  }
  watch(stored, pruneMoves);
  watch(selectedKey, () => (optimistic.value = new Map()));
  const ownersStore = useOwners();
  const owners = computed(() => ownersStore.owners);
  const catalog = usePropertyCatalog();
  const definitions = computed(() => catalog.definitions.filter((d) => d.objectType === objectType.value));
  const { value: rejected } = useLiveQuery(
    () => rejectedEntries(db, objectType.value),
    [] as StoredEntry[],
    () => objectType.value,
  );
  const { value: conflicts } = useLiveQuery(
    () => conflictsOfType(db, objectType.value),
    [],
    () => objectType.value,
  );

  const filters = ref<BoardFilters>({ ...NO_FILTERS, groups: [] });
  const mode = ref<'board' | 'table'>('board');
  const error = shallowRef<string | null>(null);
  const pendingMove = shallowRef<PendingMove | null>(null);
  /** The record shown in the preview sidebar. */
  const preview = shallowRef<{ objectType: SyncedType; recordId: string } | null>(null);

  const placeholders = useValuePlaceholders();
  const ownerNames = computed(() => ownersStore.ownerNames);
  const definitionByName = computed(() => new Map(definitions.value.map((d) => [d.name, d])));
  const propertyTypes = computed(() => {
    const kinds: Record<string, PropertyKind> = fallbackKinds(objectType.value);
    for (const d of definitions.value) if (d.type) kinds[d.name] = propertyKindOf(d);
    kinds.hubspot_owner_id = 'owner';
    return kinds;
  });
  // Kept as the same objects while their content is the same: every outbox write re-reads the
  // rejected entries, and a new map would rebuild every card.
  const rejectedByRecord = computed<Map<string, StoredEntry>>((old) => {
    const next = new Map(rejected.value.map((e) => [e.recordKey.slice(objectType.value.length + 1), e]));
    return old && JSON.stringify([...old]) === JSON.stringify([...next]) ? old : next;
  });
  const conflictIds = computed<Set<string>>((old) => {
    const next = new Set(conflicts.value.map((c) => c.recordId));
    return old && old.size === next.size && [...next].every((id) => old.has(id)) ? old : next;
  });

  /** A view that does not fit the definitions (e.g. synced later) filters nothing rather than breaking the board. */
  function compiled(view: View, ctx: ViewContext): (r: ViewRecord) => boolean {
    try {
      return compileView(view, ctx).matches;
    } catch (e) {
      if (e instanceof ViewError) return () => true;
      throw e;
    }
  }

  // Relative dates ("last 30 days") move at midnight: the day, checked each minute, is one of
  // the predicate's inputs, so a new day re-tests every record as a new filter does.
  const day = ref(createZone(workspace.timeZone).dayOf(Date.now()));
  const dayTimer = window.setInterval(() => (day.value = createZone(workspace.timeZone).dayOf(Date.now())), 60_000);
  if (getCurrentScope()) onScopeDispose(() => window.clearInterval(dayTimer));

  /** The filters as one predicate; a new one re-tests every record, an unchanged one none. */
  const matcher = computed(() => {
    void day.value;
    const type = objectType.value;
    const groups = completeGroups(filters.value.groups, propertyTypes.value);
    const view = filtersToView(type, filters.value, workspace.identity?.userId ? String(workspace.identity.userId) : 'me', groups);
    const ctx = {
      now: Date.now(),
      timeZone: workspace.timeZone,
      propertyTypes: propertyTypes.value,
      currentUserOwnerId: workspace.ownerId ?? undefined,
      quickProperties: quickPropertiesFor(type),
    };
    return compiled(view, ctx);
  });
  const cardContext = computed((): CardContext => ({
    type: objectType.value,
    stageProperty: stageProperty.value,
    rejected: rejectedByRecord.value,
    conflicts: conflictIds.value,
    ownerNames: ownerNames.value,
    unknownOwner: placeholders().unknownOwner,
  }));
  /** Records passing the filters, by name; plain objects, never deeply reactive (thousands of them). */
  const visible = useBoardCards(records, matcher, cardContext);

  let columns: Column<PipelineCardModel>[] | undefined;
  const board = computed(() => {
    const grouped = groupByStage(visible.value, stages.value, stageProperty.value, (s) => stageOutcome(objectType.value, s.metadata));
    return { ...grouped, columns: (columns = keepUnchanged(columns, grouped.columns)) };
  });

  function fieldsFor(names: readonly string[]): PropertyRow[] {
    return names.map((name) => definitionByName.value.get(name) ?? { objectType: objectType.value, name, label: name, type: 'string' });
  }

  /** Runs an edit; the sync worker watches the outbox and pushes it within about half a second (offline it waits). */
  async function run(action: () => Promise<unknown>): Promise<void> {
    error.value = null;
    try {
      await action();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * A drag or a "Move to stage" choice. Without required properties missing, the move is
   * written at once (overlay + outbox in one transaction); otherwise the form asks first.
   */
  async function requestMove(recordId: string, stageId: string, dropped?: () => void): Promise<void> {
    const card = visible.value.find((c) => c.record.id === recordId);
    const stage = stages.value.find((s) => s.id === stageId);
    const pipeline = selected.value;
    if (!card || !stage || !pipeline || card.record.properties[stageProperty.value] === stageId) return dropped?.();
    const missing = missingProperties(rules.required(objectType.value, pipeline.id, stage), card.record.properties);
    if (missing.length) {
      dropped?.();
      pendingMove.value = { recordId, recordName: card.name, stage, fields: fieldsFor(missing), initial: {} };
      return;
    }
    await move(recordId, stageId, pipeline.id, undefined, dropped);
  }

  /**
   * The card moves now and the overlay + outbox write follows; a failure puts the card back. A
   * card dragged onto a column (`dropped`, SortableList's `hold`) already shows there: it
   * moves in the state once the write has committed, in the same task as the node is put back.
   */
  function move(recordId: string, stageId: string, pipelineId: string, values?: Props, dropped?: () => void): Promise<void> {
    if (!dropped) setMove(recordId, { stageId, committed: false });
    return run(async () => {
      try {
        await moveStage(db, objectType.value, recordId, stageId, pipelineId, values);
        dropped?.();
        setMove(recordId, { stageId, committed: true });
        pruneMoves();
      } catch (e) {
        dropped?.();
        setMove(recordId, null);
        throw e;
      }
    });
  }

  async function confirmMove(values: Props): Promise<void> {
    const pending = pendingMove.value;
    const pipeline = selected.value;
    if (!pending || !pipeline) return;
    pendingMove.value = null;
    if (pending.retrySeq !== undefined) await run(() => retryEntry(db, pending.retrySeq as number, values));
    else await move(pending.recordId, pending.stage.id, pipeline.id, values);
  }

  function cancelMove(): void {
    pendingMove.value = null;
  }

  /**
   * Fix a move the CRM rejected: ask for the target stage's required properties (those
   * missing first; all of them, filled in, when the CRM's rule is unknown here), then retry.
   */
  async function fixRejected(recordId: string): Promise<void> {
    const card = visible.value.find((c) => c.record.id === recordId);
    const entry = card?.rejected;
    const pipeline = selected.value;
    if (!card || !entry || !pipeline) return;
    const intent = entry.intent;
    const stageId = intent.kind === 'update' ? intent.desired[stageProperty.value] : undefined;
    const stage = stages.value.find((s) => s.id === stageId);
    if (!stage) return run(() => retryEntry(db, entry.seq));
    const required = rules.required(objectType.value, pipeline.id, stage);
    const missing = missingProperties(required, card.record.properties);
    const names = missing.length ? missing : required;
    if (!names.length) return run(() => retryEntry(db, entry.seq));
    const initial = Object.fromEntries(names.map((n) => [n, card.record.properties[n] ?? '']));
    pendingMove.value = { recordId, recordName: card.name, stage, fields: fieldsFor(names), initial, retrySeq: entry.seq };
  }

  const discardRejected = (seq: number) => run(() => discardEntry(db, seq));
  const openPreview = (recordId: string) => (preview.value = { objectType: objectType.value, recordId });

  return {
    pipelines,
    pipelinesLoading,
    definitions,
    propertyTypes,
    selected,
    selectedKey,
    objectType,
    stageProperty,
    stages,
    records,
    recordsLoading,
    filters,
    mode,
    error,
    pendingMove,
    preview,
    openPreview,
    owners,
    ownerNames,
    visible,
    board,
    requestMove,
    confirmMove,
    cancelMove,
    fixRejected,
    discardRejected,
  };
});
