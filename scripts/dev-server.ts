// Development and end-to-end test server, never shipped: the built renderer plus the same
// handler map the Electron IPC uses, over HTTP on 127.0.0.1 (src-main/web/branch-server.ts),
// one session per browser (cookie). A demo store is seeded when the database file is missing.
//   tsx scripts/dev-server.ts [--db FILE] [--port N] [--cases N]   (port 0 = any free port)
//   --update-feed URL: updates from that head office (as version 0.1.0), checked once at start, files beside the db.
// BRANCH_DESK_RENDERER_DIR serves another build of the renderer than out/renderer (several
// builds side by side, e.g. `vite build --outDir /tmp/r` while out/renderer is being rebuilt).
import Conf from 'conf';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBranchApp } from '../src-main/app';
import { seedDemo } from '../src-main/cli/seed-demo';
import { stdio } from '../src-main/cli/output';
import { openDatabase } from '../src-main/db/connection';
import { SettingsStore } from '../src-main/settings/settings-store';
import { createBranchServer, listenOnLoopback } from '../src-main/web/branch-server';
import { CONTENT_SECURITY_POLICY } from '../src-main/window-policy';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'out/dev/demo.sqlite' },
    port: { type: 'string', default: '5178' },
    cases: { type: 'string', default: '400' },
    'update-feed': { type: 'string' },
  },
});
const dbFile = resolve(args.db);
const root = resolve(process.env.BRANCH_DESK_RENDERER_DIR ?? 'out/renderer');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`${join(root, 'index.html')} is missing: run \`npm run build:renderer\` first.`);
  process.exit(1);
}
if (!existsSync(dbFile)) seedDemo({ db: dbFile, cases: Number(args.cases), seed: 20261124, branch: 'SH01' }, stdio);

const settings = SettingsStore.open((o) => new Conf<Record<string, unknown>>(o), { cwd: dirname(dbFile) });
const { db } = openDatabase(dbFile);
const feed = args['update-feed'];
const app = createBranchApp({
  db,
  settings,
  ...(feed ? { update: { url: () => feed, currentVersion: '0.1.0', dir: join(dirname(dbFile), 'updates') } } : {}),
});
app.start();
if (app.update) await app.update.check();
const server = await createBranchServer({ app, root, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
const url = await listenOnLoopback(server, Number(args.port));
// The e2e harness reads this line to learn the port.
console.log(`Branch Desk dev server: ${url}`);

const stop = () =>
  void server.close().then(() => {
    app.stop();
    db.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
