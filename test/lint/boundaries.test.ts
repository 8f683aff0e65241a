// The lint rules that keep the shape: the layer allow-list of src-main and "no casts in handlers",
// checked by linting small sources as if they were files of each layer (the real eslint.config.js).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer allow-list', () => {
  it.each([
    ['src-main/handlers/x.ts', "import { stmt } from '../db/statements';\nexport const a = stmt;\n"],
    ['src-main/domain/x.ts', "import { loadCase } from '../db/repositories/case-repo';\nexport const a = loadCase;\n"],
    ['src-main/shared/schemas/x.ts', "import { can } from '../../domain/permissions';\nexport const a = can;\n"],
    [
      'src-main/pdf/templates/x.ts',
      "import { createCase } from '../../services/case-intake';\nexport const a = createCase;\n",
    ],
    ['src-main/services/x.ts', "import { dispatch } from '../handlers';\nexport const a = dispatch;\n"],
    ['src-main/db/x.ts', "import { a as b } from '../../src-headoffice/server';\nexport const a = b;\n"],
    ['src-main/sync/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ])('refuses %s importing outside its allow-list', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src-main/handlers/x.ts', "import { getCase } from '../services/case-read';\nexport const a = getCase;\n"],
    [
      'src-main/db/repositories/x.ts',
      "import { stmt } from '../statements';\nimport { can } from '../../domain/permissions';\nexport const a = [stmt, can];\n",
    ],
    [
      'src-main/services/x.ts',
      "import { loadCase } from '../db/repositories/case-repo';\nimport { renderPdf } from '../pdf/render';\nexport const a = [loadCase, renderPdf];\n",
    ],
    [
      'src-main/ipc/x.ts',
      "import { ipcMain } from 'electron';\nimport { dispatch } from '../handlers';\nexport const a = [ipcMain, dispatch];\n",
    ],
  ])('allows %s its listed layers', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
  });
});

describe('no casts in handlers and ipc', () => {
  it.each([
    "type Handler<C> = (c: C) => void;\nexport const h = ((x: unknown) => x) as Handler<'cases.create'>;\n",
    'export const v = (1 as unknown as string).length;\n',
    'export const v = (<string>(<unknown>1)).length;\n',
  ])('refuses an assertion: %s', async (code) => {
    expect(await ruleIds('src-main/handlers/x.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('src-main/ipc/x.ts', code)).toContain('no-restricted-syntax');
  });

  it('allows `as const`', async () => {
    expect(await ruleIds('src-main/handlers/x.ts', "export const v = ['a', 'b'] as const;\n")).not.toContain(
      'no-restricted-syntax',
    );
  });
});
