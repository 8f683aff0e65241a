// `npm start`'s browser mode: the branch app's one composition root (createBranchApp) on a store in a
// data folder, served to the browser on 127.0.0.1 by the branch server, guarded by a one-time token
// unless `openAccess` (the e2e suite and the benches, where every page is its own browser).
import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBranchApp } from '../src-main/app';
import { stdio } from '../src-main/cli/output';
import { seedDemo } from '../src-main/cli/seed-demo';
import { openDatabase } from '../src-main/db/connection';
import { folderKey, keyFromEnvironment, STORE_KEY_ENV } from '../src-main/db/store-key';
import { loadMigrations } from '../src-main/db/migrations';
import { appPaths } from '../src-main/paths';
import { SettingsStore } from '../src-main/settings/settings-store';
import { createBranchServer, listenOnLoopback } from '../src-main/web/branch-server';
import { CONTENT_SECURITY_POLICY } from '../src-main/window-policy';

export interface BrowserModeOptions {
  repo: string;
  /** The built renderer (out/renderer). */
  root: string;
  /** The data folder: the store, its settings, backups and downloaded updates. */
  folder: string;
  /** Another store file than the folder's branch-desk.sqlite (an existing store: tests, benches). */
  database: string | null;
  port: number;
  /** Seed a demo store of this many cases when the folder has no store yet. */
  demoCases: number | null;
  /** No token: any browser on this computer gets a session (Host and Origin are still checked). */
  openAccess: boolean;
  /** Check this head office's update feed once at start, as version `version` (the update card's e2e). */
  updateFeed: string | null;
  version: string;
}

export interface BrowserMode {
  /** The address to open; with the one-time token unless openAccess. */
  url: string;
  database: string;
  /** The start line about encryption at rest (zh / en), naming where the key is, never the key. */
  encryption: string;
  stop(): Promise<void>;
}

/**
 * Browser mode has no OS key store. Its key: BRANCH_DESK_DB_KEY or BRANCH_DESK_DB_KEY_FILE when
 * set; else, for the data folder's own store, the folder's branch-desk.key (mode 0600), made on the
 * first start (a plain store there is then converted after a plain backup). Demo folders and a store
 * named by --db (tests, benches) stay plain unless the environment gives a key.
 */
function browserKey(o: BrowserModeOptions): { bytes: Buffer; where: string } | null {
  const env = keyFromEnvironment(process.env);
  if (env) return { bytes: env.bytes, where: env.source === 'env' ? STORE_KEY_ENV : 'BRANCH_DESK_DB_KEY_FILE' };
  if (o.database !== null) return null;
  const own = folderKey(o.folder, o.demoCases === null);
  return own ? { bytes: own.bytes, where: own.path } : null;
}

export async function startBrowserMode(o: BrowserModeOptions): Promise<BrowserMode> {
  const folderPaths = appPaths(o.folder, { packaged: false, resources: '', appRoot: o.repo });
  const paths = { ...folderPaths, database: o.database ?? folderPaths.database };
  mkdirSync(o.folder, { recursive: true });
  const key = browserKey(o);
  if (o.demoCases !== null && !existsSync(paths.database)) {
    seedDemo({ db: paths.database, cases: o.demoCases, seed: 20261124, branch: 'SH01' }, stdio);
  }
  const settings = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: paths.settingsDir });
  if (settings.problem) console.warn('settings file problem', settings.problem);
  const { db } = openDatabase(paths.database, {
    backupDir: paths.backups,
    migrations: loadMigrations(paths.migrations),
    key: key?.bytes ?? null,
  });
  const encryption = key
    ? `数据库已加密,密钥在 ${key.where} / Store encrypted at rest, key in ${key.where}`
    : `数据库未加密(无密钥:设置 ${STORE_KEY_ENV} 或 BRANCH_DESK_DB_KEY_FILE)/ Store not encrypted (no key: set ${STORE_KEY_ENV} or BRANCH_DESK_DB_KEY_FILE)`;
  const feed = o.updateFeed;
  const app = createBranchApp({
    db,
    settings,
    fontDir: paths.fonts,
    sync: {},
    log: console,
    ...(feed ? { update: { url: () => feed, currentVersion: o.version, dir: paths.updates } } : {}),
  });
  app.start();
  if (app.update) await app.update.check();

  const token = o.openAccess ? undefined : randomBytes(24).toString('base64url');
  const server = await createBranchServer({
    app,
    root: o.root,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    ...(token !== undefined ? { oneTimeToken: token } : {}),
  });
  const base = await listenOnLoopback(server, o.port);
  return {
    url: token !== undefined ? `${base}?token=${token}` : base,
    database: paths.database,
    encryption,
    stop: async () => {
      await server.close();
      app.stop();
      db.close();
    },
  };
}

/** The folder's renderer build must exist: says how to make it otherwise. */
export function requireRenderer(root: string): void {
  if (existsSync(join(root, 'index.html'))) return;
  console.error(`缺少 ${join(root, 'index.html')}:请先运行 npm run build:renderer。`);
  console.error(`${join(root, 'index.html')} is missing: run \`npm run build:renderer\` first.`);
  process.exit(1);
}
