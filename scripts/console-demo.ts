// `npm run dev:console`: a demo head office with the console on http://127.0.0.1:8788/console/.
// Builds the demo store on first start (out/console-demo/: three seeded branch stores whose
// batch files are imported, a silent fourth branch and the demo reviewer, see
// console-demo-store.ts), then runs the real head-office server on it. Development and demo
// only; bound to 127.0.0.1.
//   tsx scripts/console-demo.ts [--dir DIR] [--port N] [--fresh] [--now ISO]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildConsoleDemo, DEMO_REVIEWER } from './console-demo-store';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: 'out/console-demo' },
    port: { type: 'string', default: '8788' },
    fresh: { type: 'boolean', default: false },
    // End of the simulated period (ISO with offset); default the moment the demo is built.
    now: { type: 'string' },
  },
});
const dir = resolve(args.dir);
const consoleDir = resolve('out/console');
if (!existsSync(join(consoleDir, 'index.html'))) {
  console.error('out/console/index.html is missing: run `npm run build:console` first.');
  process.exit(1);
}
if (args.fresh) rmSync(dir, { recursive: true, force: true });
const hqDb = join(dir, 'headoffice.sqlite');
if (!existsSync(hqDb)) {
  mkdirSync(dir, { recursive: true });
  console.log('正在生成演示总部数据 Building the demo head-office store…');
  // By default the simulated period ends now, so the demo's branches read as recently synced; the tests fix it.
  buildConsoleDemo(dir, (s) => console.log(s), args.now ?? new Date().toISOString());
}
console.log(`审核人员 Reviewer: ${DEMO_REVIEWER.username} / ${DEMO_REVIEWER.password} (演示账号 demo only)`);
console.log(`总台 Console: http://127.0.0.1:${args.port}/console/`);
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src-headoffice/cli.ts',
    '--db',
    hqDb,
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    args.port,
    '--insecure-keys',
  ],
  { stdio: 'inherit' },
);
const stop = () => server.kill('SIGTERM');
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
