import { defineStore } from 'pinia';
import { ownerDisplayName } from '../../shared/domain/owners';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  addReport,
  computeReport,
  HEALTH_STATUS_PROPERTY,
  healthStatusProperty,
  withHealthStatus,
  moveReport,
  parseSavedReports,
  REPORT_OBJECTS,
  type Report,
  type ReportProperty,
  type ReportResult,
} from '../../shared/domain/reports';
import { getMeta, META, putMeta } from '../db/meta';
import { allOwners, propertiesOf, propertiesOfTypes, reportRows, stageLabels } from '../db/queries/summary';
import { useDb } from '../lib/db-key';
import { useHealthStore } from './health';
import { useLiveQuery } from '../lib/live-query';
import { usePermissionsStore } from './permissions';
import { useWorkspaceStore } from './workspace';

export type NewReport = Omit<Report, 'id'>;
export type AddOutcome = { ok: true } | { ok: false; reason: 'limit' | 'forbidden' };

/**
 * The signed-in user's Summary reports: saved in the local store under `reports:<userId>`
 * (per user, offline), computed from the local records whenever they change.
 */
export const useReportsStore = defineStore('reports', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const permissions = usePermissionsStore();
  // Shallow: the reports stay plain objects, which IndexedDB can clone (a reactive proxy cannot be).
  const reports = shallowRef<Report[]>([]);
  const loadedFor = ref<string | null>(null);
  const entry = computed(() => (workspace.identity ? META.reports(workspace.identity.userId) : null));
  const key = computed(() => entry.value?.key ?? null);

  watch(
    key,
    async (k) => {
      if (!k || !entry.value) return;
      reports.value = parseSavedReports(await getMeta(db, entry.value));
      loadedFor.value = k;
    },
    { immediate: true },
  );

  async function save(next: Report[]) {
    if (!entry.value) throw new Error('No signed-in user to save reports for.');
    await putMeta(db, entry.value, next);
    reports.value = next;
  }

  /** Refuses without the permission and beyond the limit; the caller shows why. */
  async function add(input: NewReport): Promise<AddOutcome> {
    if (!permissions.can('reports:add')) return { ok: false, reason: 'forbidden' };
    const res = addReport(reports.value, { ...input, id: crypto.randomUUID() });
    if (!res.ok) return res;
    await save(res.reports);
    return { ok: true };
  }

  async function remove(id: string) {
    await save(reports.value.filter((r) => r.id !== id));
  }

  async function move(id: string, delta: -1 | 1) {
    await save(
      moveReport(
        reports.value,
        reports.value.findIndex((r) => r.id === id),
        delta,
      ),
    );
  }

  /** Set by the screen so the health group-by is labelled in the user's language. */
  const healthLabels = ref({ property: 'Health status', healthy: 'Healthy', neutral: 'Neutral', atRisk: 'At risk' });
  const health = useHealthStore();
  const accountObject = computed(() => workspace.settings.accountObject);
  const needsHealth = computed(() =>
    reports.value.some((r) => r.objectType === accountObject.value && (r.groupBy === HEALTH_STATUS_PROPERTY || r.filter?.property === HEALTH_STATUS_PROPERTY)),
  );
  watch(needsHealth, (on) => on && health.start(), { immediate: true });

  const objectTypes = computed(() => [...new Set(reports.value.map((r) => r.objectType))].sort());
  const results = useLiveQuery(
    async () => {
      const out = new Map<string, ReportResult>();
      if (reports.value.length === 0) return out;
      const owners = new Map((await allOwners(db)).map((o) => [o.id, ownerDisplayName(o)]));
      for (const type of objectTypes.value) {
        const [rows, properties, stages] = await Promise.all([reportRows(db, type), propertiesOf(db, type), stageLabels(db, type)]);
        const props = [...(properties as ReportProperty[]), ...(type === accountObject.value ? [healthStatusProperty(healthLabels.value)] : [])];
        const source = type === accountObject.value && needsHealth.value ? withHealthStatus(rows, (id) => health.resultFor(id)?.status) : rows;
        const ownerProps = new Set(props.filter((p) => p.referencedObjectType === 'OWNER').map((p) => p.name));
        const labelOf = (property: string, value: string) => (ownerProps.has(property) ? owners.get(value) : stages.get(value));
        for (const r of reports.value.filter((x) => x.objectType === type)) {
          out.set(r.id, computeReport(r, source, { properties: props, timeZone: workspace.timeZone, labelOf }));
        }
      }
      return out;
    },
    new Map<string, ReportResult>(),
    // Health results are not in Dexie: a recomputation (revision) re-runs the reports that read them.
    () => [reports.value, needsHealth.value ? health.revision : 0, healthLabels.value],
  );

  /** Property definitions of the reportable objects, for the builder and for report titles. */
  const definitions = useLiveQuery(async () => {
    const byType = new Map<string, ReportProperty[]>();
    for (const p of await propertiesOfTypes(db, REPORT_OBJECTS)) byType.set(p.objectType, [...(byType.get(p.objectType) ?? []), p]);
    return byType;
  }, new Map<string, ReportProperty[]>());
  const propertiesFor = (objectType: string): ReportProperty[] => [
    ...(definitions.value.value.get(objectType) ?? []),
    ...(objectType === accountObject.value ? [healthStatusProperty(healthLabels.value)] : []),
  ];
  const propertyLabel = (objectType: string, name: string) => propertiesFor(objectType).find((p) => p.name === name)?.label ?? name;

  return { reports, loadedFor, healthLabels, propertiesFor, propertyLabel, results: results.value, resultsLoading: results.loading, add, remove, move };
});
