import { defineStore } from 'pinia';
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
import { reportRows, stageLabels } from '../db/queries/summary';
import { useDb } from '../lib/db-key';
import { useHealthStore } from './health';
import { useLiveQuery } from '../lib/live-query';
import { useOwners } from './owners';
import { usePermissionsStore } from './permissions';
import { usePropertyCatalog } from './property-catalog';
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

  const owners = useOwners();
  const catalog = usePropertyCatalog();
  /** Property definitions of the reportable objects, for the builder, the titles and the results. */
  const definitions = computed(() => {
    const byType = new Map<string, ReportProperty[]>();
    for (const p of catalog.definitions)
      if ((REPORT_OBJECTS as readonly string[]).includes(p.objectType)) byType.set(p.objectType, [...(byType.get(p.objectType) ?? []), p]);
    return byType;
  });
  const propertiesFor = (objectType: string): ReportProperty[] => [
    ...(definitions.value.get(objectType) ?? []),
    ...(objectType === accountObject.value ? [healthStatusProperty(healthLabels.value)] : []),
  ];
  const propertyLabel = (objectType: string, name: string) => propertiesFor(objectType).find((p) => p.name === name)?.label ?? name;

  const objectTypes = computed(() => [...new Set(reports.value.map((r) => r.objectType))].sort());
  const results = useLiveQuery(
    async () => {
      const out = new Map<string, ReportResult>();
      if (reports.value.length === 0) return out;
      const ownerNames = owners.ownerNames;
      for (const type of objectTypes.value) {
        const [rows, stages] = await Promise.all([reportRows(db, type), stageLabels(db, type)]);
        const props = propertiesFor(type);
        const source = type === accountObject.value && needsHealth.value ? withHealthStatus(rows, (id) => health.resultFor(id)?.status) : rows;
        const ownerProps = new Set(props.filter((p) => p.referencedObjectType === 'OWNER').map((p) => p.name));
        const labelOf = (property: string, value: string) => (ownerProps.has(property) ? ownerNames.get(value) : stages.get(value));
        for (const r of reports.value.filter((x) => x.objectType === type)) {
          out.set(r.id, computeReport(r, source, { properties: props, timeZone: workspace.timeZone, labelOf }));
        }
      }
      return out;
    },
    new Map<string, ReportResult>(),
    // Health results, owners and definitions are not read in the query (they come from stores):
    // a change of any of them re-runs the reports.
    () => [reports.value, needsHealth.value ? health.revision : 0, healthLabels.value, owners.ownerNames, definitions.value],
  );

  return { reports, loadedFor, healthLabels, propertiesFor, propertyLabel, results: results.value, resultsLoading: results.loading, add, remove, move };
});
