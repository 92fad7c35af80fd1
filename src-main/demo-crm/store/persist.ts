import { closeSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import type { CrmRecord } from './types';

// Not named `require`: the ESM bundle of main declares its own `require` shim.
const cjsRequire = createRequire(import.meta.url);
let sqlPromise: Promise<SqlJsStatic> | undefined;

/** sql.js is WASM: no native addon, so Electron and plain Node load the same file. */
function loadSql(): Promise<SqlJsStatic> {
  const init = cjsRequire('sql.js') as (config?: { locateFile?: (f: string) => string }) => Promise<SqlJsStatic>;
  sqlPromise ??= init({ locateFile: (file) => cjsRequire.resolve(`sql.js/dist/${file}`) });
  return sqlPromise;
}

export interface Snapshot {
  records: CrmRecord[];
  assoc: { a: string; b: string; types: number[] }[];
  meta: Map<string, string>;
}

interface StoredRecord {
  p: Record<string, string>;
  h?: CrmRecord['history'];
  c: number;
  u: number;
  a?: 1;
  aa?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (type TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id));
CREATE TABLE IF NOT EXISTS assoc (a TEXT NOT NULL, b TEXT NOT NULL, types TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`;

/** What one commit changes; every part is the final state, so applying it twice is harmless. */
export interface Change {
  records?: Iterable<CrmRecord>;
  assoc?: Iterable<{ a: string; b: string; types: number[] }>;
  meta?: Iterable<[string, string]>;
  /** Records removed for good (not archived). */
  deleted?: Iterable<{ type: string; id: string }>;
}

/** One line of the journal (JSON): rows as they are stored. */
interface Entry {
  r?: [string, string, StoredRecord][];
  a?: [string, string, number[]][];
  m?: [string, string][];
  d?: [string, string][];
}

export interface PersistenceOptions {
  /** Journal size after which a snapshot is written and the journal emptied. */
  compactAtBytes?: number;
}

const SNAPSHOT = 'demo-crm.sqlite';
const JOURNAL = 'demo-crm.journal';

/**
 * The on-disk state: a sql.js snapshot (`demo-crm.sqlite`) plus an append-only journal
 * (`demo-crm.journal`, one JSON line per commit). `commit` appends and fsyncs the journal,
 * so once it returns the change survives a crash (`kill -9`); the snapshot is rewritten only
 * when the journal has grown (`compactAtBytes`), on `close()`, and after replay on open.
 * Opening replays the journal over the snapshot; a torn last line (crash mid-write, never
 * acknowledged) is dropped.
 */
export class Persistence {
  private fd: number;
  private bytes = 0;
  private pending: Entry[] = [];
  private compactTimer: NodeJS.Immediate | undefined;

  private constructor(
    private readonly db: Database,
    private readonly dir: string,
    private readonly compactAtBytes: number,
  ) {
    this.fd = openSync(join(dir, JOURNAL), 'a');
  }

  static async open(dataDir: string, opts: PersistenceOptions = {}): Promise<Persistence> {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SNAPSHOT);
    const SQL = await loadSql();
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.exec(SCHEMA);
    const journal = join(dataDir, JOURNAL);
    const entries = existsSync(journal) ? readJournal(readFileSync(journal, 'utf8')) : [];
    const p = new Persistence(db, dataDir, opts.compactAtBytes ?? 16 * 1024 * 1024);
    if (entries.length > 0) {
      p.pending = entries;
      p.snapshot();
    } else if (existsSync(journal)) ftruncateSync(p.fd, 0); // only a torn line, or empty
    return p;
  }

  load(): Snapshot {
    const meta = new Map<string, string>();
    for (const row of this.rows('SELECT k, v FROM meta')) meta.set(String(row[0]), String(row[1]));
    const records: CrmRecord[] = [];
    for (const [type, id, data] of this.rows('SELECT type, id, data FROM records')) {
      const s = JSON.parse(String(data)) as StoredRecord;
      records.push({
        id: String(id),
        type: String(type),
        props: s.p,
        history: s.h ?? {},
        createdAt: s.c,
        updatedAt: s.u,
        archived: s.a === 1,
        ...(s.aa ? { archivedAt: s.aa } : {}),
      });
    }
    const assoc = this.rows('SELECT a, b, types FROM assoc').map(([a, b, types]) => ({
      a: String(a),
      b: String(b),
      types: JSON.parse(String(types)) as number[],
    }));
    return { records, assoc, meta };
  }

  /** Journal bytes written since the last snapshot. */
  get journalBytes(): number {
    return this.bytes;
  }

  /** Appends the change to the journal and fsyncs it: durable when this returns. */
  commit(change: Change): void {
    const entry = toEntry(change);
    if (!entry) return;
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    let off = 0;
    while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
    fdatasyncSync(this.fd);
    this.bytes += line.length;
    this.pending.push(entry);
    if (this.bytes >= this.compactAtBytes) this.compactTimer ??= setImmediate(() => this.snapshot());
  }

  /** Bulk path (the dataset generator): straight into a new snapshot, no journal line. */
  commitSnapshot(change: Change): void {
    const entry = toEntry(change);
    if (entry) this.pending.push(entry);
    this.snapshot();
  }

  /** Applies journalled changes to the database, writes it atomically (fsynced) and empties the journal. */
  snapshot(): void {
    if (this.compactTimer) clearImmediate(this.compactTimer);
    this.compactTimer = undefined;
    if (this.pending.length === 0 && this.bytes === 0) return;
    const db = this.db;
    db.exec('BEGIN');
    try {
      for (const e of this.pending) applyEntry(db, e);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    this.pending = [];
    const file = join(this.dir, SNAPSHOT);
    const tmp = `${file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      const data = db.export();
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    syncDir(this.dir);
    // Only now may the journal go: a crash before this line replays it over the new snapshot (idempotent).
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    this.snapshot();
    closeSync(this.fd);
    this.db.close();
  }

  private rows(sql: string): unknown[][] {
    const res = this.db.exec(sql)[0];
    return res ? res.values : [];
  }
}

function stored(r: CrmRecord): StoredRecord {
  const s: StoredRecord = { p: r.props, c: r.createdAt, u: r.updatedAt };
  if (Object.keys(r.history).length > 0) s.h = r.history;
  if (r.archived) s.a = 1;
  if (r.archivedAt) s.aa = r.archivedAt;
  return s;
}

function toEntry(change: Change): Entry | undefined {
  const e: Entry = {};
  const r = [...(change.records ?? [])].map((x): [string, string, StoredRecord] => [x.type, x.id, stored(x)]);
  const a = [...(change.assoc ?? [])].map((x): [string, string, number[]] => [x.a, x.b, x.types]);
  const m = [...(change.meta ?? [])];
  const d = [...(change.deleted ?? [])].map((x): [string, string] => [x.type, x.id]);
  if (r.length) e.r = r;
  if (a.length) e.a = a;
  if (m.length) e.m = m;
  if (d.length) e.d = d;
  return r.length + a.length + m.length + d.length > 0 ? e : undefined;
}

function applyEntry(db: Database, e: Entry): void {
  const rec = db.prepare('INSERT OR REPLACE INTO records (type, id, data) VALUES (?, ?, ?)');
  for (const [type, id, s] of e.r ?? []) rec.run([type, id, JSON.stringify(s)]);
  rec.free();
  const gone = db.prepare('DELETE FROM records WHERE type = ? AND id = ?');
  for (const [type, id] of e.d ?? []) gone.run([type, id]);
  gone.free();
  const put = db.prepare('INSERT OR REPLACE INTO assoc (a, b, types) VALUES (?, ?, ?)');
  const del = db.prepare('DELETE FROM assoc WHERE a = ? AND b = ?');
  for (const [a, b, types] of e.a ?? []) {
    if (types.length > 0) put.run([a, b, JSON.stringify(types)]);
    else del.run([a, b]);
  }
  put.free();
  del.free();
  const m = db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)');
  for (const [k, v] of e.m ?? []) m.run([k, v]);
  m.free();
}

/** Journal lines; a last line without its newline is a write the crash interrupted. */
function readJournal(text: string): Entry[] {
  const lines = text.split('\n');
  lines.pop(); // '' when the file ends with a newline, else the torn last write
  const out: Entry[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as Entry);
    } catch {
      throw new Error(`demo CRM journal is corrupt at line ${i + 1} (${JOURNAL})`);
    }
  }
  return out;
}

/** Makes a rename in the directory durable (not supported on Windows, where it is a no-op). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened/fsynced on every platform.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
