import { defineStore } from 'pinia';
import { computed } from 'vue';
import { propertyKindOf, type PropertyKind } from '../../shared/views';
import { allPropertyDefinitions } from '../db/queries/catalog';
import type { PropertyRow } from '../db/rows';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/** A property as pickers and filter editors see it. */
export interface CatalogProperty {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ label: string; value: string }>;
}

/**
 * The synced property definitions, one live list for every tab, read one way: each
 * definition's kind from `propertyKindOf` (owner enumerations are owners), by object type.
 */
export const usePropertyCatalogStore = defineStore('property-catalog', () => {
  const db = useDb();
  const rows = useLiveQuery(() => allPropertyDefinitions(db), [] as PropertyRow[]);
  const definitions = computed(() => rows.value.value);
  /** Object type → property name → kind. */
  const propertyTypes = computed(() => {
    const out: Record<string, Record<string, PropertyKind>> = {};
    for (const p of definitions.value) (out[p.objectType] ??= {})[p.name] = propertyKindOf(p);
    return out;
  });
  /** The properties of a type, by label. */
  function propertiesOf(objectType: string): CatalogProperty[] {
    return definitions.value
      .filter((p) => p.objectType === objectType)
      .map((p) => ({ name: p.name, label: p.label ?? p.name, kind: propertyKindOf(p), options: p.options ?? [] }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
  return { definitions, loading: rows.loading, propertyTypes, propertiesOf };
});

/** The shared property catalog (a composable name for the tabs). */
export const usePropertyCatalog = usePropertyCatalogStore;
