import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture's zones are enforced by lint, not review. These deliberately bad imports
 * prove the rules bite where they should and stay quiet where imports are allowed.
 */
// The snippets are virtual files in no tsconfig program, so type-aware linting is off for
// them (typescript-eslint's own preset for that); the import rules need no type information.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

const IMPORT_RULES = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports'];

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A parse error would also make "no import error" pass; the snippets must parse.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId !== null && IMPORT_RULES.includes(m.ruleId)).map((m) => m.message);
}

/** A snippet: the file it pretends to be and its text. */
type Snippet = [file: string, code: string];

const refuses = (snippets: Snippet[]) =>
  it.each(snippets)('refuses the import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

const allows = (snippets: Snippet[]) =>
  it.each(snippets)('allows the import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });

describe('import zones', () => {
  refuses([
    ['shared/views/bad.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;\n"],
    ['shared/sync/bad.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
    ['shared/contract/bad.ts', "import { x } from '../../src-main/host/dispatch';\nexport const y = x;\n"],
    ['src-renderer/stores/bad.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['src-renderer/stores/bad2.ts', "import { createCrmGateway } from '../../src-main/crm/gateway';\nexport const g = createCrmGateway;\n"],
    ['src-main/crm/bad.ts', "import { net } from 'electron';\nexport const n = net;\n"],
    ['src-main/web-host/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['tests/unit/bad.test.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ]);

  allows([
    ['shared/views/ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['src-main/electron/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/crm/ok.ts', "import { request } from 'node:http';\nexport const r = request;\n"],
    ['src-renderer/stores/ok.ts', "import { defineStore } from 'pinia';\nexport const d = defineStore;\n"],
  ]);
});

/**
 * The renderer's layers (issue 18 item 1): features/ and components/ → stores/ → db/ and
 * shared/. A store that imports a screen, a screen that calls db/, or db/ reaching up is
 * refused by lint.
 */
describe('renderer layers', () => {
  refuses([
    ['src-renderer/stores/bad.ts', "import { useThing } from '../features/pipelines/thing';\nexport const u = useThing;\n"],
    ['src-renderer/stores/bad.ts', "import type { ActivityInput } from '../components/activity-forms/types';\nexport type A = ActivityInput;\n"],
    ['src-renderer/lib/bad.ts', "import Row from '../features/tasks/TaskRow.vue';\nexport const r = Row;\n"],
    ['src-renderer/features/tasks/bad.ts', "import { applyEdit } from '../../db';\nexport const a = applyEdit;\n"],
    ['src-renderer/features/tasks/bad.ts', "import { ownedTasks } from '../../db/queries/tasks';\nexport const l = ownedTasks;\n"],
    ['src-renderer/components/record-preview/bad.ts', "import { timeline } from '../../db/queries/portfolio';\nexport const t = timeline;\n"],
    ['src-renderer/db/queries/bad.ts', "import { useTasksStore } from '../../stores/tasks';\nexport const u = useTasksStore;\n"],
  ]);

  it('checks a .vue screen too', async () => {
    const code = '<script setup lang="ts">\nimport { applyEdit } from \'../../db\';\nvoid applyEdit;\n</script>\n<template><div /></template>\n';
    expect(await importErrors('src-renderer/features/tasks/Bad.vue', code)).toHaveLength(1);
  });

  allows([
    [
      'src-renderer/stores/ok.ts',
      "import { applyEdit } from '../db';\nimport { checkFilter } from '../../shared/views';\nexport const a = [applyEdit, checkFilter];\n",
    ],
    ['src-renderer/features/tasks/ok.ts', "import { useTasksStore } from '../../stores/tasks';\nexport const u = useTasksStore;\n"],
    ['src-renderer/features/tasks/ok.ts', "import type { MergedRecord } from '../../db';\nexport type M = MergedRecord;\n"],
    ['src-renderer/features/tasks/ok.ts', "import { EN_PLACEHOLDERS } from '../../lib/format-value';\nexport const p = EN_PLACEHOLDERS;\n"],
  ]);
});

describe('type-aware lint', () => {
  // An existing file of the shared/ program, linted with other text: the rule needs its types.
  it('reports a promise nobody awaits, and passes one that is awaited', async () => {
    const typed = new ESLint();
    const lint = async (code: string) => (await typed.lintText(code, { filePath: 'shared/sync/backoff.ts' }))[0]?.messages.map((m) => m.ruleId) ?? [];
    expect(await lint('export function f(): void {\n  Promise.resolve(1);\n}\n')).toContain('@typescript-eslint/no-floating-promises');
    expect(await lint('export async function f(): Promise<void> {\n  await Promise.resolve(1);\n}\n')).toEqual([]);
  }, 60_000);
});
