// Recovery from head office (src-main/sync/README.md): every record head office holds of this
// branch, page by page, each page merged with its cursor in one transaction so a killed
// recovery resumes where it stopped; then the counters continue after head office's numbers,
// a new epoch starts and pushing resumes. Between the two, attachment bytes come back (recovery-blobs.ts).
import type { ServiceContext } from '../services/context';
import { refuse } from '../shared/errors';
import type { BranchHolding } from './protocol';
import { raiseCounter, mergeHeldRecord } from './record-merge';
import { type BlobRecovery, recoverBlobs } from './recovery-blobs';
import { addMissingUsers } from './missing-references';
import { renumberSteppedAside } from './renumber';
import { clearRecovery, recoveryOf, setRecovery, startNewEpoch } from './recovery-state';
import type { Transport } from './transport';
import { flushSearchIndex } from '../services/search-backlog';

export const RECOVERY_PAGE = 500;

export interface RecoveryResult {
  pages: number;
  records: number;
  merged: number;
  epoch: string;
  /** The attachment bytes fetched back (recovery-blobs.ts). */
  blobs: BlobRecovery;
}

export interface RecoveryOptions {
  ctx: ServiceContext;
  branch: string;
  transport: Transport;
  pageSize?: number;
  /** After each committed page (tests stop here to stand for a kill). */
  afterPage?: (page: number, cursor: number) => void;
  /** After each attachment blob (tests throw here to stand for a kill). */
  afterBlob?: (done: number, of: number) => void;
}

/**
 * Foreign keys are not enforced while a page is merged: users are not synced, so a case
 * received on the lost PC names a user this store may not have. Set outside the transaction
 * (SQLite ignores it inside one).
 */
function withoutForeignKeys<T>(ctx: ServiceContext, work: () => T): T {
  ctx.db.pragma('foreign_keys = OFF');
  try {
    return ctx.db.transaction(work)();
  } finally {
    ctx.db.pragma('foreign_keys = ON');
  }
}

export async function recoverFromHeadOffice(o: RecoveryOptions): Promise<RecoveryResult> {
  const { ctx, transport } = o;
  if (!transport.recoveryPage)
    throw refuse('VALIDATION', '此连接不支持从总部恢复', 'This connection cannot restore from head office');
  const was = recoveryOf(ctx.db);
  let cursor = was?.state === 'recovering' ? was.cursor : 0;
  setRecovery(ctx.db, { state: 'recovering', reason: was?.reason ?? null, cursor });
  const result = { pages: 0, records: 0, merged: 0 };
  let holding: BranchHolding | null = null;
  for (;;) {
    const page = await transport.recoveryPage(cursor, o.pageSize ?? RECOVERY_PAGE);
    holding = page.holding;
    withoutForeignKeys(ctx, () => {
      for (const r of page.records) {
        const m = mergeHeldRecord(ctx, r);
        if (m.merged) result.merged++;
        if (m.number) raiseCounter(ctx.db, o.branch, m.number.kindCode, m.number.period, m.number.serial);
      }
      cursor = Math.max(cursor, page.cursor);
      setRecovery(ctx.db, { state: 'recovering', reason: was?.reason ?? null, cursor });
      // The page's new cases are searchable with the page: their documents in its transaction.
      flushSearchIndex(ctx.db);
    });
    result.pages++;
    result.records += page.records.length;
    o.afterPage?.(result.pages, cursor);
    if (page.done) break;
  }
  // The bytes before the recovery is declared done: a recovery killed here resumes (its last page
  // again, then only the blobs still missing).
  const blobs = await recoverBlobs(ctx, transport, o.afterBlob);
  const held = holding;
  const epoch = ctx.db.transaction(() => {
    for (const n of held.numbers) raiseCounter(ctx.db, o.branch, n.kind, n.period, n.last);
    addMissingUsers(ctx.db, ctx.now());
    renumberSteppedAside(ctx, o.branch);
    const fresh = startNewEpoch(
      ctx.db,
      held.epochs.map((e) => e.epoch),
    );
    clearRecovery(ctx.db);
    return fresh;
  })();
  return { ...result, epoch, blobs };
}
