// Follow-ups (回访): scheduled with a due date, done with a result. Each is a record of its
// own for head office, and each change also appears on the case's timeline.
import { findFollowUp } from '../db/repositories/case-repo';
import { insertRow, updateRow } from '../db/statements';
import { closeOf, localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { FollowUpCompleteInput, FollowUpScheduleInput } from '../shared/schemas/case';
import type { CaseRecord, FollowUp } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
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
      return { event: { text: input.note ?? null, data: { followUpId: row.id, dueDate: input.dueDate } } };
    });
    return { case: after, followUp: followUp as FollowUp };
  },
);

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
    let done: FollowUp | undefined;
    const after = mutateCase(ctx, authorOf(actor), actor, found.caseId, 'follow_up', () => {
      const before = findFollowUp(ctx.db, input.followUpId) as FollowUp;
      if (before.doneAt !== null) throw refuse('CONFLICT', '此回访已完成', 'This follow-up is already done');
      const now = ctx.now();
      const doneAt = input.doneAt ? Date.parse(input.doneAt) : now;
      if (doneAt > now + 5 * 60_000) {
        throw refuse('VALIDATION', '回访时间不能晚于现在', 'The follow-up time cannot be in the future', [
          { field: 'doneAt', message: { zh: '回访时间:不能晚于现在', en: 'Done at cannot be in the future' } },
        ]);
      }
      done = { ...before, doneAt, doneBy: actor.id, result: input.result, version: before.version + 1 };
      updateRow(ctx.db, 'follow_ups', before.id, {
        doneAt,
        doneBy: actor.id,
        result: input.result,
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
      return { event: { text: input.result, data: { followUpId: before.id } } };
    });
    return { case: after, followUp: done as FollowUp };
  },
);
