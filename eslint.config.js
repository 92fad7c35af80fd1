import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

/**
 * Lint is a gate (--max-warnings 0). The import rules below keep the architecture's zones
 * (ARCHITECTURE.md): shared/ is pure, the renderer never reaches main or Electron, and only
 * the thin Electron shell of src-main/ imports `electron`.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process', 'crypto', 'url', 'net', 'events'];

// `electron` is matched as a module name, so that paths like src-main/electron/ stay importable.
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((p) => (p === 'electron' ? { regex: '^electron(/.*)?$', message } : { group: [p], message })) }],
});

/**
 * Layers inside the renderer (ARCHITECTURE.md): features/ and components/ (screens) → stores/
 * (state) → db/ (queries and repositories) and shared/. They use typescript-eslint's rule, so
 * they add to the zone rule above instead of replacing it for the same files. A screen may
 * name a db/ type (`import type { MergedRecord }`), which costs no code at run time; values
 * and calls go through a store.
 */
const layer = (patterns, message, { allowTypeImports = false } = {}) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports }] }],
});
const screens = ['**/features/**', '**/components/**'];
const dbLayer = ['**/db', '**/db/**'];

/** Files of src-main/ that are the Electron shell; everything else in src-main/ must run in plain Node. */
const electronShell = ['src-main/index.ts', 'src-main/electron/**/*.ts', 'src-main/preload/**/*.ts'];

/**
 * What vue-eslint-parser hands typescript-eslint as the code of a .vue file: its script blocks,
 * in the form it parses them (a `<script>` and a `<script setup>` are merged). Found by running
 * vue-eslint-parser itself, with a parser that keeps the code it is given for the type-aware parse.
 */
function vueScript(text, filePath) {
  let script = '';
  const keeping = {
    parseForESLint(code, options) {
      if (options.project) script = code;
      return tseslint.parser.parseForESLint(code, { ...options, project: undefined });
    },
  };
  vueParser.parseForESLint(text, { parser: keeping, project: true, filePath, ecmaVersion: 'latest', sourceType: 'module' });
  return script;
}

/**
 * typescript-eslint's program reads a .vue file from disk, but lints the script it is handed: the
 * two differ, so each .vue file made it update its program, and every type the rules then asked
 * for was worked out again from a cold checker (about 0.4 s a file, 45 of lint's 100 s). Read as
 * its script from the start, a .vue file is the same in the program as in the lint, and the
 * renderer's program is built once (2026-12-07).
 */
const readFile = ts.sys.readFile;
ts.sys.readFile = (path, encoding) => {
  const text = readFile(path, encoding);
  if (text === undefined || !path.endsWith('.vue')) return text;
  try {
    return vueScript(text, path);
  } catch {
    return text; // A file that does not parse: its lint reports why, as before.
  }
};

export default defineConfig([
  { ignores: ['out/**', 'dist-web/**', 'release/**', 'test-results/**', 'playwright-report/**', 'node_modules/**', 'bench-results/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  // Type-aware rules where they pay: a promise nobody awaits or catches loses its error (and,
  // for a write, the user's edit) silently; a promise where a plain value is expected (an
  // event handler, a condition) runs without anyone waiting for it.
  {
    files: ['**/*.{ts,mts,vue}'],
    languageOptions: {
      parserOptions: {
        // A file is linted in the first of these programs that holds it: each zone's own, the
        // tests' last (it holds everything the tests import). A .vue file in the renderer's,
        // which reads it as its script (`ts.sys.readFile` above).
        project: ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(
      ['**/src-main/**', 'electron', ...nodeBuiltins],
      'The renderer talks to its host only through src-renderer/bridge and the shared contract.',
    ),
  },
  {
    files: ['src-renderer/features/**/*.{ts,vue}', 'src-renderer/components/**/*.{ts,vue}'],
    rules: layer(dbLayer, 'Screens reach the local store through a store (src-renderer/stores/), never db/ directly.', { allowTypeImports: true }),
  },
  {
    files: [
      'src-renderer/stores/**/*.ts',
      'src-renderer/lib/**/*.ts',
      'src-renderer/health/**/*.ts',
      'src-renderer/sync/**/*.ts',
      'src-renderer/search/**/*.ts',
      'src-renderer/feed/**/*.ts',
    ],
    rules: layer(screens, 'Stores, helpers and workers never import screens (features/, components/); move shared logic to shared/ or a store.'),
  },
  {
    files: ['src-renderer/db/**/*.ts'],
    rules: layer([...screens, '**/stores/**', '**/lib/**'], 'db/ is the bottom layer of the renderer: it imports only db/, shared/ and Dexie.'),
  },
  {
    files: ['src-renderer/public/sw.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['**/src-main/**', '**/src-renderer/**', 'electron', 'vue', 'pinia', 'dexie', ...nodeBuiltins],
      'shared/ is pure TypeScript: no Electron, Node, DOM, Vue or Dexie.',
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: electronShell,
    languageOptions: { globals: globals.node },
    rules: restrict(['electron', '**/src-renderer/**'], 'Only the Electron shell imports electron; logic takes Electron services as injected interfaces.'),
  },
  {
    files: electronShell,
    languageOptions: { globals: globals.node },
    rules: restrict(['**/src-renderer/**'], 'Main never imports the renderer.'),
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'build/**/*.{mjs,mts}', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: restrict(['electron'], 'Tests never load the electron module (its first require downloads a binary).'),
  },
]);
