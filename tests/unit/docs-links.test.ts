import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: what the code cites lives in the repository. Someone who
 * has only a clone must be able to open every document a comment or a doc points to.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = relative(ROOT, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && f !== 'package-lock.json' && f !== SELF && !f.startsWith('node_modules/'));
}

const files = trackedFiles()
  .filter((f) => existsSync(join(ROOT, f)))
  .map((f) => ({ path: f, text: readFileSync(join(ROOT, f), 'utf8') }))
  .filter((f) => !f.text.includes('\0'));

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every match of `re` in every tracked file, as `path:line: match`. */
function occurrences(re: RegExp, only: (path: string) => boolean = () => true): Array<{ where: string; match: RegExpExecArray; path: string }> {
  const out: Array<{ where: string; match: RegExpExecArray; path: string }> = [];
  for (const f of files) {
    if (!only(f.path)) continue;
    for (const m of f.text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      out.push({ where: `${f.path}:${lineOf(f.text, m.index)}: ${m[0]}`, match: m, path: f.path });
    }
  }
  return out;
}

const DOCS = ['product', 'sync-guarantees', 'hubspot-api'] as const;

describe('documents cited in the repository live in the repository', () => {
  it('finds the tracked files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'docs/sync-guarantees.md')).toBe(true);
  });

  it('no relative path leads out of the repository', () => {
    const outside = occurrences(/(?:\.\.\/)+[\w@.-][\w@./-]*/).filter(({ match, path }) => {
      const target = resolve(ROOT, dirname(path), match[0]);
      return target !== ROOT && !target.startsWith(ROOT + sep);
    });
    expect(outside.map((o) => o.where)).toEqual([]);
  });

  it('no path names a docs folder under shared/, or architecture.md or toolchain.md, none of which the repository has', () => {
    const named = occurrences(/shared\/docs\b|(?<![\w/.-])(?:architecture|toolchain)\.md\b/);
    expect(named.map((o) => o.where)).toEqual([]);
  });

  it('the docs are cited by their path in the repository (docs/…)', () => {
    const bare = occurrences(new RegExp(`(?<![\\w/.-])(?:${DOCS.join('|')})\\.md\\b`));
    expect(bare.map((o) => o.where)).toEqual([]);
  });

  it('every docs/… file cited exists', () => {
    const missing = occurrences(/(?<![\w/.-])docs\/[\w./-]*\w\.md\b/).filter(({ match }) => !existsSync(join(ROOT, match[0])));
    expect(missing.map((o) => o.where)).toEqual([]);
  });

  it('every cited section (docs/…md §N) is a numbered heading of that file', () => {
    const headings = new Map<string, Set<string>>();
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, `docs/${doc}.md`), 'utf8');
      headings.set(`docs/${doc}.md`, new Set([...text.matchAll(/^## (\d+)\./gm)].map((m) => m[1] ?? '')));
    }
    const wrong: string[] = [];
    for (const { match, where } of occurrences(/(docs\/[\w-]+\.md)((?:[\s,;]*§\d+)+)/)) {
      const known = headings.get(match[1] ?? '');
      for (const n of (match[2] ?? '').matchAll(/§(\d+)/g)) {
        if (!known?.has(n[1] ?? '')) wrong.push(`${where} (no section ${n[1]})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every file that cites a guarantee by number (G1–G19) names docs/sync-guarantees.md', () => {
    const code = (p: string) => /^(shared|src-main|src-renderer|tests)\//.test(p);
    const citing = new Set(occurrences(/\bG(?:1[0-9]|[1-9])\b/, code).map((o) => o.path));
    const unexplained = [...citing].filter((p) => !files.find((f) => f.path === p)?.text.includes('docs/sync-guarantees.md'));
    expect(unexplained).toEqual([]);
  });
});

describe('docs/sync-guarantees.md', () => {
  const text = readFileSync(join(ROOT, 'docs/sync-guarantees.md'), 'utf8');

  it('lists every guarantee G1–G19 in its table', () => {
    const rows = [...text.matchAll(/^\| *(G\d+) *\|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Array.from({ length: 19 }, (_, i) => `G${i + 1}`));
  });

  it('names only files that exist, and at least one test for each guarantee', () => {
    const missing = [...text.matchAll(/`((?:shared|src-main|src-renderer|tests|docs)\/[^`\s<>*]*)`/g)]
      .map((m) => m[1] ?? '')
      .filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
    for (const row of text.matchAll(/^\| *(G\d+) *\|.*$/gm)) {
      expect(row[0], row[1]).toMatch(/`tests\/[^`]+\.(?:test|spec)\.ts`/);
    }
  });
});

describe('ARCHITECTURE.md and docs/', () => {
  it('name only repository paths that exist', () => {
    const docs = files.filter(
      (f) => f.path === 'ARCHITECTURE.md' || f.path === 'README.md' || /^docs\/.*\.md$/.test(f.path) || /(^|\/)README\.md$/.test(f.path),
    );
    const missing: string[] = [];
    for (const f of docs) {
      for (const m of f.text.matchAll(/`((?:shared|src-main|src-renderer|tests|docs|scripts|build)\/[^`\s<>*{}]*)`/g)) {
        const p = (m[1] ?? '').replace(/[.,:;]$/, '');
        if (!existsSync(join(ROOT, p))) missing.push(`${f.path}:${lineOf(f.text, m.index)}: ${p}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
