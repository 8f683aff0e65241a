// The case status machine (SPEC §3) with the role checks of §11. `checkAction` is pure: it
// returns the refusal (code and bilingual reason) or the status the case moves to.
import type { CaseAction, CaseStatus, Channel, Role, Severity, SignOffPolicy } from '../shared/enums';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS } from '../shared/i18n/vocabulary';
import { type Ability, actsForUnit, can } from './permissions';

export type { CaseAction };

export interface CaseFacts {
  status: CaseStatus;
  channel: Channel;
  severity: Severity;
  categoryCode: string;
  typical: boolean;
  finding: string | null;
  cause: string | null;
  handlingUnitId: string | null;
  complainedUnitId: string | null;
  /** 回避 (domain/recusal.ts): the staff number of the staff complained about; absent means no one named. */
  complainedStaffNo?: string | null;
  reviewedAt: number | null;
  /** An instruction applied after the last reopen (or ever, if never reopened). */
  hasCurrentInstruction: boolean;
  openPromiseCount: number;
  /** An escalation recorded since the customer disputed the result. */
  escalatedSinceDispute: boolean;
  /** A visit to the government body (escalation visit_government) recorded since the body objected. */
  visitedSinceDispute: boolean;
  /** Follow-ups that ended unreachable (联系不上). */
  unreachableAttempts: number;
}

export interface Actor {
  id: string;
  staffNo: string;
  name: string;
  role: Role;
  unitId: string | null;
}

export interface Refusal {
  code: 'FORBIDDEN' | 'INVALID_TRANSITION';
  zh: string;
  en: string;
}

/** The statuses' names in refusal messages: the shared vocabulary's. */
export const STATUS_LABELS = CASE_STATUS_LABELS;

// The verbs of refusals ("您的角色无权…"): in Chinese the case screen's button words (the vocabulary),
// except where a button names a thing rather than a deed; in English a phrase of their own.
const ZH_VERB: Partial<Record<CaseAction, string>> = {
  finding: '登记调查结论',
  typical: '标记典型范例',
  follow_up: '回访',
  decline: '决定不予受理',
  file_unreachable: '以顾客无法联系建档',
  answer_promise: '答复约定回复',
  corrective_action: '制定纠正预防措施',
};
const EN_VERB: Record<CaseAction, string> = {
  forward: 'forward',
  decline: 'decide not to accept the case',
  resolve: 'record the result',
  feedback: 'record feedback',
  escalate: 'escalate',
  resume: 'resume after the dispute',
  submit: 'submit',
  review: 'review',
  file: 'file',
  reopen: 'reopen',
  note: 'add a note',
  promise: 'promise a reply time',
  answer_promise: 'answer a promised reply',
  extend: 'extend to the next day',
  finding: 'record the finding',
  typical: 'mark as typical',
  follow_up: 'follow up',
  file_unreachable: 'file the case as customer unreachable',
  complainant_sign: "record the complainant's conduct",
  corrective_action: 'set a corrective action',
  handling_step: 'tick a handling step',
};
const actionVerb = (a: CaseAction) => ({ zh: ZH_VERB[a] ?? CASE_ACTION_LABELS[a].zh, en: EN_VERB[a] });

