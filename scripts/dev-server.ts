// Development and end-to-end test server, never shipped: the built renderer plus the same
// handler map the Electron IPC uses, over HTTP on 127.0.0.1, one session per browser
// (cookie). A demo store is seeded when the database file is missing.
//   tsx scripts/dev-server.ts [--db FILE] [--port N] [--cases N]   (port 0 = any free port)
import Conf from 'conf';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../src-main/cli/seed-demo';
import { stdio } from '../src-main/cli/output';
import { openDatabase } from '../src-main/db/connection';
import { dispatch } from '../src-main/handlers';
import type { AppContext, Session } from '../src-main/handlers/types';
import { createContext } from '../src-main/services/context';
import { refreshDeadlines } from '../src-main/services/deadline-refresh';
import { ensureDefaultCategories } from '../src-main/services/reference-data';
import { type ConfLike, SettingsStore } from '../src-main/settings/settings-store';
import { CONTENT_SECURITY_POLICY } from '../src-main/window-policy';

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'out/dev/demo.sqlite' }, port: { type: 'string', default: '5178' }, cases: { type: 'string', default: '400' } },
});
const dbFile = resolve(args.db);
const root = resolve('out/renderer');
if (!existsSync(join(root, 'index.html'))) {
  console.error('out/renderer/index.html is missing: run `npm run build:renderer` first.');
  process.exit(1);
}
if (!existsSync(dbFile)) seedDemo({ db: dbFile, cases: Number(args.cases), seed: 20261124, branch: 'SH01' }, stdio);

const settings = SettingsStore.open((o) => new Conf(o) as unknown as ConfLike, { cwd: dirname(dbFile) });
const { db } = openDatabase(dbFile);
const base = createContext(db, { settings: () => settings.branch() });
const ctx: AppContext = {
  ...base,
  settingsAccess: {
    get: () => settings.get(),
    update: (raw) => {
      const next = settings.update(raw);
      refreshDeadlines(base);
      return next;
    },
  },
};
ensureDefaultCategories(base);
refreshDeadlines(base);

const sessions = new Map<string, Session>();
const COOKIE = 'bd_session';

function sessionFor(req: IncomingMessage, res: ServerResponse): Session {
  const id = /(?:^|;\s*)bd_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  const known = id ? sessions.get(id) : undefined;
  if (known) return known;
  const fresh = randomUUID();
  const s: Session = { user: null };
  sessions.set(fresh, s);
  res.setHeader('set-cookie', `${COOKIE}=${fresh}; HttpOnly; SameSite=Strict; Path=/`);
  return s;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function serveFile(url: string, res: ServerResponse): void {
  const path = normalize(join(root, decodeURIComponent(url.split('?')[0] ?? '/')));
  const file = path === root || path === root + sep ? join(root, 'index.html') : path;
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
  res.end(readFileSync(file));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 2_000_000) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const api = /^\/api\/([\w.]+)$/.exec(url);
  if (req.method === 'POST' && api) {
    const session = sessionFor(req, res);
    readJson(req)
      .then((input) => dispatch(ctx, session, api[1] ?? '', input, (id, ch, e) => console.error(`incident ${id} on ${ch}`, e)))
      .then((r) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r)))
      .catch(() => res.writeHead(400).end());
    return;
  }
  if (req.method === 'GET') return serveFile(url, res);
  res.writeHead(405).end();
});

server.listen(Number(args.port), '127.0.0.1', () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : args.port;
  // The e2e harness reads this line to learn the port.
  console.log(`Branch Desk dev server: http://127.0.0.1:${port}/`);
});

const stop = () => server.close(() => {
  db.close();
  process.exit(0);
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
