import Dexie, { type Table } from 'dexie';
import { SYNCED_TYPES, type OutboxEntry, type StoredEntry, type SyncedType, type CursorState } from '../../shared/sync';
import type { AssociationRowStored, ConflictRow, MetaRow, OverlayRow, OwnerRow, PipelineRow, PropertyRow, RecordRow, RemapRow, UserRow } from './rows';
import { SCHEMA_VERSIONS } from './schemas';

export const DEFAULT_DB_NAME = 'cs-workspace';

/**
 * The renderer's one database: synced CRM rows, the overlay of pending local values, the
 * outbox, conflicts, and reference data. Durability is strict: an edit is reported saved only
 * after the transaction is on disk (docs/sync-guarantees.md G1); Chromium's default "relaxed"
 * durability may acknowledge before the write reaches the disk.
 */
export class CsDatabase extends Dexie {
  overlay!: Table<OverlayRow, string>;
  outbox!: Table<StoredEntry, number, OutboxEntry>;
  conflicts!: Table<ConflictRow, string>;
  associations!: Table<AssociationRowStored, [string, string, string, string]>;
  pipelines!: Table<PipelineRow, [string, string]>;
  owners!: Table<OwnerRow, string>;
  users!: Table<UserRow, string>;
  properties!: Table<PropertyRow, [string, string]>;
  cursors!: Table<CursorState, string>;
  meta!: Table<MetaRow, string>;
  remaps!: Table<RemapRow, string>;
  /** The key range class of the IndexedDB this database opened (fake-indexeddb's in tests), for raw reads (raw-read.ts). */
  readonly keyRange: typeof IDBKeyRange;

  constructor(name: string = DEFAULT_DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }

  /** The synced table of an object type. */
  records(type: SyncedType | string): Table<RecordRow, string> {
    if (!(SYNCED_TYPES as readonly string[]).includes(type)) throw new Error(`Not a synced object type: ${type}`);
    return this.table(type);
  }

  recordTables(): Table<RecordRow, string>[] {
    return SYNCED_TYPES.map((t) => this.records(t));
  }
}
