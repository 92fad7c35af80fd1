import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { getMeta, META, putMeta } from '../db/meta';
import { propertiesOf } from '../db/queries/summary';
import { useConnectivityStore } from './connectivity';
import { useDb } from '../lib/db-key';
import { hubspotVia, useHost } from './host-key';
import { hubspot, type HubspotCall } from '../../shared/hubspot';
import { useLiveQuery } from '../lib/live-query';
import { usePermissionsStore } from './permissions';
import { useWorkspaceStore, type WorkspaceSettings } from './workspace';
import { accountObjects, dateProperties, ownerProperties, type AccountObject, type SchemaProperty } from '../../shared/records/setup-choices';

/**
 * The workspace setup: which object is an account, which owner property is the CSM, and
 * which date property is the renewal date. Custom objects come from the CRM's schemas
 * (cached for offline use); Companies' properties from the local store, or the CRM before
 * the first sync. Saving needs "manage customer success settings"; `save` checks it itself.
 */
export const useSetupStore = defineStore('setup', () => {
  const db = useDb();
  const crm = hubspotVia(useHost());
  const workspace = useWorkspaceStore();
  const permissions = usePermissionsStore();
  const connectivity = useConnectivityStore();

  const saved = useLiveQuery(async () => (await getMeta(db, META.workspaceSettings)) !== undefined, true);
  /** No setup was ever saved on this computer: Summary offers the setup first. */
  const firstRun = computed(() => !saved.loading.value && !saved.value.value);

  const schemas = shallowRef<unknown[]>([]);
  const companyProps = useLiveQuery(() => propertiesOf(db, 'companies'), []);
  const fetchedCompanyProps = shallowRef<SchemaProperty[]>([]);
  const loadError = ref<string | null>(null);

  async function crmGet<T>(call: HubspotCall<T>): Promise<T> {
    const sent = await crm(call);
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.value;
  }

  /** Reads the schemas (and, before the first sync, Companies' properties) when online. */
  async function load() {
    loadError.value = null;
    schemas.value = (await getMeta(db, META.setupSchemas)) ?? [];
    if (!connectivity.online) return;
    try {
      schemas.value = (await crmGet(hubspot.schemas.list())).results;
      await putMeta(db, META.setupSchemas, schemas.value);
      if (companyProps.value.value.length === 0) {
        fetchedCompanyProps.value = (await crmGet(hubspot.properties.list('companies'))).results;
      }
    } catch (e) {
      loadError.value = e instanceof Error ? e.message : String(e);
    }
  }

  const objects = computed<AccountObject[]>(() => {
    const companies = companyProps.value.value.length > 0 ? (companyProps.value.value as SchemaProperty[]) : fetchedCompanyProps.value;
    return accountObjects(companies, schemas.value);
  });
  const propertiesFor = (objectName: string) => objects.value.find((o) => o.name === objectName)?.properties ?? [];
  const ownerChoices = (objectName: string) => ownerProperties(propertiesFor(objectName));
  const dateChoices = (objectName: string) => dateProperties(propertiesFor(objectName));

  const mayConfigure = computed(() => permissions.can('workspace:configure'));

  async function save(next: WorkspaceSettings) {
    permissions.assert('workspace:configure');
    if (!ownerChoices(next.accountObject).some((p) => p.name === next.csmProperty))
      throw new Error(`${next.csmProperty} is not an owner property of ${next.accountObject}.`);
    if (next.renewalProperty !== null && !dateChoices(next.accountObject).some((p) => p.name === next.renewalProperty)) {
      throw new Error(`${next.renewalProperty} is not a date property of ${next.accountObject}.`);
    }
    await workspace.saveSettings(next);
  }

  return { firstRun, objects, ownerChoices, dateChoices, mayConfigure, loadError, load, save };
});
