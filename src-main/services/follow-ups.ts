// Follow-ups (回访) as tasks: scheduled with a due date and an assignee (a member of staff),
// done with an outcome code and a note. Each is a record of its own for head office, and each
// change also appears on the case's timeline. An unreachable outcome counts towards filing the
// case as "customer unreachable"; a customer reached and not satisfied disputes the result, as
// the procedure has the secretary office follow up a customer with doubts (有疑义,须进行后续追踪).
import { findFollowUp } from '../db/repositories/case-repo';
import { insertRow, updateRow } from '../db/statements';
import { closeOf, localDateOf } from '../domain/business-time';
import { type Actor, checkAllowed } from '../domain/case-machine';
import { requireNotRecused } from '../domain/recusal';
import { can } from '../domain/permissions';
import type { CaseStatus, FollowUpOutcome } from '../shared/enums';
import { refuse } from '../shared/errors';
import { FollowUpCompleteInput, FollowUpScheduleInput } from '../shared/schemas/case';
import type { CaseRecord, FollowUp } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { requireActiveUser, requireAssignable } from './reference-checks';
import { withInput, type Parsed } from './with-input';

export const scheduleFollowUp = withInput(
  FollowUpScheduleInput,
  function scheduleFollowUp(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof FollowUpScheduleInput>,
  ): { case: CaseRecord; followUp: FollowUp } {
    const s = ctx.settings();
    if (input.dueDate < localDateOf(ctx.now(), s.timeZone)) {
      throw refuse('VALIDATION', '回访日期不能早于今天', 'The follow-up date cannot be in the past', [
        { field: 'dueDate', message: { zh: '回访日期:不能早于今天', en: 'Follow-up date cannot be in the past' } },
      ]);
    }
    let followUp: FollowUp | undefined;
    const after = mutateCase(ctx, authorOf(actor), actor, input.caseId, 'follow_up', (c) => {
      const assigneeId = input.assigneeId ?? actor.id;
      requireActiveUser(ctx, assigneeId, 'assigneeId');
      requireAssignable(ctx, c.complainedStaffNo, assigneeId);
      const now = ctx.now();
      const row = {
        id: ctx.newId(),
        caseId: c.id,
        dueDate: input.dueDate,
        dueAt: closeOf(input.dueDate, s.businessHours, s.timeZone),
        note: input.note ?? null,
        scheduledBy: actor.id,
        doneAt: null,
        doneBy: null,
        result: null,
        assigneeId,
        outcome: null,
        version: 1,
      };
      insertRow(ctx.db, 'follow_ups', { ...row, createdAt: now, updatedAt: now });
      followUp = row;
      recordChange(ctx, authorOf(actor), {
        action: 'follow_up.schedule',
        entity: 'follow_up',
        entityId: row.id,
        before: null,
        after: { ...row },
        version: 1,
        sync: true,
      });
      return {
        event: { text: input.note ?? null, data: { followUpId: row.id, dueDate: input.dueDate, assigneeId } },
      };
    });
    return { case: after, followUp: followUp as FollowUp };
  },
);

/** Where a customer reached and not satisfied disputes the result: the case is not closed yet. */
const DISPUTABLE: readonly CaseStatus[] = ['fed_back', 'awaiting_instruction', 'awaiting_review'];

/**
 * What an outcome changes on the case: an unreachable attempt is counted; a customer reached and
 * not satisfied before filing disputes the result (有疑义), which the dispute loop then handles
 * (escalate to the duty supervisor or secretary office, then resume). After filing, or while the
 * result is not fed back yet, the outcome is recorded on the follow-up only.
 */
function outcomePatch(c: CaseRecord, outcome: FollowUpOutcome, now: number): Record<string, unknown> {
  if (outcome === 'unreachable') return { unreachableAttempts: c.unreachableAttempts + 1 };
  if (outcome === 'reached_unsatisfied' && DISPUTABLE.includes(c.status)) {
    return { status: 'disputed', disputed: true, disputedAt: now };
  }
  return {};
}

export const completeFollowUp = withInput(
  FollowUpCompleteInput,
  function completeFollowUp(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof FollowUpCompleteInput>,
  ): { case: CaseRecord; followUp: FollowUp } {
    const found = findFollowUp(ctx.db, input.followUpId);
    if (!found) {
      throw refuse('NOT_FOUND', '找不到该回访', 'Follow-up not found', [
        { field: 'followUpId', message: { zh: '回访不存在', en: 'No such follow-up' } },
      ]);
    }
    // The assignee records her own follow-up whatever her role; anyone else needs the right to follow up.
    const isAssignee = found.assigneeId === actor.id;
    if (!isAssignee && !can(actor.role, 'follow_up')) {
      throw refuse(
        'FORBIDDEN',
        '只有回访的指派人或秘书室、值班主管、店长可以记录回访结果',
        'Only the assignee, the secretary office, a duty supervisor or the manager may record a follow-up',
      );
    }
    let done: FollowUp | undefined;
    const after = mutateCase(ctx, authorOf(actor), null, found.caseId, 'follow_up', (c, facts) => {
      if (!isAssignee) {
        const refused = checkAllowed('follow_up', facts, actor);
        if (refused) throw refuse(refused.code, refused.zh, refused.en);
      }
      // 回避 even for the follow-up's assignee: she does not call the customer who complained about her.
      requireNotRecused('follow_up', facts.complainedStaffNo, actor);
      const before = findFollowUp(ctx.db, input.followUpId) as FollowUp;
      if (before.doneAt !== null) throw refuse('CONFLICT', '此回访已完成', 'This follow-up is already done');
      const now = ctx.now();
      const doneAt = input.doneAt ? Date.parse(input.doneAt) : now;
      if (doneAt > now + 5 * 60_000) {
        throw refuse('VALIDATION', '回访时间不能晚于现在', 'The follow-up time cannot be in the future', [
          { field: 'doneAt', message: { zh: '回访时间:不能晚于现在', en: 'Done at cannot be in the future' } },
        ]);
      }
      const result = input.result ?? null;
      done = { ...before, doneAt, doneBy: actor.id, result, outcome: input.outcome, version: before.version + 1 };
      updateRow(ctx.db, 'follow_ups', before.id, {
        doneAt,
        doneBy: actor.id,
        result,
        outcome: input.outcome,
        version: done.version,
        updatedAt: now,
      });
      recordChange(ctx, authorOf(actor), {
        action: 'follow_up.complete',
        entity: 'follow_up',
        entityId: before.id,
        before: { ...before },
        after: { ...done },
        version: done.version,
        sync: true,
      });
      return {
        patch: outcomePatch(c, input.outcome, now),
        event: { text: result, data: { followUpId: before.id, outcome: input.outcome } },
      };
    });
    return { case: after, followUp: done as FollowUp };
  },
);
