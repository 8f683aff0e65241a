// Head-office instructions (批示) pulled by cursor. Each page is applied together with the new
// cursor in one transaction, so an instruction is applied once even if the app dies midway.
// An instruction for a case this store does not have (a store restored from an old backup,
// or a case not yet re-created) is kept in sync_state and tried again on every later pull:
// it is never lost, and it never blocks the instructions behind it. Head office's reminders
// (催办) come in the same pages by their own cursor, kept alike; they are not instructions. Its
// notices (通知, notices-pull.ts) come by a third cursor, its reference records (reference-pull.ts) by a
// fourth, its cross-branch matter notices (matter-notices-pull.ts) by a fifth, stored in the same transactions.
import { setChainRetentionYears } from '../services/chain-retention';
import { applyInstruction } from '../services/case-details';
import { applyReminder } from '../services/case-reminders';
import type { ServiceContext } from '../services/context';
import { isAppError } from '../shared/errors';
import {
  dropPendingInstruction,
  instructionCursor,
  dropPendingReminder,
  pendingInstructions,
  pendingReminders,
  putPendingInstruction,
  putPendingReminder,
  reminderCursor,
  setInstructionCursor,
  setReminderCursor,
} from './sync-state';
import { Instruction, Reminder } from './protocol';
import type { Transport } from './transport';
import { applyNoticePage, noticeCursor } from './notices-pull';
import { applyReferencePage, referenceCursor } from './reference-pull';
import { applyMatterPage, matterCursor } from './matter-notices-pull';

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

/** Stores one reminder; false when its case is not in this store (kept for later) or it was held already. */
function remindOrKeep(ctx: ServiceContext, r: Reminder): boolean {
  try {
    const stored = applyReminder(ctx, r);
    dropPendingReminder(ctx.db, r.reminderId);
    return stored;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      putPendingReminder(ctx.db, r.reminderId, JSON.stringify(r));
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
): Promise<{
  applied: number;
  pending: number;
  reminders: number;
  remindersPending: number;
  notices: number;
  reference: number;
  matterNotices: number;
}> {
  let applied = 0;
  let notices = 0;
  let reference = 0;
  let reminders = 0;
  let matterNotices = 0;
  ctx.db.transaction(() => {
    for (const json of pendingInstructions(ctx.db)) {
      // Kept as head office sent it; one that no longer reads stays kept rather than blocking the pull.
      const kept = Instruction.safeParse(readJson(json));
      if (kept.success && applyOrKeep(ctx, kept.data)) applied++;
    }
    for (const json of pendingReminders(ctx.db)) {
      const kept = Reminder.safeParse(readJson(json));
      if (kept.success && remindOrKeep(ctx, kept.data)) reminders++;
    }
  })();
  for (let pages = 0; pages < 1000; pages++) {
    const since = instructionCursor(ctx.db);
    const remindersSince = reminderCursor(ctx.db);
    const noticesSince = noticeCursor(ctx.db);
    const referenceSince = referenceCursor(ctx.db);
    // Issue 22 §4: head office's cross-branch matter notices (matter-notices-pull.ts), by their own cursor.
    const mattersSince = matterCursor(ctx.db);
    const page = await transport.pull(since, remindersSince, noticesSince, referenceSince, mattersSince);
    // Issue 20 §2: head office's chain-wide retention (null: none; absent: an older head office, keep what we had).
    if (page.retentionYears !== undefined) setChainRetentionYears(ctx.db, page.retentionYears);
    const sent = page.reminders ?? [];
    const told = page.notices ?? [];
    // Issue 21 §1: head office's reference records (reference-pull.ts), by their own cursor.
    const published = page.reference ?? [];
    const linked = page.matterNotices ?? [];
    const quiet = sent.length === 0 && told.length === 0 && published.length === 0 && linked.length === 0;
    if (page.instructions.length === 0 && page.cursor <= since && quiet) break;
    ctx.db.transaction(() => {
      for (const i of page.instructions) if (applyOrKeep(ctx, i)) applied++;
      setInstructionCursor(ctx.db, Math.max(since, page.cursor));
      for (const r of sent) if (remindOrKeep(ctx, r)) reminders++;
      if (page.reminderCursor !== null && page.reminderCursor !== undefined)
        setReminderCursor(ctx.db, Math.max(remindersSince, page.reminderCursor));
      notices += applyNoticePage(ctx, page, noticesSince);
      reference += applyReferencePage(ctx, page, referenceSince);
      matterNotices += applyMatterPage(ctx.db, page, mattersSince, ctx.now());
    })();
    if (page.instructions.length === 0 && quiet) break;
  }
  return {
    applied,
    pending: pendingInstructions(ctx.db).length,
    reminders,
    remindersPending: pendingReminders(ctx.db).length,
    notices,
    reference,
    matterNotices,
  };
}
