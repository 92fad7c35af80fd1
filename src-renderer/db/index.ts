export { CsDatabase, DEFAULT_DB_NAME } from './database';
export { createDexieStore } from './store-port';
export { applyEdit, type EditRequest, type EditResult, type EditOptions } from './repositories/edits';
export * from './repositories/edit-helpers';
export { mergedRecord, mergeRecord, mergeRows, pendingCreates, resolveId, type MergedRecord } from './repositories/records';
export { pendingCounts, listOutbox, retryEntry, discardEntry } from './repositories/outbox';
export { exportOutbox, importOutbox, type OutboxExport } from './repositories/outbox-export';
export { listConflicts, resolveConflict, type ConflictChoice } from './repositories/conflicts';
export type * from './rows';
