// Lint rules, including the import boundaries of ARCHITECTURE §2: a bad import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronMsg = 'Only main.ts, window.ts, ipc/, settings/ and preload/ may import electron (ARCHITECTURE §2).';
const mainLayers = '(^|/)(db|services|handlers|domain|ipc|pdf|sync|settings|cli|preload)(/|$)';

/** no-restricted-imports options shared by several blocks. */
const restrict = (...parts) => ['error', { paths: parts.flatMap((p) => p.paths ?? []), patterns: parts.flatMap((p) => p.patterns ?? []) }];
const noElectron = { paths: [{ name: 'electron', message: electronMsg }] };
const noNode = {
  paths: [...nodeBuiltins, 'better-sqlite3'].map((name) => ({ name, message: 'This layer is pure TypeScript: no Node modules or database (ARCHITECTURE §2).' })),
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  // Everything outside the Electron shell files runs under plain Node.
  {
    files: ['src-main/**/*.ts', 'src-headoffice/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-main/main.ts', 'src-main/window.ts', 'src-main/ipc/**', 'src-main/settings/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': restrict(noElectron) },
  },
  // shared: pure, importable by renderer and head office.
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, {
        patterns: [{ regex: mainLayers, message: 'src-main/shared imports nothing from the other main layers (ARCHITECTURE §2).' }],
      }),
    },
  },
  // domain: pure rules, no I/O.
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, {
        patterns: [{ regex: '(^|/)(db|services|handlers|ipc|pdf|sync|settings|cli|preload)(/|$)', message: 'domain holds pure rules: it may import shared and domain only.' }],
      }),
    },
  },
  // renderer: only src-main/shared from outside itself; the main process only through lib/api.ts.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, {
        patterns: [{ regex: 'src-main/(?!shared(/|$))', message: 'The renderer may import only src-main/shared from outside itself.' }, { regex: 'src-headoffice', message: 'The renderer does not import head-office code.' }],
      }),
      'no-restricted-properties': ['error', { object: 'window', property: 'branchDesk', message: 'Only src-renderer/lib/api.ts talks to the main process.' }],
    },
  },
  {
    files: ['src-renderer/lib/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // The head-office console (its own entry in the renderer): the same boundaries, plus the
  // console API contract's types and schemas, and nothing else of head office.
  {
    files: ['src-renderer/console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, {
        patterns: [{ regex: 'src-main/(?!shared(/|$))', message: 'The console may import only src-main/shared from outside the renderer.' }, { regex: 'src-headoffice/(?!console/api-contract$)', message: 'The console imports only the API contract of head office.' }],
      }),
    },
  },
  // head office: shared, the pure domain rules (the summary of SPEC §8) and the pure batch format of sync only.
  {
    files: ['src-headoffice/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, {
        patterns: [{ regex: 'src-main/(?!shared(/|$)|domain/|sync/batch)', message: 'Head office may import src-main/shared, src-main/domain and the batch format of src-main/sync only.' }],
      }),
    },
  },
);
