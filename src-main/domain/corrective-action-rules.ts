// Who may do what to a corrective action (纠正预防措施, issue 18 §1), pure: each check returns the
// refusal (bilingual, naming the field) or null. The service applies them inside the case's transaction.
import type { CorrectiveAction } from '../shared/corrective-action-types';
import type { Bilingual } from '../shared/errors';
import type { Actor } from './case-machine';
import { can } from './permissions';

export interface CapaRefusal {
  code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'INVALID_TRANSITION';
  message: Bilingual;
  field: string;
  fieldMessage: Bilingual;
}

const refusal = (
  code: CapaRefusal['code'],
  field: string,
  message: Bilingual,
  fieldMessage: Bilingual = message,
): CapaRefusal => ({ code, field, message, fieldMessage });

/** Only a founded or partly founded finding (属实 / 部分属实) calls for a corrective action. */
export function refuseCreate(finding: string | null): CapaRefusal | null {
  if (finding === 'founded' || finding === 'partly_founded') return null;
  return refusal(
    'INVALID_TRANSITION',
    'finding',
    finding === null
      ? {
          zh: '调查结论尚未登记,只有属实或部分属实的个案才能制定纠正预防措施',
          en: 'No finding yet: corrective actions are set only on a founded or partly founded case',
        }
      : {
          zh: '调查结论为失实,不能制定纠正预防措施',
          en: 'The finding is unfounded: no corrective action can be set',
        },
    { zh: '调查结论:须为属实或部分属实', en: 'Finding: must be founded or partly founded' },
  );
}

/** The due date is typed as a local date; today is allowed, an earlier day is not. */
export function refuseDueDate(dueDate: string, today: string): CapaRefusal | null {
  if (dueDate >= today) return null;
  return refusal(
    'VALIDATION',
    'dueOn',
    { zh: '完成期限不能早于今天', en: 'The due date cannot be in the past' },
    { zh: '完成期限:不能早于今天', en: 'Due date: cannot be in the past' },
  );
}

/** Invariant: one responsible person or one unit, never both, never neither. */
export function refuseResponsible(userId: string | undefined, unitId: string | undefined): CapaRefusal | null {
  if ((userId === undefined) !== (unitId === undefined)) return null;
  return refusal(
    'VALIDATION',
    'responsible',
    { zh: '请选择一名责任人员或一个责任单位(二选一)', en: 'Choose one responsible person or one unit (not both)' },
    { zh: '责任人员/单位:须选一项', en: 'Responsible: choose exactly one' },
  );
}

/** The responsible person, a member of the responsible unit, or a supervisor or the manager marks it done. */
export function refuseDone(a: CorrectiveAction, actor: Actor): CapaRefusal | null {
  if (a.state !== 'open') {
    return refusal('CONFLICT', 'actionId', {
      zh: a.state === 'done' ? '该措施已完成,等待效果确认' : '该措施的效果已确认',
      en:
        a.state === 'done' ? 'This action is already done and awaits confirmation' : 'This action is already confirmed',
    });
  }
  const responsible =
    (a.responsibleUserId !== null && a.responsibleUserId === actor.id) ||
    (a.responsibleUnitId !== null && a.responsibleUnitId === actor.unitId);
  if (responsible || can(actor.role, 'corrective_confirm')) return null;
  return refusal('FORBIDDEN', 'actionId', {
    zh: `只有责任人员(${a.responsibleName})或值班主管、店长可以登记完成`,
    en: `Only the responsible (${a.responsibleName}), a duty supervisor or the manager may mark it done`,
  });
}

/** 效果确认 and send-back: a supervisor or the manager, once the action is done, not by whoever did it. */
export function refuseReview(a: CorrectiveAction, actor: Actor): CapaRefusal | null {
  if (!can(actor.role, 'corrective_confirm')) {
    return refusal('FORBIDDEN', 'actionId', {
      zh: '只有值班主管或店长可以确认效果或退回',
      en: 'Only a duty supervisor or the manager may confirm the effect or send it back',
    });
  }
  if (a.state !== 'done') {
    return refusal('INVALID_TRANSITION', 'actionId', {
      zh: a.state === 'open' ? '措施尚未完成,不能确认效果或退回' : '该措施的效果已确认',
      en:
        a.state === 'open'
          ? 'The action is not done yet: nothing to confirm or send back'
          : 'This action is already confirmed',
    });
  }
  if (a.doneBy === actor.id) {
    return refusal('FORBIDDEN', 'actionId', {
      zh: '登记完成的人不能确认自己完成的措施',
      en: 'Whoever marked the action done cannot confirm it',
    });
  }
  return null;
}
