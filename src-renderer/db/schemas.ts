import { schemaV1 } from './schema-v1';
import { schemaV2 } from './schema-v2';
import { schemaV3 } from './schema-v3';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [schemaV1, schemaV2, schemaV3];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
