// Lint rules, including the import boundaries of ARCHITECTURE §2: a bad import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronMsg =
  'Only main.ts, window.ts, window-update.ts, ipc/, settings/ and preload/ may import electron (ARCHITECTURE §2).';

/** no-restricted-imports options shared by several blocks. */
const restrict = (...parts) => [
  'error',
  { paths: parts.flatMap((p) => p.paths ?? []), patterns: parts.flatMap((p) => p.patterns ?? []) },
];
const noElectron = { paths: [{ name: 'electron', message: electronMsg }] };
const noNode = {
  paths: [...nodeBuiltins, 'better-sqlite3'].map((name) => ({
    name,
    message: 'This layer is pure TypeScript: no Node modules or database (ARCHITECTURE §2).',
  })),
};

/**
 * The layers of src-main as an allow-list (VS Code's code-layering idea): each layer names what it
 * may import besides itself; anything else a relative import reaches is an error. Top-level files
 * (main.ts, app.ts, window.ts, paths.ts…) are listed by their module name. Importing a new layer
 * means adding it here, on purpose.
 */
const LAYERS = {
  shared: { may: [], pure: true },
  domain: { may: ['shared'], pure: true },
  db: { may: ['shared', 'domain'] },
  pdf: { may: ['shared', 'domain'] },
  services: { may: ['shared', 'domain', 'db', 'pdf'] },
  sync: { may: ['shared', 'domain', 'db', 'services'] },
  update: { may: ['shared', 'domain', 'db', 'services'] },
  // Handlers reach the store only through services: no db/ here.
  handlers: { may: ['shared', 'domain', 'services', 'sync'] },
  ipc: { may: ['shared', 'handlers', 'services', 'window', 'window-policy'], electron: true },
  settings: { may: ['shared'], electron: true },
  preload: { may: ['shared'], electron: true },
  cli: { may: ['shared', 'domain', 'db', 'pdf', 'services', 'sync', 'handlers', 'settings', 'app', 'paths'] },
  web: { may: ['shared', 'domain', 'db', 'services', 'sync', 'handlers', 'settings', 'app', 'paths'] },
};
const alt = (names) => names.join('|');
/** The import restrictions of one layer: its files one and two folders deep see other layers at ../ and ../../. */
function layerBlocks(name, { may, pure, electron }) {
  const allowed = alt([...may, name]);
  const message = `src-main/${name} may import only ${may.length ? may.join(', ') : 'itself'} (the layer allow-list in eslint.config.js, ARCHITECTURE §2).`;
  const base = [electron ? {} : noElectron, pure ? noNode : {}];
  const outside = (depth) => ({
    regex: `^(\\.\\./){${depth},}`,
    message: 'src-main code does not import from outside src-main.',
  });
  return [
    {
      files: [`src-main/${name}/*.ts`],
      rules: {
        'no-restricted-imports': restrict(...base, {
          patterns: [{ regex: `^\\.\\./(?!\\.\\./)(?!(${allowed})(/|$))`, message }, outside(2)],
        }),
      },
    },
    {
      files: [`src-main/${name}/*/**/*.ts`],
      rules: {
        'no-restricted-imports': restrict(...base, {
          patterns: [{ regex: `^\\.\\./\\.\\./(?!\\.\\./)(?!(${allowed})(/|$))`, message }, outside(3)],
        }),
      },
    },
  ];
}

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
    ignores: [
      'src-main/main.ts',
      'src-main/window.ts',
      'src-main/window-update.ts',
      'src-main/ipc/**',
      'src-main/settings/**',
      'src-main/preload/**',
    ],
    rules: { 'no-restricted-imports': restrict(noElectron) },
  },
  // src-main's layers, each with its allow-list.
  ...Object.entries(LAYERS).flatMap(([name, spec]) => layerBlocks(name, spec)),
  // No handler casts: handlers are typed by their contract entry (`satisfies`), so an assertion could only hide a mismatch.
  {
    files: ['src-main/handlers/**/*.ts', 'src-main/ipc/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression:not([typeAnnotation.type='TSTypeReference'][typeAnnotation.typeName.name='const'])",
          message:
            'No type assertions in handlers and ipc: type the value by the contract (satisfies, a typed map) instead.',
        },
        { selector: 'TSTypeAssertion', message: 'No type assertions in handlers and ipc.' },
      ],
    },
  },
  // renderer: only src-main/shared from outside itself; the main process only through lib/api.ts.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, {
        patterns: [
          {
            regex: 'src-main/(?!(shared|domain)(/|$))',
            message: 'The renderer may import only src-main/shared and the pure src-main/domain from outside itself.',
          },
          { regex: 'src-headoffice', message: 'The renderer does not import head-office code.' },
        ],
      }),
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'branchDesk',
          message: 'Only src-renderer/lib/api.ts talks to the main process.',
        },
      ],
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
        patterns: [
          {
            regex: 'src-main/(?!(shared|domain)(/|$))',
            message:
              'The console may import only src-main/shared and the pure src-main/domain from outside the renderer.',
          },
          {
            regex: 'src-headoffice/(?!console/(api-contract|case-record-of)$)',
            message: 'The console imports only the API contract of head office and the case record it carries.',
          },
        ],
      }),
    },
  },
  // head office: shared, the pure domain rules (the summary of SPEC §8), the branch's printed forms and
  // exporters (pdf: templates are pure functions of their data, so head office prints the same form) and
  // the pure batch format of sync only.
  {
    files: ['src-headoffice/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, {
        patterns: [
          {
            regex: 'src-main/(?!shared(/|$)|domain/|pdf/|sync/batch|sync/protocol|sync/record-snapshots)',
            message:
              'Head office may import src-main/shared, src-main/domain, src-main/pdf, and the batch format, wire protocol and record snapshots of src-main/sync only.',
          },
        ],
      }),
    },
  },
);
