/**
 * Schema version 2: the synced table of shared workspace documents (the CRM custom object
 * `cs_workspace_docs`, ARCHITECTURE.md "Shared workspace documents"). A handful of rows,
 * read whole, so no index beyond the id. Dexie keeps every table of earlier versions.
 * SHIPPED VERSIONS ARE NEVER EDITED (see schema-v1.ts).
 */
export const schemaV2 = {
  version: 2,
  stores: {
    p_cs_workspace_docs: 'id, updatedAt',
  },
} as const;
