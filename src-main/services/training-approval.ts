// The secretary approves a typical case's training text before it enters the library (issue 17 §6):
// the queue, the draft (redacted proposal or the last decided text), approve (with edits) and send
// back. Branch-only: training_sheets rows do not go to the outbox — head office has no training
// library and the rule of ARCHITECTURE §6 sends up only records head office keeps; the audit entry
// of each decision goes up as every audit entry does (changes.ts). The case itself is never altered.
import { loadCase } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import { TrainingApproveInput, TrainingQueueInput, TrainingReturnInput } from '../shared/schemas/training';
import { TrainingCaseInput } from '../shared/schemas/report';
import { type TrainingDraft, type TrainingQueueRow, type TrainingText, wordsOf } from '../shared/training-sheet-types';
import type { CaseRecord } from '../shared/types';
import { authorOf } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { editedText, redactedText, refuseIdentified, textForAudit } from './training-text';
import { withInput, type Parsed } from './with-input';

interface SheetRow {
  case_id: string;
  status: 'approved' | 'returned';
  text: string;
  return_reason: string | null;
  decided_by_name: string;
  decided_at: number;
}

function requireApprover(actor: Actor): void {
  if (!can(actor.role, 'training_approve'))
    throw refuse('FORBIDDEN', '只有秘书室可以审定培训文本', 'Only the secretary office may approve training text');
}

export const sheetOf = (ctx: ServiceContext, caseId: string): SheetRow | undefined =>
  stmt(ctx.db, 'SELECT * FROM training_sheets WHERE case_id = ?').get(caseId) as SheetRow | undefined;

/** The approved text of a case, or null while it is not approved. */
export function approvedText(ctx: ServiceContext, caseId: string): TrainingText | null {
  const row = sheetOf(ctx, caseId);
  return row?.status === 'approved' ? (JSON.parse(row.text) as TrainingText) : null;
}

function requireTypical(ctx: ServiceContext, caseId: string): CaseRecord {
  const c = loadCase(ctx.db, caseId);
  if (!c || !c.typical)
    throw refuse('NOT_FOUND', '这个个案未标为典型范例', 'This case is not marked as a typical case');
  return c;
}

/** Typical cases waiting for the secretary (no decision yet), then those sent back, newest first. */
export const trainingQueue = withInput(
  TrainingQueueInput,
  function trainingQueue(ctx: ServiceContext, actor: Actor): TrainingQueueRow[] {
    requireApprover(actor);
    const rows = stmt(
      ctx.db,
      `SELECT c.id, c.number, c.received_at, k.name_zh, k.name_en, s.status, s.return_reason, s.decided_at
         FROM cases c LEFT JOIN categories k ON k.code = c.category_code
         LEFT JOIN training_sheets s ON s.case_id = c.id
        WHERE c.typical = 1 AND (s.status IS NULL OR s.status = 'returned')
        ORDER BY s.status IS NOT NULL, c.received_at DESC`,
    ).all() as {
      id: string;
      number: string;
      received_at: number;
      name_zh: string | null;
      name_en: string | null;
      status: 'returned' | null;
      return_reason: string | null;
      decided_at: number | null;
    }[];
    return rows.map((r) => ({
      caseId: r.id,
      number: r.number,
      receivedAt: r.received_at,
      categoryName: { zh: r.name_zh ?? '', en: r.name_en ?? '' },
      status: r.status ?? 'pending',
      returnReason: r.return_reason,
      decidedAt: r.decided_at,
    }));
  },
);

/** What the secretary edits: the last decided text, or the redacted proposal of a pending case. */
export const trainingDraft = withInput(
  TrainingCaseInput,
  function trainingDraft(ctx: ServiceContext, actor: Actor, input: Parsed<typeof TrainingCaseInput>): TrainingDraft {
    requireApprover(actor);
    const c = requireTypical(ctx, input.caseId);
    const row = sheetOf(ctx, c.id);
    return {
      caseId: c.id,
      number: c.number,
      status: row?.status ?? 'pending',
      returnReason: row?.return_reason ?? null,
      decidedByName: row?.decided_by_name ?? null,
      decidedAt: row?.decided_at ?? null,
      text: redactedTextOr(row, c),
    };
  },
);

/** The decided text keeps its entries only while the case's lists are unchanged; else a fresh proposal. */
function redactedTextOr(row: SheetRow | undefined, c: CaseRecord): TrainingText {
  const fresh = redactedText(c);
  if (!row) return fresh;
  const kept = JSON.parse(row.text) as TrainingText;
  const same = (a: { at: number }[], b: { at: number }[]) =>
    a.length === b.length && a.every((x, i) => x.at === b[i]?.at);
  return same(kept.notes, fresh.notes) &&
    same(kept.escalations, fresh.escalations) &&
    same(kept.instructions, fresh.instructions)
    ? kept
    : fresh;
}

function decide(
  ctx: ServiceContext,
  actor: Actor,
  c: CaseRecord,
  status: 'approved' | 'returned',
  text: TrainingText,
  reason: string | null,
): TrainingDraft {
  return ctx.db.transaction(() => {
    const before = sheetOf(ctx, c.id);
    const at = ctx.now();
    stmt(
      ctx.db,
      `INSERT INTO training_sheets (case_id, status, text, return_reason, decided_by, decided_by_name, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, text = excluded.text,
         return_reason = excluded.return_reason, decided_by = excluded.decided_by,
         decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at`,
    ).run(c.id, status, JSON.stringify(text), reason, actor.id, actor.name, at);
    const audit = (s: { status: string; text: string; return_reason: string | null }) => ({
      trainingApproved: s.status === 'approved',
      trainingText: textForAudit(JSON.parse(s.text) as TrainingText),
      returnReason: s.return_reason,
    });
    recordChange(ctx, authorOf(actor), {
      action: status === 'approved' ? 'training.approve' : 'training.return',
      entity: 'case',
      entityId: c.id,
      before: before ? audit(before) : null,
      after: audit({ status, text: JSON.stringify(text), return_reason: reason }),
    });
    return {
      caseId: c.id,
      number: c.number,
      status,
      returnReason: reason,
      decidedByName: actor.name,
      decidedAt: at,
      text,
    };
  })();
}

/** Approves the (edited) text: the library, the view and the printed sheet show exactly this. */
export const approveTraining = withInput(
  TrainingApproveInput,
  function approveTraining(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof TrainingApproveInput>,
  ): TrainingDraft {
    requireApprover(actor);
    const c = requireTypical(ctx, input.caseId);
    const text = editedText(redactedText(c), input);
    refuseIdentified(c, text);
    return decide(ctx, actor, c, 'approved', text, null);
  },
);

/** Sends the case back with a reason: it stays out of the library (or leaves it) until approved. */
export const returnTraining = withInput(
  TrainingReturnInput,
  function returnTraining(ctx: ServiceContext, actor: Actor, input: Parsed<typeof TrainingReturnInput>): TrainingDraft {
    requireApprover(actor);
    const c = requireTypical(ctx, input.caseId);
    const row = sheetOf(ctx, c.id);
    return decide(ctx, actor, c, 'returned', redactedTextOr(row, c), input.reason);
  },
);

/** Approves the redacted proposal unchanged (the demo store's secretary; tests). */
export function approveDrafted(ctx: ServiceContext, actor: Actor, caseId: string): TrainingDraft {
  const d = trainingDraft(ctx, actor, { caseId });
  return approveTraining(ctx, actor, { caseId, ...wordsOf(d.text) });
}
