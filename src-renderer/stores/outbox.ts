import { defineStore } from 'pinia';
import { displayName } from '../../shared/records/display-name';
import type { PropValue, StoredEntry } from '../../shared/sync';
import {
  clearRedirected,
  discardEntry,
  listConflicts,
  listOutbox,
  listRedirected,
  resolveConflict,
  retryEntry,
  type ConflictChoice,
  type RedirectedEdit,
} from '../db';
import type { ConflictRow } from '../db';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

export interface OutboxItem {
  entry: StoredEntry;
  objectType: string;
  recordName: string;
}

/** An edit the CRM applied to the survivor of a merge instead of the record it was made on. */
export interface RedirectedItem {
  edit: RedirectedEdit;
  survivorName: string;
}

export interface ConflictItem {
  conflict: ConflictRow;
  recordName: string;
}

/** The outbox and conflict review: what waits to reach the CRM, and what needs a decision. */
export const useOutboxStore = defineStore('outbox', () => {
  const db = useDb();

  async function nameOf(objectType: string, id: string): Promise<string> {
    const [row, overlay] = await Promise.all([db.records(objectType).get(id), db.overlay.get(`${objectType}:${id}`)]);
    return displayName(objectType, { ...(row?.properties ?? {}), ...(overlay?.properties ?? {}) }, id);
  }

  const { value: items } = useLiveQuery<OutboxItem[]>(async () => {
    const entries = await listOutbox(db);
    return Promise.all(
      entries.map(async (entry) => {
        const i = entry.intent;
        const objectType = i.kind === 'update' || i.kind === 'create' ? i.objectType : i.fromType;
        const id = i.kind === 'update' || i.kind === 'create' ? i.recordId : i.fromId;
        return { entry, objectType, recordName: await nameOf(objectType, id) };
      }),
    );
  }, []);

  const { value: conflicts } = useLiveQuery<ConflictItem[]>(async () => {
    const rows = await listConflicts(db);
    return Promise.all(rows.map(async (conflict) => ({ conflict, recordName: await nameOf(conflict.objectType, conflict.recordId) })));
  }, []);

  const { value: redirected } = useLiveQuery<RedirectedItem[]>(async () => {
    const rows = await listRedirected(db);
    return Promise.all(rows.map(async (edit) => ({ edit, survivorName: await nameOf(edit.objectType, edit.survivorId) })));
  }, []);

  return {
    items,
    conflicts,
    redirected,
    dismissRedirected: () => clearRedirected(db),
    retry: (seq: number, fix?: Record<string, PropValue>) => retryEntry(db, seq, fix),
    discard: (seq: number) => discardEntry(db, seq),
    resolve: (key: string, choice: ConflictChoice) => resolveConflict(db, key, choice),
  };
});
