#!/usr/bin/env node
// Electronegativity (Doyensec's static checker for Electron apps) over the main process's
// sources: `node scripts/electronegativity.mjs [folder]` (default src-main). Exits 1 on any
// high or medium finding that is not one of the exceptions below, on a file it could not
// parse (a file it did not check), and on an exception that no longer matches anything.
// `npm test` runs it (scripts/test-all.mjs). Low and informational findings are printed only.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = 'src-main';

/**
 * Findings that were reviewed and are accepted, one entry per finding: the check, the file
 * (from the repository root) and a piece of the flagged line, so a new call of the same kind
 * in the same file is reported again.
 */
const EXCEPTIONS = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src-main/electron/security.ts',
    line: 'shell.openExternal(url)',
    reason:
      'A link the page opens (window.open, target=_blank) reaches the OS only after isAllowedExternalUrl ' +
      '(shared/contract/external-links.ts): https without credentials, mailto with one address and at most ' +
      'subject and body, tel; anything else is dropped. Tested in tests/unit/electron-shell/security.test.ts.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src-main/electron/services.ts',
    line: 'shell.openExternal(url)',
    reason:
      'shell:openExternal from our page only (IPC sender check), its input zod-checked by the dispatcher, and the ' +
      'URL checked again with isAllowedExternalUrl right before the OS sees it. Tested in ' +
      'tests/unit/electron-shell/services.test.ts and ipc.test.ts.',
  },
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'src-main/electron/deep-links.ts',
    line: 'setAsDefaultProtocolClient(DEEP_LINK_SCHEME)',
    reason:
      'cs-workspace:// links (issue 20): every link is read by parseDeepLink (shared/contract/deep-link.ts), which ' +
      'accepts only record/<type>/<id> with a known type and a numeric id, or tasks/<view> with a known view; ' +
      'anything else is logged by its reason and opens nothing. The page gets the parsed link, never the text. ' +
      'Tested in tests/unit/electron-shell/deep-links.test.ts.',
  },
];

/**
 * Checks not run: AvailableSecurityFixesGlobalCheck downloads Electron's release list from
 * GitHub at every run, which our machines cannot reach (and a test should not need); keeping
 * Electron current is a dependency update, not a property of our code.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const input = resolve(process.argv[2] ?? join(repo, DEFAULT_INPUT));
const isDefaultInput = input === resolve(repo, DEFAULT_INPUT);

const require = createRequire(import.meta.url);
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(join(toolDir, 'package.json'));

// The tool's start-up fetches translations from the network (and waits for the timeout when
// there is none). Its English messages ship with it, so its i18n module is replaced by one
// that only loads those.
const i18nFile = join(toolDir, 'dist', 'locales', 'i18n.js');
const offlineI18n = new Module(i18nFile);
offlineI18n.filename = i18nFile;
offlineI18n.loaded = true;
offlineI18n.exports = async () => {
  const i18n = toolRequire('i18n');
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nFile), updateFiles: false, objectNotation: true, register: globalThis });
  i18n.setLocale('en-US');
};
require.cache[i18nFile] = offlineI18n;
const run = toolRequire('./dist/runner.js');

// Checks that depend on Electron's version (defaults changed over time) use ours.
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const electronVersion = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0];
if (!electronVersion) throw new Error('package.json names no Electron version');

const result = await run(
  {
    input,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const fromRepo = (file) => (file === 'N/A' ? file : relative(repo, join(input, file)).split('\\').join('/'));
const unused = [...EXCEPTIONS];
const failures = [];
const accepted = [];
const notes = [];
for (const issue of result.issues) {
  const file = fromRepo(issue.file);
  const where = `${issue.id} ${file}:${issue.location.line} (${issue.severity.name}, ${issue.confidence.name}) ${issue.description}`;
  if (issue.severity.value < 2) {
    notes.push(where);
    continue;
  }
  const i = unused.findIndex((e) => e.id === issue.id && e.file === file && (issue.sample ?? '').includes(e.line));
  if (i === -1) failures.push(where);
  else accepted.push(`${where}\n      accepted: ${unused.splice(i, 1)[0].reason}`);
}
for (const error of result.errors.filter((e) => !e.tolerable)) failures.push(`could not parse ${fromRepo(relative(input, error.file))}: ${error.message}`);
if (isDefaultInput) for (const e of unused) failures.push(`exception no longer needed, remove it: ${e.id} ${e.file} (${e.line})`);

console.log(`Electronegativity on ${relative(repo, input) || '.'} (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks)`);
for (const line of accepted) console.log(`  accepted  ${line}`);
for (const line of notes) console.log(`  low       ${line}`);
for (const line of failures) console.log(`  FAILED    ${line}`);
console.log(failures.length === 0 ? `  0 high/medium findings (${accepted.length} documented exceptions)` : `  ${failures.length} problem(s)`);
process.exit(failures.length === 0 ? 0 : 1);
