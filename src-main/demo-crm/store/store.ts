import { findObjectType } from '../schema/object-types';
import { PortalSchema } from '../schema/registry';
import { AssociationStore } from './associations';
import { deriveProperties } from './derived';
import type { Persistence } from './persist';
import { markIndexLag } from './search';
import type { CrmRecord, WriteSource } from './types';
import { UniqueValues } from './unique-values';

/** Archived records stay restorable this long, then HubSpot deletes them for good. */
export const PURGE_AFTER_MS = 90 * 86_400_000;
/** The survivor of a merge lists the merged-away ids here, separated by `;` (HubSpot's format). */
export const MERGED_PROPERTY = 'hs_merged_object_ids';
const SYSTEM_PROPERTIES = new Set(['hs_object_id', 'createdate', 'lastmodifieddate', 'hs_lastmodifieddate', MERGED_PROPERTY]);

export interface StoreClock {
  /** Server clock (ms) for record timestamps. */
  now(): number;
  /** Monotonic real time (ms) for index lag. */
  mono(): number;
}

/** Ids are reserved on disk this many at a time, so an id handed out is never handed out again. */
const ID_BLOCK = 1000;

/**
 * The working copy of every record, in memory. `commit()` writes what changed to the journal
 * (persist.ts) and fsyncs it; the server calls it before every answer, a timer after writes
 * made outside a request. Records of a type are kept in id order (ids only grow), so list
 * paging is a binary search.
 */
export class Store {
  private readonly byType = new Map<string, Map<string, CrmRecord>>();
  private readonly order = new Map<string, string[]>();
  readonly assoc = new AssociationStore(() => this.schedule());
  readonly meta = new Map<string, string>();
  /** The portal's property and custom object definitions (persisted in `meta`). */
  readonly schema: PortalSchema;
  private readonly unique: UniqueValues;
  private readonly dirty = new Set<CrmRecord>();
  private metaDirty = false;
  /** Records removed for good (GDPR delete, purge, merged away) since the last flush. */
  private readonly removed = new Set<CrmRecord>();
  /** Archived records, so the purge looks only at them. */
  private readonly archivedSet = new Set<CrmRecord>();
  private nextId = 1000;
  /** Ids below this are reserved on disk (`meta.nextId`); a restart continues from here. */
  private reservedTo = 1000;
  private timer: NodeJS.Timeout | undefined;
  /** Draws the search index lag (ms) of one write; 0 = search sees it at once. */
  searchLag: () => number = () => 0;

  constructor(
    private readonly persistence: Persistence,
    readonly clock: StoreClock,
    private readonly flushDelayMs = 0,
  ) {
    const snap = persistence.load();
    for (const [k, v] of snap.meta) this.meta.set(k, v);
    this.schema = new PortalSchema(this.meta, () => this.scheduleFlush());
    this.unique = new UniqueValues(this.schema);
    this.nextId = Number(this.meta.get('nextId') ?? '1000');
    this.reservedTo = this.nextId;
    snap.records.sort((a, b) => Number(a.id) - Number(b.id));
    for (const r of snap.records) this.index(r);
    for (const x of snap.assoc) this.assoc.load(x.a, x.b, x.types);
  }

  get isEmpty(): boolean {
    return !this.meta.has('nextId');
  }

  get(type: string, id: string): CrmRecord | undefined {
    return this.byType.get(type)?.get(id);
  }

  /** Ids of a type in ascending order (archived included). */
  ids(type: string): readonly string[] {
    return this.order.get(type) ?? [];
  }

  all(type: string): IterableIterator<CrmRecord> {
    return (this.byType.get(type) ?? new Map<string, CrmRecord>()).values();
  }

