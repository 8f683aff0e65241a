// Builds better-sqlite3 for Electron's ABI into out/native, leaving node_modules (the Node
// build that `npm test` uses) untouched. main.ts passes the result as `nativeBinding`.
// Needs Electron's headers from electronjs.org, i.e. a machine with internet access.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const work = 'out/native-build/better-sqlite3';
rmSync(work, { recursive: true, force: true });
cpSync('node_modules/better-sqlite3', work, { recursive: true });
rmSync(`${work}/build`, { recursive: true, force: true });
execFileSync(
  'npx',
  [
    'node-gyp',
    'rebuild',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ],
  { cwd: work, stdio: 'inherit' },
);
mkdirSync('out/native', { recursive: true });
cpSync(`${work}/build/Release/better_sqlite3.node`, 'out/native/better_sqlite3.node');
console.log(`better-sqlite3 built for Electron ${electronVersion} → out/native/better_sqlite3.node`);
