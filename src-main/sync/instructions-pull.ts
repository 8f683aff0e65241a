// Head-office instructions (批示) pulled by cursor. Each page is applied together with the new
// cursor in one transaction, so an instruction is applied once even if the app dies midway.
// An instruction for a case this store does not have (a store restored from an old backup,
// or a case not yet re-created) is kept in sync_state and tried again on every later pull:
// it is never lost, and it never blocks the instructions behind it.
import { applyInstruction } from '../services/case-details';
import type { ServiceContext } from '../services/context';
import { isAppError } from '../shared/errors';
import {
  dropPendingInstruction,
  instructionCursor,
  pendingInstructions,
  putPendingInstruction,
  setInstructionCursor,
} from './sync-state';
import { Instruction } from './protocol';
import type { Transport } from './transport';

const asInput = (i: Instruction) => ({
  instructionId: i.instructionId,
  caseId: i.caseId,
  text: i.text,
  reviewerName: i.reviewerName,
  instructedAt: i.instructedAt,
  ...(i.kind ? { kind: i.kind } : {}),
  ...(i.reason ? { reason: i.reason } : {}),
  ...(i.supersedes ? { supersedes: i.supersedes } : {}),
});

/** Applies one instruction; false when its case is not in this store (kept for later). */
function applyOrKeep(ctx: ServiceContext, i: Instruction): boolean {
  try {
    applyInstruction(ctx, asInput(i));
    dropPendingInstruction(ctx.db, i.instructionId);
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      putPendingInstruction(ctx.db, i.instructionId, JSON.stringify(i));
      return false;
    }
    throw e;
  }
}

const readJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export async function pullInstructions(
  ctx: ServiceContext,
  transport: Transport,
): Promise<{ applied: number; pending: number }> {
  let applied = 0;
  ctx.db.transaction(() => {
    for (const json of pendingInstructions(ctx.db)) {
      // Kept as head office sent it; one that no longer reads stays kept rather than blocking the pull.
      const kept = Instruction.safeParse(readJson(json));
      if (kept.success && applyOrKeep(ctx, kept.data)) applied++;
    }
  })();
  for (let pages = 0; pages < 1000; pages++) {
    const since = instructionCursor(ctx.db);
    const page = await transport.pull(since);
    if (page.instructions.length === 0 && page.cursor <= since) break;
    ctx.db.transaction(() => {
      for (const i of page.instructions) if (applyOrKeep(ctx, i)) applied++;
      setInstructionCursor(ctx.db, Math.max(since, page.cursor));
    })();
    if (page.instructions.length === 0) break;
  }
  return { applied, pending: pendingInstructions(ctx.db).length };
}
