// A real head office on 127.0.0.1 (Fastify + a SQLite file or a PostgreSQL schema, see
// test/helpers/hq-backends.ts) and real branch stores, plus the fold the property tests
// compare head office against.
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src-main/db/connection';
import { RECORD_TYPES } from '../../src-main/shared/sync-format';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { protectBranchKeys } from '../../src-headoffice/branch-key-vault';
import { addBranch } from '../../src-headoffice/branches';
import type { ServerLimits } from '../../src-headoffice/limits';
import { buildServer } from '../../src-headoffice/server';
import type { HqStore } from '../../src-headoffice/store';
import { type HqBackend, HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';

export interface Hq {
  dir: string;
  db: HqStore;
  backend: HqBackend;
  app: FastifyInstance;
  url: string;
  clock: { offset: number };
  addBranch(code: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN_TOKEN = 'reviewer-token-for-tests-0123456789';

export async function startHq(
  opts: {
    limits?: Partial<ServerLimits>;
    dir?: string;
    afterCommit?: () => void;
    maxSchema?: number;
    backend?: HqBackend;
    /** Branch keys sealed with this master key (as `serve --master-key-file` does). */
    masterKey?: Buffer;
    /** How often the cross-branch flags may be recomputed (server default 60 s). */
    crossBranchRefreshMs?: number;
    /** Head office's attachment folder (default: hq-attachments in the test directory, on both stores). */
    attachmentsDir?: string;
  } = {},
): Promise<Hq> {
  const dir = opts.dir ?? tempDir('hq-');
  const backend = opts.backend ?? (HQ_BACKENDS[0] as HqBackend);
  const db = await backend.open(dir);
  if (opts.masterKey) await protectBranchKeys(db, opts.masterKey);
  const clock = { offset: 0 };
  const app = await buildServer({
    db,
    adminToken: ADMIN_TOKEN,
    now: () => Date.now() + clock.offset,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.afterCommit ? { afterCommit: opts.afterCommit } : {}),
    ...(opts.maxSchema ? { maxSchema: opts.maxSchema } : {}),
    attachmentsDir: opts.attachmentsDir ?? join(dir, 'hq-attachments'),
    ...(opts.crossBranchRefreshMs !== undefined ? { crossBranchRefreshMs: opts.crossBranchRefreshMs } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    dir,
    db,
    backend,
    app,
    url,
    clock,
    addBranch: (code) => addBranch(db, code, Date.now()),
    async close() {
      // The test's client (undici) keeps sockets alive between tests: dropped here, so a close never
      // waits out the keep-alive timeout (72 s) on a socket it still counts as busy.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await db.close();
      // A directory passed in belongs to the caller (and so does its store).
      if (!opts.dir) {
        await backend.drop(dir);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export const transportFor = (hq: { url: string }, branch: string, key: string, now?: () => number) =>
  new HttpTransport({ url: hq.url, branch, key, ...(now ? { now } : {}) });

export type Fold = Map<string, { version: number; payload: string }>;

const VALID = new Set<string>(RECORD_TYPES);

/** The newest version of every valid record the branch ever wrote (head office's target state). */
export function branchFold(db: Db, upToSeq = Number.MAX_SAFE_INTEGER): Fold {
  const rows = db
    .prepare('SELECT record_type AS type, record_id AS id, version, payload FROM outbox WHERE seq <= ? ORDER BY seq')
    .all(upToSeq) as { type: string; id: string; version: number; payload: string }[];
  const fold: Fold = new Map();
  for (const r of rows) {
    if (!VALID.has(r.type) || !isObjectJson(r.payload)) continue;
    const k = `${r.type}/${r.id}`;
    const had = fold.get(k);
    if (!had || r.version > had.version) fold.set(k, { version: r.version, payload: r.payload });
  }
  return fold;
}

function isObjectJson(s: string): boolean {
  try {
    const v = JSON.parse(s) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export async function hqFold(db: HqStore, branch: string): Promise<Fold> {
  const rows = await db.all<{ type: string; id: string; version: number; payload: string }>(
    'SELECT type, id, version, payload FROM records WHERE branch = ?',
    [branch],
  );
  return new Map(rows.map((r) => [`${r.type}/${r.id}`, { version: r.version, payload: r.payload }]));
}

export const foldEntries = (f: Fold) => [...f.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
