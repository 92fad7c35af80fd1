import type { ConflictInput } from './decide';
import type { EntryError, StoredEntry } from './outbox';
import type { Props, SyncedRecord } from './values';

export type { CrmPort, CrmRequest, CrmResponse, CrmResult } from '../hubspot/transport';

/**
 * Where a pull stands for one type. `bootstrap` pages through the list endpoint (`after` is
 * the next page); `fenceMs` is a server timestamp taken before the first page, where the
 * incremental pull will start so nothing changed during the bootstrap is missed.
 * `incremental` holds the server time up to which every change has been applied.
 */
export type CursorState =
  | { objectType: string; mode: 'bootstrap'; after?: string; fenceMs: number; done: number; total?: number }
  | { objectType: string; mode: 'incremental'; valueMs: number };

/** A change the CRM confirmed, merged into the synced row so the UI does not flicker back. */
export interface RecordEcho {
  objectType: string;
  id: string;
  properties: Props;
  updatedAt?: string;
}

/** The result of pushing one outbox entry; the store applies each in one transaction. */
export type IntentOutcome =
  | { kind: 'done'; seq: number; echo?: RecordEcho; conflicts?: ConflictInput[] }
  | { kind: 'created'; seq: number; objectType: string; tempId: string; record: SyncedRecord }
  | { kind: 'attention'; seq: number; error: EntryError }
  | { kind: 'retry'; seq: number; error: EntryError }
  /** The record was merged in the CRM: this entry (and the record's others) now target the survivor. */
  | { kind: 'redirect'; seq: number; merge: RecordMerge };

/** A record merged away in the CRM (`loserId`) and the record that absorbed it. */
export interface RecordMerge {
  objectType: string;
  loserId: string;
  survivorId: string;
}

export interface AssociationRow {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  typeIds: number[];
}

/** Every association between `ids` of `fromType` and records of `toType`, replacing what was stored. */
export interface AssociationBatch {
  fromType: string;
  toType: string;
  ids: string[];
  rows: AssociationRow[];
}

export type ReferenceKind = 'pipelines' | 'owners' | 'users' | 'properties';

/** Everything the sync reads and writes locally; each method is one store transaction. */
export interface StorePort {
  listOutbox(): Promise<StoredEntry[]>;
  /**
   * Count a send as started, durably, before it leaves (see OutboxEntry.attempts); for
   * updates also keep the earliest server-time mark (OutboxEntry.sentAfterMs).
   */
  markSending(seqs: readonly number[], sentAfterMs?: Readonly<Record<number, number>>): Promise<void>;
  /** Apply push outcomes: outbox rows, overlay, conflicts and echoes change together. */
  resolve(outcomes: readonly IntentOutcome[]): Promise<void>;

  getCursor(objectType: string): Promise<CursorState | undefined>;
  /** `updatedAt` of the rows we hold among `ids`, so a re-read overlap costs no extra work. */
  storedVersions(objectType: string, ids: readonly string[]): Promise<Record<string, string>>;
  /**
   * Rows, their associations and the cursor that covers them commit together
   * (docs/sync-guarantees.md G10). A row older than the stored one (search index lag) is
   * skipped. A row listing merged-away ids (`hs_merged_object_ids`) that are held locally
   * absorbs them in the same transaction: their rows go, their associations and queued edits
   * move to it (`mergedIds`).
   */
  applyPage(objectType: string, records: readonly SyncedRecord[], cursor: CursorState, associations?: readonly AssociationBatch[]): Promise<void>;
  removeRecords(objectType: string, ids: readonly string[]): Promise<void>;
  /** Ids of the synced rows held for a type (reconcile compares them with the CRM's). */
  heldIds(objectType: string): Promise<string[]>;
  /** The associations held from `ids` of `fromType` towards `toType` (the reconcile compares them). */
  associationsOf(fromType: string, toType: string, ids: readonly string[]): Promise<AssociationRow[]>;
  /** Replace associations without touching rows or cursors (the daily reconcile's re-read). */
  replaceAssociations(batches: readonly AssociationBatch[]): Promise<void>;
  putReference(kind: ReferenceKind, objectType: string | null, rows: readonly unknown[]): Promise<void>;
  /**
   * The properties the workspace uses for a type and the CRM defines (its code's own plus
   * those its configuration names); the sync fetches these and no others.
   */
  usedProperties(objectType: string): Promise<string[]>;
  /**
   * Set `names` of held rows from `records` (a backfill of newly used properties), leaving
   * their other properties, versions and cursors alone; rows not held are skipped.
   */
  mergeProperties(objectType: string, records: readonly SyncedRecord[], names: readonly string[]): Promise<void>;

  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
}
