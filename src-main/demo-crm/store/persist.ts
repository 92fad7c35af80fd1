import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * The on-disk database: one sql.js file in the data dir. The in-memory store is the working
 * copy; `write` applies a batch of changes in one transaction and rewrites the file atomically.
 */
export class Persistence {
  private constructor(
    private readonly db: Database,
    private readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<Persistence> {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'demo-crm.sqlite');
    const SQL = await loadSql();
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.exec(SCHEMA);
    return new Persistence(db, file);
  }

  load(): Snapshot {
    const meta = new Map<string, string>();
    for (const row of this.rows('SELECT k, v FROM meta')) meta.set(String(row[0]), String(row[1]));
    const records: CrmRecord[] = [];
    for (const [type, id, data] of this.rows('SELECT type, id, data FROM records')) {
      const s = JSON.parse(String(data)) as StoredRecord;
      records.push({ id: String(id), type: String(type), props: s.p, history: s.h ?? {}, createdAt: s.c, updatedAt: s.u, archived: s.a === 1, ...(s.aa ? { archivedAt: s.aa } : {}) });
    }
    const assoc = this.rows('SELECT a, b, types FROM assoc').map(([a, b, types]) => ({ a: String(a), b: String(b), types: JSON.parse(String(types)) as number[] }));
    return { records, assoc, meta };
  }

  write(records: Iterable<CrmRecord>, assoc: Iterable<{ a: string; b: string; types: number[] }>, meta: Map<string, string>, removed: Iterable<CrmRecord> = []): void {
    const db = this.db;
    db.exec('BEGIN');
    try {
      const rec = db.prepare('INSERT OR REPLACE INTO records (type, id, data) VALUES (?, ?, ?)');
      for (const r of records) {
        const s: StoredRecord = { p: r.props, c: r.createdAt, u: r.updatedAt };
        if (Object.keys(r.history).length > 0) s.h = r.history;
        if (r.archived) s.a = 1;
        if (r.archivedAt) s.aa = r.archivedAt;
        rec.run([r.type, r.id, JSON.stringify(s)]);
      }
      rec.free();
      const gone = db.prepare('DELETE FROM records WHERE type = ? AND id = ?');
      for (const r of removed) gone.run([r.type, r.id]);
      gone.free();
      const put = db.prepare('INSERT OR REPLACE INTO assoc (a, b, types) VALUES (?, ?, ?)');
      const del = db.prepare('DELETE FROM assoc WHERE a = ? AND b = ?');
      for (const x of assoc) {
        if (x.types.length > 0) put.run([x.a, x.b, JSON.stringify(x.types)]);
        else del.run([x.a, x.b]);
      }
      put.free();
      del.free();
      const m = db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)');
      for (const [k, v] of meta) m.run([k, v]);
      m.free();
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, this.file);
  }

  close(): void {
    this.db.close();
  }

  private rows(sql: string): unknown[][] {
    const res = this.db.exec(sql)[0];
    return res ? res.values : [];
  }
}
