import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { HEALTH_STATUS_PROPERTY } from '../../shared/domain/reports';
import { propertyKindOf, type PropertyKind } from '../../shared/views';
import { LAST_ACTIVITY } from '../db/queries/portfolio';
import { formatPropertyValue, useValuePlaceholders } from '../lib/format-value';
import { useOwners } from './owners';
import { usePropertyCatalog } from './property-catalog';
import { useWorkspaceStore } from './workspace';

/**
 * The account properties Portfolio offers (filter editor, column picker, table cells): the
 * synced definitions, fallbacks until they arrive, the derived "last activity" and the two
 * health properties; the owners for owner values; a wire value as the table shows it.
 */

/** A property as the filter editor and the column picker see it. */
export interface PortfolioProperty {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ value: string; label: string }>;
}

/** Kinds of the demo/HubSpot account properties, used until the definitions are synced. */
const FALLBACK_KINDS: Record<string, PropertyKind> = {
  name: 'string',
  domain: 'string',
  createdate: 'datetime',
  csm_owner: 'owner',
  hubspot_owner_id: 'owner',
  renewal_date: 'date',
  plan: 'enumeration',
  csm_sentiment: 'enumeration',
  nps_score: 'number',
};

/** Virtual account properties filled from the locally computed health scores (not in the store). */
export const HEALTH_STATUS = HEALTH_STATUS_PROPERTY;
export const HEALTH_SCORE = 'cs_health_score';

export const usePortfolioPropertiesStore = defineStore('portfolio-properties', () => {
  const workspace = useWorkspaceStore();
  const objectType = computed(() => workspace.settings.accountObject);
  const catalog = usePropertyCatalog();
  const owners = useOwners();

  /** Set by the screen so the derived column is labelled in the user's language. */
  const lastActivityLabel = ref('Last activity date');
  /** Likewise for the health properties. */
  const healthLabels = ref({ status: 'Health status', score: 'Health score', healthy: 'Healthy', neutral: 'Neutral', atRisk: 'At risk' });
  const properties = computed<PortfolioProperty[]>(() => {
    const fromDefs = catalog.definitions
      .filter((d) => d.objectType === objectType.value && d.type)
      .map((d) => ({
        name: d.name,
        label: d.label ?? d.name,
        kind: propertyKindOf(d),
        options: d.options ?? [],
      }));
    const known = new Set(fromDefs.map((p) => p.name));
    const fallback = Object.entries(FALLBACK_KINDS)
      .filter(([n]) => !known.has(n))
      .map(([name, kind]) => ({ name, label: name, kind, options: [] as PortfolioProperty['options'] }));
    const derived = { name: LAST_ACTIVITY, label: lastActivityLabel.value, kind: 'datetime' as const, options: [] };
    const l = healthLabels.value;
    const healthStatus = {
      name: HEALTH_STATUS,
      label: l.status,
      kind: 'enumeration' as const,
      options: (['healthy', 'neutral', 'atRisk'] as const).map((value) => ({ value, label: l[value] })),
    };
    const healthScore = { name: HEALTH_SCORE, label: l.score, kind: 'number' as const, options: [] };
    return [...fromDefs, ...fallback, derived, healthStatus, healthScore].sort((a, b) => a.label.localeCompare(b.label));
  });
  const propertyTypes = computed(() => Object.fromEntries(properties.value.map((p) => [p.name, p.kind])) as Record<string, PropertyKind>);
  const propertyByName = computed(() => new Map(properties.value.map((p) => [p.name, p])));
  const ownerNames = computed(() => owners.ownerNames);

  const placeholders = useValuePlaceholders();
  const ownerOptions = computed(() => owners.ownerOptions);

  /** A wire value as the table shows it: owner names, option labels, dates in the user's zone. */
  function formatValue(property: string, value: string | null | undefined): string {
    const p = propertyByName.value.get(property);
    if (!p) return value ?? '';
    return formatPropertyValue(p, value, { ownerNames: ownerNames.value, timeZone: workspace.timeZone, datetimes: 'day', placeholders: placeholders() });
  }

  return { properties, propertyTypes, propertyByName, ownerNames, ownerOptions, formatValue, lastActivityLabel, healthLabels };
});
