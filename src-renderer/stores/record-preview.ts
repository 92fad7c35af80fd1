import { defineStore } from 'pinia';
import { PREVIEW_PROPERTIES } from '../../shared/records/workspace-properties';
import { computed, ref, shallowRef } from 'vue';
import { hubspot, type ValueWithTimestamp } from '../../shared/hubspot';
import type { Props, SyncedType } from '../../shared/sync';
import { propertyKindOf, type PropertyKind } from '../../shared/views';
import { associate, createNote, createTask, logCall, mergedRecord, setProperties, type MergedRecord } from '../db';
import { associatedRecords, searchByName, timeline, type TimelineItem } from '../db/queries/portfolio';
import { getMeta, META, putMeta } from '../db/meta';
import { logEmail, logMeeting } from '../db/repositories/activities';
import { useOwners } from './owners';
import { usePropertyCatalog } from './property-catalog';
import type { ActivityInput } from '../../shared/records/activity-input';
import { useConnectivityStore } from './connectivity';
import { formatPropertyValue, useValuePlaceholders } from '../lib/format-value';
import { useDb } from '../lib/db-key';
import { hubspotVia, useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { useWorkspaceStore } from './workspace';

export interface PreviewProperty {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ value: string; label: string }>;
  readOnly: boolean;
}

export type HistoryEntry = Pick<ValueWithTimestamp, 'value' | 'timestamp' | 'sourceType'>;

/** "All properties" of the open record, read from the CRM on demand: the sync keeps only the used ones. */
export type AllPropertiesState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'error'; message: string }
  | { state: 'ready'; entries: Array<{ property: PreviewProperty; value: string | null }>; savedAt?: number };

export type HistoryState =
  | { state: 'idle' }
  | { state: 'loading'; property: string }
  | { state: 'offline'; property: string }
  | { state: 'error'; property: string; message: string }
  | { state: 'ready'; property: string; entries: HistoryEntry[] };

/** Properties the CRM computes; they are shown but never offered for editing. */
const READ_ONLY = new Set(['createdate', 'notes_last_updated', 'notes_last_contacted', 'hs_lastmodifieddate', 'hs_object_id', 'num_associated_contacts']);
const ASSOCIATED_TYPES = ['contacts', 'deals', 'tickets', 'companies'] as const;
const PAGE = 10;

export function recordTitle(objectType: string, r: Pick<MergedRecord, 'id' | 'properties'> | undefined): string {
  if (!r) return '';
  const props = PREVIEW_PROPERTIES[objectType]?.title ?? ['name'];
  const text = props
    .map((p) => r.properties[p] ?? '')
    .filter(Boolean)
    .join(' ');
  return text || r.properties.email || r.properties.name || `#${r.id}`;
}

/**
 * The record preview sidebar's data: one record at a time (the sidebar is a singleton on
 * screen), its merged values, activities, associations and property history. Every edit
 * goes through the offline repositories (overlay + outbox in one transaction).
 */