/** Statuses each action may start from. */
const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  forward: ['registered', 'in_progress'],
  // 不予受理 (SPEC §12, seed 004): decided at registration or after a first look (forwarded to the
  // unit, nothing resolved yet). It closes the case: only a note may be added, and a supervisor or the
  // manager may reopen it (a decision made in error is corrected; the timeline keeps the decision).
  decline: ['registered', 'in_progress'],
  resolve: ['registered', 'in_progress'],
  feedback: ['resolved'],
  escalate: ['in_progress', 'resolved', 'disputed'],
  resume: ['disputed'],
  submit: ['fed_back'],
  review: ['awaiting_review'],
  file: ['fed_back', 'awaiting_instruction', 'awaiting_review'],
  reopen: ['filed', 'not_accepted'],
  note: [
    'registered',
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
    'filed',
    'not_accepted',
  ],
  promise: ['registered', 'in_progress', 'resolved', 'fed_back', 'disputed'],
  // A promise made at any point, after feedback too, is answered before the case can be filed.
  answer_promise: [
    'registered',
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
  ],
  extend: ['registered', 'in_progress'],
  finding: ['in_progress', 'resolved', 'fed_back', 'disputed', 'awaiting_instruction', 'awaiting_review'],
  typical: [
    'registered',
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
    'filed',
  ],
  follow_up: ['resolved', 'fed_back', 'disputed', 'awaiting_instruction', 'awaiting_review', 'filed'],
  // The customer never answers: from any status after the result was recorded, once enough follow-ups failed.
  file_unreachable: ['resolved', 'fed_back', 'disputed', 'awaiting_instruction', 'awaiting_review'],
  // What the customer did is recorded whenever it happens, after filing too (纠缠 often follows the finding);
  // not on a case declined (不予受理), to which only a note may be added. A 驳回 asks more: complainant-signs.ts.
  complainant_sign: [
    'registered',
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
    'filed',
  ],
  // 纠正预防措施 follow a finding (recorded from in_progress on) and outlive the filing of the case.
  corrective_action: [
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
    'filed',
  ],
  // The steps of guided handling are ticked while the case is worked on; a filed or declined case is closed.
  handling_step: [
    'registered',
    'in_progress',
    'resolved',
    'fed_back',
    'disputed',
    'awaiting_instruction',
    'awaiting_review',
  ],
};

const ABILITY: Record<CaseAction, Ability> = {
  forward: 'forward',
  decline: 'decline',
  resolve: 'resolve',
  feedback: 'feedback',
  escalate: 'escalate',
  resume: 'resume',
  submit: 'submit',
  review: 'review',
  file: 'file',
  reopen: 'reopen',
  note: 'note',
  promise: 'promise',
  answer_promise: 'promise',
  extend: 'extend',
  finding: 'finding',
  typical: 'typical',
  follow_up: 'follow_up',
  file_unreachable: 'file',
  complainant_sign: 'note',
  corrective_action: 'corrective_action',
  handling_step: 'note',
};

/** What a satisfied case needs before filing: major cases always go to head office. */
export function signOffFor(
  c: Pick<CaseFacts, 'channel' | 'severity'>,
  policy: Record<Channel, SignOffPolicy>,
): SignOffPolicy {
  return c.severity === 'major' ? 'head_office' : policy[c.channel];
}

/** Typical and product-quality cases need the record form filled in full (SPEC §3). */
export const needsFullRecord = (c: Pick<CaseFacts, 'typical' | 'categoryCode'>): boolean =>
  c.typical || c.categoryCode === 'product_quality';

const refusal = (code: Refusal['code'], zh: string, en: string): Refusal => ({ code, zh, en });

/** Checks who may act and from which status; returns a refusal or null. */
export function checkAllowed(action: CaseAction, c: CaseFacts, actor: Actor): Refusal | null {
  const label = actionVerb(action);
  if (!can(actor.role, ABILITY[action])) {
    return refusal('FORBIDDEN', `您的角色无权${label.zh}`, `Your role may not ${label.en}`);
  }
  if ((action === 'resolve' || action === 'extend' || action === 'answer_promise') && !actsForUnit(actor, c)) {
    return refusal(
      'FORBIDDEN',
      `只能处理本单位的个案,无权${label.zh}`,
      `You may only ${label.en} cases of your own unit`,
    );
  }
  if (!FROM[action].includes(c.status)) {
    const s = STATUS_LABELS[c.status];
    return refusal(
      'INVALID_TRANSITION',
      `个案处于“${s.zh}”状态,不能${label.zh}`,
      `A case that is ${s.en.toLowerCase()} cannot ${label.en}`,
    );
  }
  return null;
}

