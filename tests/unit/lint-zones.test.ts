import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture's zones are enforced by lint, not review. These deliberately bad imports
 * prove the rules bite where they should and stay quiet where imports are allowed.
 */
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import zones', () => {
  it.each([
    ['shared/views/bad.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;\n"],
    ['shared/sync/bad.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
    ['shared/contract/bad.ts', "import { x } from '../../src-main/host/dispatch';\nexport const y = x;\n"],
    ['src-renderer/stores/bad.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['src-renderer/stores/bad2.ts', "import { createCrmGateway } from '../../src-main/crm/gateway';\nexport const g = createCrmGateway;\n"],
    ['src-main/crm/bad.ts', "import { net } from 'electron';\nexport const n = net;\n"],
    ['src-main/web-host/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['tests/unit/bad.test.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('refuses the bad import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/views/ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['src-main/electron/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/crm/ok.ts', "import { request } from 'node:http';\nexport const r = request;\n"],
    ['src-renderer/stores/ok.ts', "import { defineStore } from 'pinia';\nexport const d = defineStore;\n"],
  ])('allows the import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
