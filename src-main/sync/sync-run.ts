// One sync: push the unsent outbox batch by batch, then pull head office's instructions.
// The acknowledged sequence moves only to what head office confirms after its commit, so
// a batch whose answer is lost is simply sent again and head office sees a duplicate.
import type { ServiceContext } from '../services/context';
import { type BatchCaps, buildBatch, DEFAULT_CAPS } from './outbox-batches';
import { type UploadBudget, type UploadResult, uploadAttachments } from './attachment-upload';
import { pullCrossBranchFlags } from './cross-branch-pull';
import { pullInstructions } from './instructions-pull';
import { behindError, recoveryOf, setRecovery, stopIfBehind } from './recovery-state';
import { ackedSeq, setAckedSeq, setLastSuccessAt, waitingCount } from './sync-state';
import { type Transport, TransportError } from './transport';

export interface SyncProgress {
  sent: number;
  total: number;
}

export interface SyncRunOptions {
  ctx: ServiceContext;
  branch: string;
  transport: Transport;
  caps?: BatchCaps;
  onProgress?: (p: SyncProgress) => void;
  /** The attachment bytes one run may send (attachment-upload.ts); the rest waits for the next run. */
  uploadBudget?: UploadBudget;
}

export interface SyncRunResult {
  sentRecords: number;
  batches: number;
  quarantined: number;
  instructionsApplied: number;
  instructionsPending: number;
  /** The attachment bytes sent after the records (issue 19). */
  attachments?: UploadResult;
}

/** A gap answer names the sequence head office expects; anything else here is a bug. */
function expectedSeqOf(e: TransportError): number | null {
  const v = e.detail.expectedSeq;
  return e.why === 'GAP' && Number.isSafeInteger(v) && (v as number) >= 1 ? (v as number) : null;
}

export async function syncOnce(o: SyncRunOptions): Promise<SyncRunResult> {
  const { db } = o.ctx;
  const total = waitingCount(db);
  const result: SyncRunResult = {
    sentRecords: 0,
    batches: 0,
    quarantined: 0,
    instructionsApplied: 0,
    instructionsPending: 0,
  };
  let gapsFollowed = 0;
  // A store behind head office pushes nothing until it has recovered (src-main/sync/README.md).
  const recovery = recoveryOf(db);
  if (recovery) throw behindError(recovery);
  if (o.transport.holding) stopIfBehind(db, o.branch, await o.transport.holding());
  for (;;) {
    const after = ackedSeq(db);
    const batch = buildBatch(db, o.branch, after, o.caps ?? DEFAULT_CAPS);
    if (!batch) break;
    let answer;
    try {
      answer = await o.transport.push(batch.body, { backlog: Math.max(0, waitingCount(db) - batch.count) });
    } catch (e) {
      const expected = e instanceof TransportError ? expectedSeqOf(e) : null;
      // Head office holds less than we thought (restored, or acknowledged by a file that was
      // never imported): send again from where it stands. Bounded so a confused server cannot loop us.
      if (expected !== null && gapsFollowed++ < 3) {
        setAckedSeq(db, expected - 1);
        continue;
      }
      if (e instanceof TransportError && e.why === 'REWOUND') {
        const behind = { state: 'behind' as const, reason: 'rewound' as const, cursor: 0 };
        setRecovery(db, behind);
        throw behindError(behind);
      }
      throw e;
    }
    // A success answer must cover the batch; anything less is not an acknowledgement.
    if (!(answer.ackedSeq >= batch.lastSeq))
      throw new TransportError(502, { zh: '总部未确认收到此批次', en: 'Head office did not confirm this batch' });
    // Never past what this batch carried: a store restored from an old backup must still
    // send its new changes, and head office then sees them as a rewind.
    setAckedSeq(db, batch.lastSeq);
    stopIfBehind(db, o.branch, answer.holding);
    result.batches++;
    result.sentRecords += batch.count;
    result.quarantined += answer.quarantined.length;
    o.onProgress?.({ sent: Math.min(total, result.sentRecords), total });
  }
  const pulled = await pullInstructions(o.ctx, o.transport);
  result.instructionsApplied = pulled.applied;
  result.instructionsPending = pulled.pending;
  await pullCrossBranchFlags(o.ctx, o.transport);
  // The bytes after every record and pull: a big recording never holds back the case records.
  result.attachments = await uploadAttachments({
    ctx: o.ctx,
    transport: o.transport,
    ...(o.uploadBudget ? { budget: o.uploadBudget } : {}),
  });
  setLastSuccessAt(db, o.ctx.now());
  return result;
}
