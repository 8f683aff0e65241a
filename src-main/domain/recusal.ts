// 回避 (SPEC §12, issue 18 §5, seed 004): the member of staff a case is about does not handle it —
// she cannot be its handler, record its result or record its finding. Pure rules; the services apply them.
import type { CaseAction } from '../shared/enums';
import { type Bilingual, refuse } from '../shared/errors';

/**
 * The handling the staff complained about must stand aside from: deciding, answering the customer,
 * promising and extending on her own case (being assigned is checked on forward). Passing the case on,
 * escalating it, a note, and the manager's review and filing stay open to her — a branch has one
 * manager, and a case about her must still close.
 */
export const RECUSED_ACTIONS: readonly CaseAction[] = [
  'decline',
  'resolve',
  'feedback',
  'submit',
  'promise',
  'answer_promise',
  'extend',
  'finding',
  'follow_up',
  'file_unreachable',
];

export const RECUSAL_REASON: Bilingual = {
  zh: '您是本案被投诉的员工,须回避',
  en: 'You are the staff member this case is about and must stand aside',
};

/**
 * Staff numbers compare as the users table does (COLLATE NOCASE, trimmed); a case that names no
 * staff number recuses no one (a name alone cannot say which member of staff it is).
 */
export function isStaffComplainedAbout(complainedStaffNo: string | null | undefined, staffNo: string): boolean {
  if (!complainedStaffNo) return false;
  return complainedStaffNo.trim().toUpperCase() === staffNo.trim().toUpperCase();
}

/** The reason `actor` may not take `action` on this case, or null when recusal does not stand in the way. */
export function recusalOf(
  action: CaseAction,
  complainedStaffNo: string | null | undefined,
  actor: { staffNo: string },
): Bilingual | null {
  if (!RECUSED_ACTIONS.includes(action)) return null;
  return isStaffComplainedAbout(complainedStaffNo, actor.staffNo) ? RECUSAL_REASON : null;
}

/** Throws the recusal refusal (nothing changes) when `actor` is the staff this case is about. */
export function requireNotRecused(
  action: CaseAction,
  complainedStaffNo: string | null | undefined,
  actor: { staffNo: string },
): void {
  const reason = recusalOf(action, complainedStaffNo, actor);
  if (reason) throw refuse('FORBIDDEN', reason.zh, reason.en);
}

/** Why the chosen handler cannot be assigned this case, naming her, or null when she may. */
export function assigneeRecusalOf(
  complainedStaffNo: string | null | undefined,
  assignee: { staffNo: string; name: string },
): Bilingual | null {
  if (!isStaffComplainedAbout(complainedStaffNo, assignee.staffNo)) return null;
  return {
    zh: `${assignee.name}(${assignee.staffNo})是本案被投诉的员工,须回避,不能担任处理人`,
    en: `${assignee.name} (${assignee.staffNo}) is the staff member this case is about and must stand aside: choose another handler`,
  };
}