/** The status after `action`, with the checks that depend on the case's content. */
export function nextStatus(
  action: CaseAction,
  c: CaseFacts,
  opts: {
    disputed?: boolean;
    resumeTo?: 'in_progress' | 'resolved';
    signOffPolicy?: Record<Channel, SignOffPolicy>;
    /** The branch's number of unreachable follow-ups that allow filing as "customer unreachable". */
    unreachableAttemptsToFile?: number;
  },
): CaseStatus | Refusal {
  switch (action) {
    case 'forward':
      return 'in_progress';
    case 'resolve':
      return 'resolved';
    case 'feedback':
      return opts.disputed ? 'disputed' : 'fed_back';
    case 'resume':
      // A government body's 有异议: staff go to the body in person (procedure 3.C) before the case goes on.
      if (c.channel === 'government' && !c.visitedSinceDispute) {
        return refusal(
          'INVALID_TRANSITION',
          '部门有异议:须先登记升级“随营业干部赴政府部门”,才能继续',
          'The body objects: record the escalation "Visit the government body" before resuming',
        );
      }
      if (!c.escalatedSinceDispute) {
        return refusal(
          'INVALID_TRANSITION',
          '顾客有疑义的个案须先登记升级处理,才能继续',
          'A disputed case must be escalated before it can resume',
        );
      }
      return opts.resumeTo ?? 'in_progress';
    case 'submit': {
      const policy = signOffFor(c, opts.signOffPolicy as Record<Channel, SignOffPolicy>);
      if (needsFullRecord(c) && (!c.finding || !c.cause)) {
        return refusal(
          'INVALID_TRANSITION',
          '典型范例及商品质量个案须先填写原因归属和调查结论',
          'Typical and product-quality cases need the cause and finding before submission',
        );
      }
      if (policy === 'none')
        return refusal(
          'INVALID_TRANSITION',
          '此类个案无需呈报,可直接建档',
          'This case needs no sign-off; file it directly',
        );
      return policy === 'head_office' ? 'awaiting_instruction' : 'awaiting_review';
    }
    case 'file': {
      if (c.openPromiseCount > 0) {
        return refusal(
          'INVALID_TRANSITION',
          '尚有约定回复未答复:请先在“承诺”中作进展答复,再建档',
          'A promised reply is still unanswered: give its progress reply (under Promises) before filing',
        );
      }
      if (c.status === 'fed_back' && signOffFor(c, opts.signOffPolicy as Record<Channel, SignOffPolicy>) !== 'none') {
        return refusal(
          'INVALID_TRANSITION',
          '须先呈报部本部批示或领导审核,才能建档',
          'Submit the case for sign-off before filing it',
        );
      }
      if (c.status === 'fed_back' && needsFullRecord(c) && (!c.finding || !c.cause)) {
        return refusal(
          'INVALID_TRANSITION',
          '典型范例及商品质量个案须先填写原因归属和调查结论',
          'Typical and product-quality cases need the cause and finding before filing',
        );
      }
      if (c.status === 'awaiting_instruction' && !c.hasCurrentInstruction) {
        return refusal(
          'INVALID_TRANSITION',
          '尚未收到部本部批示,不能建档',
          'The head-office instruction has not arrived yet',
        );
      }
      if (c.status === 'awaiting_review' && c.reviewedAt === null) {
        return refusal('INVALID_TRANSITION', '尚未经领导审核,不能建档', 'The manager has not reviewed the case yet');
      }
      return 'filed';
    }
    case 'file_unreachable': {
      const needed = opts.unreachableAttemptsToFile ?? 2;
      if (c.unreachableAttempts < needed) {
        return refusal(
          'INVALID_TRANSITION',
          `须有 ${needed} 次联系不上的回访记录才能以顾客无法联系建档(现有 ${c.unreachableAttempts} 次)`,
          `Filing as customer unreachable needs ${needed} unreachable follow-ups (there are ${c.unreachableAttempts})`,
        );
      }
      if (needsFullRecord(c) && (!c.finding || !c.cause)) {
        return refusal(
          'INVALID_TRANSITION',
          '典型范例及商品质量个案须先填写原因归属和调查结论',
          'Typical and product-quality cases need the cause and finding before filing',
        );
      }
      return 'filed';
    }
    case 'decline':
      if (c.openPromiseCount > 0) {
        return refusal(
          'INVALID_TRANSITION',
          '尚有未答复的约定回复,请先答复顾客,再决定不予受理',
          'A promised reply is still open: answer it before deciding not to accept the case',
        );
      }
      return 'not_accepted';
    case 'reopen':
      return 'in_progress';
    default:
      return c.status;
  }
}
