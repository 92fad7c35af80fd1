import { findObjectType } from '../schema/object-types';
import { PROPERTIES } from '../schema/properties';
import { findStage, STAGE_PROPERTIES } from '../schema/pipelines';
import { AssociationStore } from './associations';
import type { Persistence } from './persist';
import type { CrmRecord, IndexedState, WriteSource } from './types';

export interface StoreClock {
  /** Server clock (ms) for record timestamps. */
  now(): number;
  /** Monotonic real time (ms) for index lag. */
  mono(): number;
}

/**
 * The working copy of every record, in memory, with a debounced write-through to sql.js.
 * Records of a type are kept in id order (ids only grow), so list paging is a binary search.
 */
export class Store {
  private readonly byType = new Map<string, Map<string, CrmRecord>>();
  private readonly order = new Map<string, string[]>();
  private readonly unique = new Map<string, Map<string, string>>();
  readonly assoc = new AssociationStore(() => this.scheduleFlush());
  readonly meta = new Map<string, string>();
  private readonly dirty = new Set<CrmRecord>();
  private nextId = 1000;
  private timer: NodeJS.Timeout | undefined;
  /** Draws the search index lag (ms) of one write; 0 = search sees it at once. */
  searchLag: () => number = () => 0;

  constructor(
    private readonly persistence: Persistence,
    readonly clock: StoreClock,
    private readonly flushDelayMs = 200,
  ) {
    const snap = persistence.load();
    for (const [k, v] of snap.meta) this.meta.set(k, v);
    this.nextId = Number(this.meta.get('nextId') ?? '1000');
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
    const id = this.unique.get(`${type}|${property}`)?.get(value);
    return id ? this.get(type, id) : undefined;
  }

  /** Creates a record from already validated properties. */
  create(type: string, props: Record<string, string>, source: WriteSource, at = this.clock.now()): CrmRecord {
    const id = String(this.nextId++);
    const iso = new Date(at).toISOString();
    const modified = findObjectType(type)?.modifiedProperty ?? 'hs_lastmodifieddate';
    const record: CrmRecord = { id, type, props: {}, history: {}, createdAt: at, updatedAt: at, archived: false };
    this.markLag(record, null);
    this.apply(record, { ...props, hs_object_id: id, createdate: iso, [modified]: iso }, source, at, false);
    this.index(record);
    this.touch(record);
    return record;
  }

  /** Applies validated changes; values equal to the current ones leave the history alone. */
  update(record: CrmRecord, changes: Record<string, string>, source: WriteSource, at = this.clock.now()): CrmRecord {
    this.markLag(record, { props: { ...record.props }, archived: record.archived });
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
    this.markLag(record, { props: { ...record.props }, archived: false });
    record.archived = true;
    record.archivedAt = at;
    record.updatedAt = at;
    for (const [name, value] of Object.entries(record.props)) {
      const map = this.unique.get(`${record.type}|${name}`);
      if (map?.get(value) === record.id) map.delete(value);
    }
    this.touch(record);
  }

  /** Writes pending changes now (also called on close). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0 && this.assoc.dirty.size === 0) return;
    this.meta.set('nextId', String(this.nextId));
    this.persistence.write(this.dirty, this.assoc.pairs(), this.meta);
    this.dirty.clear();
    this.assoc.dirty.clear();
  }

  scheduleFlush(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushDelayMs);
  }

  private apply(record: CrmRecord, changes: Record<string, string>, source: WriteSource, at: number, keepImportHistory: boolean): void {
    const derived = deriveProperties(record.type, record.props, changes, at);
    for (const [name, value] of Object.entries({ ...changes, ...derived })) {
      const old = record.props[name];
      if ((old ?? '') === value) continue;
      const hist = record.history[name] ?? (keepImportHistory && old !== undefined ? [{ value: old, timestamp: record.createdAt, sourceType: 'IMPORT' }] : []);
      hist.unshift({ value, timestamp: at, ...source });
      record.history[name] = hist;
      const map = this.unique.get(`${record.type}|${name}`);
      if (map && old !== undefined) map.delete(old);
      if (value === '') delete record.props[name];
      else {
        record.props[name] = value;
        map?.set(value, record.id);
      }
    }
  }

  /**
   * Records when search will see this write, on the monotonic clock: HubSpot's index trails
   * in real time, whatever `/__demo/clock` says the portal's time is.
   */
  private markLag(record: CrmRecord, before: IndexedState): void {
    const mono = this.clock.mono();
    const visibleAt = mono + this.searchLag();
    // Several writes inside one lag window: search keeps seeing the state before the first
    // until the last of them is indexed.
    if (record.indexLag && mono < record.indexLag.visibleAt) {
      record.indexLag.visibleAt = Math.max(record.indexLag.visibleAt, visibleAt);
      return;
    }
    record.indexLag = { visibleAt, before };
  }

  private index(r: CrmRecord): void {
    let map = this.byType.get(r.type);
    if (!map) {
      this.byType.set(r.type, (map = new Map()));
      this.order.set(r.type, []);
    }
    map.set(r.id, r);
    this.order.get(r.type)?.push(r.id);
    for (const def of PROPERTIES[r.type]?.values() ?? []) {
      if (!def.unique) continue;
      let u = this.unique.get(`${r.type}|${def.name}`);
      if (!u) this.unique.set(`${r.type}|${def.name}`, (u = new Map()));
      const v = r.props[def.name];
      if (v && !r.archived) u.set(v, r.id);
    }
  }

  private touch(r: CrmRecord): void {
    this.dirty.add(r);
    this.scheduleFlush();
  }
}

/** Calculated properties HubSpot maintains on writes (stage probability, completion dates). */
function deriveProperties(type: string, current: Record<string, string>, changes: Record<string, string>, at: number): Record<string, string> {
  const out: Record<string, string> = {};
  const iso = new Date(at).toISOString();
  const conf = STAGE_PROPERTIES[type];
  const stage = conf ? changes[conf.stage] : undefined;
  if (conf && stage && stage !== current[conf.stage]) {
    const found = findStage(type, stage);
    if (type === 'deals') {
      out.hs_deal_stage_probability = found?.stage.metadata.probability ?? '';
      out.hs_v2_date_entered_current_stage = iso;
    }
    if (type === 'tickets') out.closed_date = found?.stage.metadata.ticketState === 'CLOSED' ? iso : '';
  }
  const status = changes.hs_task_status;
  if (type === 'tasks' && status !== undefined && status !== current.hs_task_status) {
    out.hs_task_completion_date = status === 'COMPLETED' ? iso : '';
  }
  return out;
}