export const useRecordPreviewStore = defineStore('recordPreview', () => {
  const db = useDb();
  const crm = hubspotVia(useHost());
  const workspace = useWorkspaceStore();
  const placeholders = useValuePlaceholders();
  const connectivity = useConnectivityStore();

  const objectType = ref<SyncedType>('companies');
  const recordId = ref('');
  const key = computed(() => `${objectType.value}:${recordId.value}`);
  const timelineLimit = ref(PAGE);

  const record = useLiveQuery(
    () => (recordId.value ? mergedRecord(db, objectType.value, recordId.value) : undefined),
    undefined as MergedRecord | undefined,
    key,
  );
  const catalog = usePropertyCatalog();
  const defs = computed(() => catalog.definitions.filter((d) => d.objectType === objectType.value));
  const owners = useOwners();
  const activities = useLiveQuery(
    () => (recordId.value ? timeline(db, objectType.value, recordId.value, timelineLimit.value) : { items: [], total: 0 }),
    { items: [] as TimelineItem[], total: 0 },
    [key, timelineLimit],
  );
  const associated = useLiveQuery(
    async () => {
      const out: Record<string, MergedRecord[]> = {};
      if (!recordId.value) return out;
      for (const t of ASSOCIATED_TYPES) if (t !== objectType.value) out[t] = await associatedRecords(db, objectType.value, recordId.value, t, 50);
      return out;
    },
    {},
    key,
  );
  const followsUser = computed(() => workspace.identity?.userId ?? 'anonymous');
  const follows = useLiveQuery(async () => (await getMeta(db, META.follows(followsUser.value))) ?? [], [] as string[], followsUser);
  const following = computed(() => follows.value.value.includes(key.value));

  const history = shallowRef<HistoryState>({ state: 'idle' });
  const allProperties = shallowRef<AllPropertiesState>({ state: 'idle' });

  const defByName = computed(() => new Map(defs.value.map((d) => [d.name, d])));
  const ownerNames = computed(() => owners.ownerNames);

  function describe(name: string): PreviewProperty {
    const d = defByName.value.get(name);
    const kind = d?.type ? propertyKindOf(d) : name === 'csm_owner' || name === 'hubspot_owner_id' ? 'owner' : 'string';
    const calculated = (d?.modificationMetadata as { readOnlyValue?: boolean } | undefined)?.readOnlyValue === true;
    return { name, label: d?.label ?? name, kind, options: d?.options ?? [], readOnly: READ_ONLY.has(name) || calculated };
  }

  const layout = computed(() => PREVIEW_PROPERTIES[objectType.value] ?? { title: ['name'], key: [], more: [] });
  const keyProperties = computed(() => layout.value.key.map(describe));
  const moreProperties = computed(() => layout.value.more.map(describe));
  const title = computed(() => recordTitle(objectType.value, record.value.value));

  function open(type: SyncedType, id: string) {
    objectType.value = type;
    recordId.value = id;
    timelineLimit.value = PAGE;
    history.value = { state: 'idle' };
    allProperties.value = { state: 'idle' };
  }

  function displayValue(p: PreviewProperty, value: string | null | undefined): string {
    return formatPropertyValue(p, value, { ownerNames: ownerNames.value, timeZone: workspace.timeZone, datetimes: 'dayAndTime', placeholders: placeholders() });
  }

  async function saveProperty(name: string, value: string) {
    const desired: Props = { [name]: value === '' ? null : value };
    await setProperties(db, objectType.value, recordId.value, desired);
  }

  /** HubSpot keeps property history server-side only; we ask for it on demand when online. */
  async function loadHistory(property: string) {
    if (!connectivity.online) return void (history.value = { state: 'offline', property });
    history.value = { state: 'loading', property };
    const sent = await crm(hubspot.objects.readWithHistory(objectType.value, recordId.value, property));
    if (!sent.ok)
      return void (history.value =
        sent.error.kind === 'unreachable' ? { state: 'offline', property } : { state: 'error', property, message: sent.error.message });
    const entries = [...(sent.value.propertiesWithHistory?.[property] ?? [])].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    history.value = { state: 'ready', property, entries };
  }

  /**
   * Every property the CRM defines for this record, read once by `batch/read` (the list goes
   * in the body: hundreds of names in a URL are refused); online only, and plainly said so.
   */
  async function loadAllProperties() {
    const [type, id] = [objectType.value, recordId.value];
    const entriesOf = (names: string[], values: Record<string, string | null>) =>
      names.map((name) => ({ property: describe(name), value: values[name] ?? null })).sort((a, b) => a.property.label.localeCompare(b.property.label));
    // Offline, the list kept by "Prepare for a trip" (stores/trip.ts), when this record had one.
    const offline = async () => {
      const kept = await getMeta(db, META.tripAllProperties(`${type}:${id}`));
      if (type !== objectType.value || id !== recordId.value) return;
      allProperties.value = kept ? { state: 'ready', entries: entriesOf(Object.keys(kept.values), kept.values), savedAt: kept.at } : { state: 'offline' };
    };
    if (!connectivity.online) return offline();
    allProperties.value = { state: 'loading' };
    const names = defs.value.map((d) => d.name);
    const sent = await crm(hubspot.objects.batchRead(type, [id], names));
    if (type !== objectType.value || id !== recordId.value) return;
    if (!sent.ok) return sent.error.kind === 'unreachable' ? offline() : void (allProperties.value = { state: 'error', message: sent.error.message });
    allProperties.value = { state: 'ready', entries: entriesOf(names, sent.value.results[0]?.properties ?? {}) };
  }

  async function toggleFollow() {
    const entry = META.follows(followsUser.value);
    const list = (await getMeta(db, entry)) ?? [];
    await putMeta(db, entry, list.includes(key.value) ? list.filter((k) => k !== key.value) : [...list, key.value]);
  }

  async function logActivity(a: ActivityInput) {
    const associations = [{ toType: objectType.value, toId: recordId.value }];
    const ownerId = workspace.ownerId ?? undefined;
    const own = ownerId ? { ownerId } : {};
    switch (a.kind) {
      case 'note':
        return createNote(db, { body: a.body, timestampMs: a.at, associations, ...own });
      case 'email':
        return logEmail(db, { subject: a.title, body: a.body, timestampMs: a.at, associations, ...own });
      case 'call':
        return logCall(db, {
          title: a.title,
          body: a.body,
          timestampMs: a.at,
          durationMs: (a.durationMin ?? 0) * 60_000,
          direction: 'OUTBOUND',
          associations,
          ...own,
        });
      case 'task':
        return createTask(db, { subject: a.title, body: a.body, dueAtMs: a.at, associations, ...own });
      case 'meeting':
        return logMeeting(db, { title: a.title, body: a.body, startMs: a.at, endMs: a.at + (a.durationMin ?? 30) * 60_000, associations, ...own });
    }
  }

  function search(type: SyncedType, text: string) {
    return searchByName(db, type, text);
  }

  async function associateWith(type: SyncedType, id: string) {
    await associate(db, objectType.value, recordId.value, type, id);
  }

  function loadMoreActivities() {
    timelineLimit.value += PAGE;
  }

  return {
    objectType,
    recordId,
    record: record.value,
    loading: record.loading,
    title,
    keyProperties,
    moreProperties,
    activities: activities.value,
    associated: associated.value,
    following,
    history,
    allProperties,
    loadAllProperties,
    ownerNames,
    open,
    displayValue,
    saveProperty,
    loadHistory,
    toggleFollow,
    logActivity,
    search,
    associateWith,
    loadMoreActivities,
    recordTitle,
  };
});
