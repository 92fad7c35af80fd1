import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { displayName } from '../../shared/records/display-name';
import { STAGE_PROPERTY, type Props, type StoredEntry, type SyncedType } from '../../shared/sync';
import { compileView, propertyKindOf, ViewError, type PropertyKind, type View, type ViewContext, type ViewRecord } from '../../shared/views';
import { discardEntry, moveStage, retryEntry, type MergedRecord, type PipelineRow, type PropertyRow, type RecordRow } from '../db';
import { conflictsOfType, rejectedEntries } from '../db/queries/attention';
import { listPipelines, mergePipeline, pipelineOverlays, pipelineRows, type PipelineOverlays, type PipelineType } from '../db/queries/pipelines';
import { groupByStage, orderedStages, type StageDef } from '../../shared/pipelines/board';
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

export interface PipelineCardModel {
  id: string;
  properties: MergedRecord['properties'];
  record: MergedRecord;
  name: string;
  ownerName: string | null;
  /** The CRM rejected a move (or another edit) of this record: the entry waits for the user. */
  rejected: StoredEntry | null;
  conflict: boolean;
  /**
   * Changes whenever anything the card shows changes. Every live update re-reads the
   * records as new objects, so the board re-renders only cards whose signature moved.
   */
  sig: string;
}

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
  const records = computed(() => mergePipeline(objectType.value, pipelineId.value, rows.value, overlays.value));
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
  const rejectedByRecord = computed(() => new Map(rejected.value.map((e) => [e.recordKey.slice(objectType.value.length + 1), e])));
  const conflictIds = computed(() => new Set(conflicts.value.map((c) => c.recordId)));

  /** A view that does not fit the definitions (e.g. synced later) filters nothing rather than breaking the board. */
  function compiled(view: View, ctx: ViewContext): (r: ViewRecord) => boolean {
    try {
      return compileView(view, ctx).matches;
    } catch (e) {
      if (e instanceof ViewError) return () => true;
      throw e;
    }
  }

  /** Records passing the filters, by name; plain objects, never deeply reactive (thousands of them). */
  const visible = computed((): PipelineCardModel[] => {
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
    const matches = compiled(view, ctx);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    return records.value
      .filter(matches)
      .map((record) => {
        const p = record.properties;
        const rejected = rejectedByRecord.value.get(record.id) ?? null;
        const conflict = conflictIds.value.has(record.id);
        // An owner the CRM no longer lists (deleted) is named as unknown, never "No owner".
        const ownerId = p.hubspot_owner_id;
        const ownerName = ownerId ? (ownerNames.value.get(ownerId) ?? placeholders().unknownOwner(ownerId)) : null;
        const shown = [
          p[stageProperty.value],
          p.amount,
          p.closedate,
          p.hs_ticket_priority,
          p.hubspot_owner_id,
          ownerName,
          record.pending,
          conflict,
          rejected?.seq,
          rejected?.lastError?.message,
        ];
        return { id: record.id, properties: p, record, name: displayName(type, p, record.id), ownerName, rejected, conflict, sig: JSON.stringify(shown) };
      })
      .sort((a, b) => collator.compare(a.name, b.name) || a.record.id.localeCompare(b.record.id));
  });

  const board = computed(() => groupByStage(visible.value, stages.value, stageProperty.value, (s) => stageOutcome(objectType.value, s.metadata)));

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
  async function requestMove(recordId: string, stageId: string): Promise<void> {
    const card = visible.value.find((c) => c.record.id === recordId);
    const stage = stages.value.find((s) => s.id === stageId);
    const pipeline = selected.value;
    if (!card || !stage || !pipeline || card.record.properties[stageProperty.value] === stageId) return;
    const missing = missingProperties(rules.required(objectType.value, pipeline.id, stage), card.record.properties);
    if (missing.length) {
      pendingMove.value = { recordId, recordName: card.name, stage, fields: fieldsFor(missing), initial: {} };
      return;
    }
    await run(() => moveStage(db, objectType.value, recordId, stageId, pipeline.id));
  }

  async function confirmMove(values: Props): Promise<void> {
    const move = pendingMove.value;
    const pipeline = selected.value;
    if (!move || !pipeline) return;
    pendingMove.value = null;
    if (move.retrySeq !== undefined) await run(() => retryEntry(db, move.retrySeq as number, values));
    else await run(() => moveStage(db, objectType.value, move.recordId, move.stage.id, pipeline.id, values));
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
