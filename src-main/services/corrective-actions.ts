// 纠正预防措施 (issue 18 §1): set on a founded case, marked done by the responsible, the effect confirmed
// (效果确认) or sent back by a supervisor or the manager. Every change goes through the case's single
// mutation path, so the timeline, the audit row and the case snapshot in the outbox are written with it.
import { findCorrectiveAction } from '../db/repositories/corrective-action-repo';
import { insertRow, stmt, updateRow } from '../db/statements';
import { closeOf, localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import {
  type CapaRefusal,
  refuseCreate,
  refuseDone,
  refuseDueDate,
  refuseResponsible,
  refuseReview,
} from '../domain/corrective-action-rules';
import type { CorrectiveAction } from '../shared/corrective-action-types';
import { refuse } from '../shared/errors';
import { CapaConfirmInput, CapaCreateInput, CapaDoneInput, CapaReturnInput } from '../shared/schemas/corrective-action';
import type { CaseRecord } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { requireActiveUnit, requireActiveUser } from './reference-checks';
import { withInput, type Parsed } from './with-input';

type Outcome = { case: CaseRecord; action: CorrectiveAction };

const thrown = (r: CapaRefusal) =>
  refuse(r.code, r.message.zh, r.message.en, [{ field: r.field, message: r.fieldMessage }]);

function nameOf(ctx: ServiceContext, table: 'users' | 'units', id: string): string {
  return (stmt(ctx.db, `SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string }).name;
}

function requireAction(ctx: ServiceContext, id: string): CorrectiveAction {
  const a = findCorrectiveAction(ctx.db, id);
  if (!a) {
    throw refuse('NOT_FOUND', '找不到该纠正预防措施', 'Corrective action not found', [
      { field: 'actionId', message: { zh: '措施不存在', en: 'No such corrective action' } },
    ]);
  }
  return a;
}

/** The action as read back after the change (the case's snapshot carries the same row). */
function actionIn(c: CaseRecord, id: string): CorrectiveAction {
  const a = (c.correctiveActions ?? []).find((x) => x.id === id);
  if (!a) throw new Error(`corrective action ${id} missing from case ${c.id} after its change`);
  return a;
}

export const createCorrectiveAction = withInput(
  CapaCreateInput,
  function createCorrectiveAction(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CapaCreateInput>): Outcome {
    const s = ctx.settings();
    const id = ctx.newId();
    const after = mutateCase(ctx, authorOf(actor), actor, input.caseId, 'corrective_action', (c) => {
      const refused =
        refuseCreate(c.finding) ??
        refuseResponsible(input.responsibleUserId, input.responsibleUnitId) ??
        refuseDueDate(input.dueOn, localDateOf(ctx.now(), s.timeZone));
      if (refused) throw thrown(refused);
      let responsibleName: string;
      if (input.responsibleUserId !== undefined) {
        requireActiveUser(ctx, input.responsibleUserId, 'responsibleUserId');
        responsibleName = nameOf(ctx, 'users', input.responsibleUserId);
      } else {
        const unitId = input.responsibleUnitId ?? '';
        requireActiveUnit(ctx, unitId, 'responsibleUnitId');
        responsibleName = nameOf(ctx, 'units', unitId);
      }
      const now = ctx.now();
      insertRow(ctx.db, 'corrective_actions', {
        id,
        caseId: c.id,
        responsibleUserId: input.responsibleUserId ?? null,
        responsibleUnitId: input.responsibleUnitId ?? null,
        responsibleName,
        actionText: input.actionText,
        dueDate: input.dueOn,
        dueAt: closeOf(input.dueOn, s.businessHours, s.timeZone),
        createdBy: actor.id,
        createdByName: actor.name,
        createdAt: now,
        updatedAt: now,
      });
      return { event: { text: input.actionText, data: { op: 'create', actionId: id, dueOn: input.dueOn } } };
    });
    return { case: after, action: actionIn(after, id) };
  },
);

export const markCorrectiveActionDone = withInput(
  CapaDoneInput,
  function markCorrectiveActionDone(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CapaDoneInput>): Outcome {
    const found = requireAction(ctx, input.actionId);
    const after = mutateCase(ctx, authorOf(actor), null, found.caseId, 'corrective_action', () => {
      const a = requireAction(ctx, input.actionId);
      const refused = refuseDone(a, actor);
      if (refused) throw thrown(refused);
      const now = ctx.now();
      updateRow(ctx.db, 'corrective_actions', a.id, {
        state: 'done',
        doneAt: now,
        doneBy: actor.id,
        doneByName: actor.name,
        doneNote: input.doneNote,
        version: a.version + 1,
        updatedAt: now,
      });
      return { event: { text: input.doneNote, data: { op: 'done', actionId: a.id } } };
    });
    return { case: after, action: actionIn(after, found.id) };
  },
);

export const confirmCorrectiveAction = withInput(
  CapaConfirmInput,
  function confirmCorrectiveAction(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CapaConfirmInput>): Outcome {
    const found = requireAction(ctx, input.actionId);
    const after = mutateCase(ctx, authorOf(actor), null, found.caseId, 'corrective_action', () => {
      const a = requireAction(ctx, input.actionId);
      const refused = refuseReview(a, actor);
      if (refused) throw thrown(refused);
      const now = ctx.now();
      updateRow(ctx.db, 'corrective_actions', a.id, {
        state: 'confirmed',
        confirmedAt: now,
        confirmedBy: actor.id,
        confirmedByName: actor.name,
        confirmNote: input.effectNote,
        version: a.version + 1,
        updatedAt: now,
      });
      return { event: { text: input.effectNote, data: { op: 'confirm', actionId: a.id } } };
    });
    return { case: after, action: actionIn(after, found.id) };
  },
);

/** 退回: the effect is not there; the action is open again (what was done stays in the audit and timeline). */
export const returnCorrectiveAction = withInput(
  CapaReturnInput,
  function returnCorrectiveAction(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CapaReturnInput>): Outcome {
    const found = requireAction(ctx, input.actionId);
    const after = mutateCase(ctx, authorOf(actor), null, found.caseId, 'corrective_action', () => {
      const a = requireAction(ctx, input.actionId);
      const refused = refuseReview(a, actor);
      if (refused) throw thrown(refused);
      const now = ctx.now();
      updateRow(ctx.db, 'corrective_actions', a.id, {
        state: 'open',
        doneAt: null,
        doneBy: null,
        doneByName: null,
        doneNote: null,
        returnedAt: now,
        returnedByName: actor.name,
        returnReason: input.returnReason,
        returnCount: a.returnCount + 1,
        version: a.version + 1,
        updatedAt: now,
      });
      return { event: { text: input.returnReason, data: { op: 'return', actionId: a.id } } };
    });
    return { case: after, action: actionIn(after, found.id) };
  },
);