  findByUnique(type: string, property: string, value: string): CrmRecord | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const id = this.unique.holder(type, property, value);
    return id ? this.get(type, id) : undefined;
  }

  /** Creates a record from already validated properties. */
  create(type: string, props: Record<string, string>, source: WriteSource, at = this.clock.now()): CrmRecord {
    const id = this.allocateId();
    const iso = new Date(at).toISOString();
    const modified = findObjectType(type)?.modifiedProperty ?? 'hs_lastmodifieddate';
    const record: CrmRecord = { id, type, props: {}, history: {}, createdAt: at, updatedAt: at, archived: false };
    markIndexLag(record, this.clock.mono(), this.searchLag(), null);
    this.apply(record, { ...props, hs_object_id: id, createdate: iso, [modified]: iso }, source, at, false);
    this.index(record);
    this.touch(record);
    return record;
  }

  /** Applies validated changes; values equal to the current ones leave the history alone. */
  update(record: CrmRecord, changes: Record<string, string>, source: WriteSource, at = this.clock.now()): CrmRecord {
    markIndexLag(record, this.clock.mono(), this.searchLag(), { props: { ...record.props }, archived: record.archived });
    const modified = findObjectType(record.type)?.modifiedProperty ?? 'hs_lastmodifieddate';
    this.apply(record, { ...changes, [modified]: new Date(at).toISOString() }, source, at, true);
    record.updatedAt = at;
    this.touch(record);
    return record;
  }

  /** Bulk path for the dataset generator: no history beyond the import value, no index lag. */
  insertGenerated(type: string, props: Record<string, string>, createdAt: number, updatedAt = createdAt, history: CrmRecord['history'] = {}): CrmRecord {
    const id = String(this.nextId++);
    const modified = findObjectType(type)?.modifiedProperty ?? 'hs_lastmodifieddate';
    const record: CrmRecord = {
      id,
      type,
      props: { ...props, hs_object_id: id, createdate: new Date(createdAt).toISOString(), [modified]: new Date(updatedAt).toISOString() },
      history,
      createdAt,
      updatedAt,
      archived: false,
    };
    this.index(record);
    this.dirty.add(record);
    return record;
  }

  archive(record: CrmRecord, at = this.clock.now()): void {
    if (record.archived) return;
    markIndexLag(record, this.clock.mono(), this.searchLag(), { props: { ...record.props }, archived: false });
    record.archived = true;
    record.archivedAt = at;
    record.updatedAt = at;
    this.unique.release(record);
    this.archivedSet.add(record);
    this.touch(record);
  }

  /**
   * Takes a record out of the archive (HubSpot's recycle bin), with its id, its unique values
   * (unless another record took one meanwhile) and its associations; bumps the modified date.
   */
  restore(record: CrmRecord, source: WriteSource, at = this.clock.now()): { taken?: string } {
    const taken = this.unique.takenFrom(record);
    if (taken) return { taken };
    markIndexLag(record, this.clock.mono(), this.searchLag(), { props: { ...record.props }, archived: true });
    record.archived = false;
    delete record.archivedAt;
    this.archivedSet.delete(record);
    this.unique.claim(record);
    this.update(record, {}, source, at);
    return {};
  }

  /**
   * Merges `loser` into `survivor` as HubSpot does: the survivor keeps its values and takes
   * the loser's where it has none, lists the loser (and whatever the loser had absorbed) in
   * `hs_merged_object_ids`, and takes over its associations. The loser leaves the store (not
   * the archive); its id keeps answering as the survivor (`mergedInto`).
   */
  merge(survivor: CrmRecord, loser: CrmRecord, source: WriteSource, at = this.clock.now()): CrmRecord {
    const changes: Record<string, string> = {};
    for (const [name, value] of Object.entries(loser.props)) {
      if (SYSTEM_PROPERTIES.has(name) || survivor.props[name] !== undefined) continue;
      if (this.schema.isUnique(survivor.type, name)) continue;
      changes[name] = value;
    }
    const ids = (p: string | undefined): string[] => (p ? p.split(';').filter(Boolean) : []);
    changes[MERGED_PROPERTY] = [...new Set([...ids(survivor.props[MERGED_PROPERTY]), loser.id, ...ids(loser.props[MERGED_PROPERTY])])].join(';');
    for (const toType of this.assoc.partnerTypes(loser.type, loser.id)) {
      for (const [toId, typeIds] of this.assoc.list(loser.type, loser.id, toType)) {
        if (toType === survivor.type && toId === survivor.id) continue;
        this.assoc.add(loser.type, survivor.id, toType, toId, typeIds);
      }
    }
    this.remove(loser);
    this.meta.set(`mergedInto:${loser.type}:${loser.id}`, survivor.id);
    for (const old of ids(loser.props[MERGED_PROPERTY])) this.meta.set(`mergedInto:${loser.type}:${old}`, survivor.id);
    return this.update(survivor, changes, source, at);
  }

  /** The record a merged-away id now answers as (HubSpot reads it as the survivor). */
  mergedInto(type: string, id: string): CrmRecord | undefined {
    const to = this.meta.get(`mergedInto:${type}:${id}`);
    return to ? this.get(type, to) : undefined;
  }

  /** Removes a record for good (GDPR delete, purge): no list, no archive, no associations. */
  remove(record: CrmRecord): void {
    this.byType.get(record.type)?.delete(record.id);
    const order = this.order.get(record.type);
    const i = order?.indexOf(record.id) ?? -1;
    if (order && i >= 0) order.splice(i, 1);
    this.unique.release(record);
    this.assoc.removeAll(record.type, record.id);
    this.archivedSet.delete(record);
    this.dirty.delete(record);
    this.removed.add(record);
    this.scheduleFlush();
  }

  /** HubSpot empties its recycle bin after 90 days: archived records older than that are gone. */
  purgeExpired(at = this.clock.now()): number {
    let n = 0;
    for (const r of [...this.archivedSet]) {
      if (r.archivedAt !== undefined && at - r.archivedAt >= PURGE_AFTER_MS) {
        this.remove(r);
        n++;
      }
    }
    return n;
  }

  /** Makes pending changes durable (journal + fsync). Cheap when nothing changed. */
  commit(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0 && this.assoc.dirty.size === 0 && this.removed.size === 0 && !this.metaDirty) return;
    this.persistence.commit({ records: this.dirty, assoc: this.assoc.pairs(), meta: this.metaDirty ? this.meta : [], deleted: this.removed });
    this.clearDirty();
  }

  /** After the dataset generator: everything straight into a fresh snapshot. */
  saveGenerated(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.reservedTo = Math.max(this.reservedTo, this.nextId);
    this.meta.set('nextId', String(this.reservedTo));
    this.persistence.commitSnapshot({ records: this.dirty, assoc: this.assoc.pairs(), meta: this.meta });
    this.clearDirty();
  }

  /** Marks a change (e.g. of `meta`) to be committed soon; the server commits before answering anyway. */
  scheduleFlush(): void {
    this.metaDirty = true;
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.commit(), this.flushDelayMs);
  }

  private clearDirty(): void {
    this.dirty.clear();
    this.assoc.dirty.clear();
    this.removed.clear();
    this.metaDirty = false;
  }

  /** The next id; a new block is reserved durably before any id of it is handed out. */
  private allocateId(): string {
    if (this.nextId >= this.reservedTo) {
      this.reservedTo = this.nextId + ID_BLOCK;
      this.meta.set('nextId', String(this.reservedTo));
      this.persistence.commit({ meta: [['nextId', String(this.reservedTo)]] });
    }
    return String(this.nextId++);
  }

  private apply(record: CrmRecord, changes: Record<string, string>, source: WriteSource, at: number, keepImportHistory: boolean): void {
    const derived = deriveProperties(record.type, record.props, changes, at);
    for (const [name, value] of Object.entries({ ...changes, ...derived })) {
      const old = record.props[name];
      if ((old ?? '') === value) continue;
      const hist = record.history[name] ?? (keepImportHistory && old !== undefined ? [{ value: old, timestamp: record.createdAt, sourceType: 'IMPORT' }] : []);
      hist.unshift({ value, timestamp: at, ...source });
      record.history[name] = hist;
      this.unique.changed(record, name, old, value);
      if (value === '') delete record.props[name];
      else record.props[name] = value;
    }
  }

  private index(r: CrmRecord): void {
    let map = this.byType.get(r.type);
    if (!map) {
      this.byType.set(r.type, (map = new Map()));
      this.order.set(r.type, []);
    }
    map.set(r.id, r);
    this.order.get(r.type)?.push(r.id);
    if (r.archived) this.archivedSet.add(r);
    else this.unique.claim(r);
  }

  private touch(r: CrmRecord): void {
    this.dirty.add(r);
    this.schedule();
  }
}
