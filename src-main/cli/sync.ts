// `sync`, `status` and `recover` (issue 15 §7): one push and pull, the status without network,
// and recovery from head office, each printed in words (zh-CN, then English) and as one JSON
// line {acknowledged, waiting, state, lastError}. Exit 0 only when nothing is waiting.
import type { Db } from '../db/connection';
import { openStore } from './store-open';
import { createBranchApp } from '../app';
import { type Bilingual, isAppError, refuse } from '../shared/errors';
import { isUnencryptedRemote } from '../shared/head-office-address';
import { UNENCRYPTED_WORDS } from '../shared/i18n/vocabulary-connection';
import { RECOVERY_STATE_LABELS } from '../shared/i18n/vocabulary-recovery';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { parseInput } from '../shared/validation';
import { checkBranchAndKey } from '../sync/export-batch';
import { HttpTransport } from '../sync/http-transport';
import { recoverFromHeadOffice } from '../sync/recovery';
import { recoveryOf } from '../sync/recovery-state';
import { syncOnce } from '../sync/sync-run';
import { ackedSeq, waitingCount } from '../sync/sync-state';
import { TransportError } from '../sync/transport';
import { branchAndKeyFrom, EXIT, type Out, requireExistingFile } from './output';

export interface SyncCliOptions {
  db: string;
  url?: string;
  branch?: string;
  key?: string;
  /** An http:// head office on another computer (customer data in clear): only when asked for. */
  allowUnencrypted?: boolean;
}

export type CliSyncState = 'idle' | 'waiting' | 'behind' | 'recovering' | 'failed';

export interface CliSyncStatus {
  acknowledged: number;
  waiting: number;
  state: CliSyncState;
  lastError: Bilingual | null;
}

const STATE_WORDS: Record<CliSyncState, Bilingual> = {
  idle: { zh: '已全部上传', en: 'everything uploaded' },
  waiting: { zh: '有记录待上传', en: 'records waiting to upload' },
  behind: { zh: '落后于总部,已停止上传', en: 'behind head office; uploading stopped' },
  recovering: { zh: '正在从总部恢复', en: 'restoring from head office' },
  failed: { zh: '同步失败', en: 'sync failed' },
};

export function statusOf(db: Db, lastError: Bilingual | null): CliSyncStatus {
  const recovery = recoveryOf(db);
  const waiting = waitingCount(db);
  // Rows moved to the outbox archive were acknowledged too (outbox-archive.ts).
  const acknowledged = (db
    .prepare(
      'SELECT (SELECT count(*) FROM outbox WHERE seq <= ?) + (SELECT coalesce(sum(row_count), 0) FROM outbox_archive WHERE last_seq <= ?)',
    )
    .pluck()
    .get(ackedSeq(db), ackedSeq(db)) ?? 0) as number;
  const state: CliSyncState = recovery ? recovery.state : lastError ? 'failed' : waiting > 0 ? 'waiting' : 'idle';
  const error = lastError ?? (recovery ? RECOVERY_STATE_LABELS[recovery.state] : null);
  return { acknowledged, waiting, state, lastError: error };
}

export function printStatus(out: Out, s: CliSyncStatus): number {
  const w = STATE_WORDS[s.state];
  out.line(`同步状态:${w.zh};已确认 ${s.acknowledged} 条,待上传 ${s.waiting} 条`);
  if (s.lastError) out.line(`  ${s.lastError.zh}`);
  out.line(`Sync status: ${w.en}; ${s.acknowledged} acknowledged, ${s.waiting} waiting`);
  if (s.lastError) out.line(`  ${s.lastError.en}`);
  out.line(JSON.stringify(s));
  return s.state === 'idle' && s.waiting === 0 ? EXIT.ok : EXIT.problem;
}

const wordsOf = (e: unknown): Bilingual | null => (e instanceof TransportError || isAppError(e) ? e.messages : null);

function configOf(
  o: SyncCliOptions,
  env: NodeJS.ProcessEnv,
): { url: string; branch: string; key: string; allowUnencrypted: boolean } {
  const given = branchAndKeyFrom(o, env);
  const { branch, key } = checkBranchAndKey(given.branch, given.key);
  const url = o.url ?? env.BRANCH_DESK_URL ?? '';
  if (!/^https?:\/\/[^\s/]+/i.test(url))
    throw refuse(
      'VALIDATION',
      '总部地址须为 http(s):// 开头的网址(--url 或 BRANCH_DESK_URL)',
      "Head office's address must be an http(s):// URL (--url or BRANCH_DESK_URL)",
      [{ field: 'url', message: { zh: '总部地址不正确', en: 'Invalid head office address' } }],
    );
  const allowUnencrypted = o.allowUnencrypted === true || env.BRANCH_DESK_ALLOW_UNENCRYPTED === '1';
  if (isUnencryptedRemote(url) && !allowUnencrypted) {
    const words = UNENCRYPTED_WORDS.refusedCli;
    throw refuse('VALIDATION', words.zh, words.en, [{ field: 'url', message: words }]);
  }
  return { url, branch, key, allowUnencrypted };
}

/** A store and the services over it, with the branch code the options name. */
function open(file: string, branch: string) {
  const settings = parseInput(BranchSettingsSchema, { ...DEFAULT_BRANCH_SETTINGS, branchCode: branch });
  const { db } = openStore(file);
  return { db, ctx: createBranchApp({ db, settings: { branch: () => settings } }).ctx };
}

export async function syncCommand(
  o: SyncCliOptions & { recover?: boolean },
  out: Out,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const c = configOf(o, env);
  requireExistingFile(o.db);
  const { db, ctx } = open(o.db, c.branch);
  try {
    const transport = new HttpTransport(c);
    let lastError: Bilingual | null = null;
    try {
      if (o.recover) {
        const r = await recoverFromHeadOffice({ ctx, branch: c.branch, transport });
        out.line(`从总部恢复:${r.pages} 页,${r.records} 条记录,合并 ${r.merged} 条`);
        out.line(`Restored from head office: ${r.pages} pages, ${r.records} records, ${r.merged} merged`);
        const b = r.blobs;
        if (b.fetched + b.present + b.missingAtHeadOffice.length + b.mismatched.length > 0) {
          out.line(
            `附件:取回 ${b.fetched} 个(${b.bytes} 字节),已在本机 ${b.present} 个,总部没有 ${b.missingAtHeadOffice.length} 个,校验不符 ${b.mismatched.length} 个`,
          );
          out.line(
            `Attachments: ${b.fetched} fetched (${b.bytes} bytes), ${b.present} already here, ${b.missingAtHeadOffice.length} not held by head office, ${b.mismatched.length} did not match their hash`,
          );
        }
      }
      const r = await syncOnce({ ctx, branch: c.branch, transport });
      if (r.instructionsApplied > 0)
        out.line(`收到批示 ${r.instructionsApplied} 条 / ${r.instructionsApplied} instructions received`);
    } catch (e) {
      lastError = wordsOf(e);
      if (!lastError) throw e;
    }
    return printStatus(out, statusOf(db, lastError));
  } finally {
    db.close();
  }
}

export function statusCommand(o: { db: string }, out: Out): number {
  requireExistingFile(o.db);
  const { db } = openStore(o.db);
  try {
    return printStatus(out, statusOf(db, null));
  } finally {
    db.close();
  }
}
