// What the case screen shows beside the allowed actions: the actions this user's role could take
// that the case's state blocks, each with what has to happen first (no silent dead ends), and
// the status each allowed action moves the case to (what the confirmation dialog says).
import { type Actor, type CaseAction, type CaseFacts, checkAllowed, nextStatus } from '../domain/case-machine';
import { recusalOf } from '../domain/recusal';
import type { CaseStatus, Channel, SignOffPolicy } from '../shared/enums';
import { CASE_ACTIONS } from '../shared/enums';
import type { Bilingual } from '../shared/errors';

type Opts = { signOffPolicy: Record<Channel, SignOffPolicy>; unreachableAttemptsToFile?: number };

/** Actions whose status check depends on the case's content (finding, promises, sign-off). */
export const CONTENT_CHECKED: CaseAction[] = ['submit', 'file', 'resume', 'file_unreachable', 'decline'];

const FEED_BACK_FIRST: Bilingual = { zh: '请先反馈顾客', en: 'Feed back to the customer first' };
const RESOLVE_FIRST: Bilingual = { zh: '请先记录处理结果', en: 'Record the resolution first' };
const DISPUTED_FIRST: Bilingual = {
  zh: '顾客有疑义:请先升级处理,再恢复处理',
  en: 'The customer disputes the result: escalate, then resume first',
};

/** On a government case the branch replies to the body, and the body (not the customer) objects (procedure 3). */
const GOVERNMENT_WORDS = new Map<Bilingual, Bilingual>([
  [
    FEED_BACK_FIRST,
    { zh: '请先书面答复部门并记录部门答复', en: "Reply to the body in writing and record the body's answer first" },
  ],
  [
    DISPUTED_FIRST,
    {
      zh: '部门有异议:请先登记升级“随营业干部赴政府部门”,再恢复处理',
      en: 'The body objects: record the visit to the government body, then resume first',
    },
  ],
]);

/** The next step of the procedure, for the main-line actions a case is not yet ready for. */
const PREREQUISITES: Partial<Record<CaseAction, Partial<Record<CaseStatus, Bilingual>>>> = {
  feedback: { registered: RESOLVE_FIRST, in_progress: RESOLVE_FIRST },
  submit: {
    registered: RESOLVE_FIRST,
    in_progress: RESOLVE_FIRST,
    resolved: FEED_BACK_FIRST,
    disputed: DISPUTED_FIRST,
  },
  file: { registered: RESOLVE_FIRST, in_progress: RESOLVE_FIRST, resolved: FEED_BACK_FIRST, disputed: DISPUTED_FIRST },
  finding: { registered: { zh: '请先转交处理', en: 'Forward the case first' } },
  file_unreachable: { registered: RESOLVE_FIRST, in_progress: RESOLVE_FIRST },
};

/** The allowed actions (those the machine accepts now, content checks included). */
export function allowedCaseActions(facts: CaseFacts, actor: Actor, opts: Opts): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    if (checkAllowed(a, facts, actor) || recusalOf(a, facts.complainedStaffNo, actor)) return false;
    // Answering is offered on each open promise; with none there is nothing to answer.
    if (a === 'answer_promise' && facts.openPromiseCount === 0) return false;
    if (CONTENT_CHECKED.includes(a))
      return typeof nextStatus(a, facts, { ...opts, resumeTo: 'in_progress' }) === 'string';
    return true;
  });
}

/** Actions the role may take but the case's state blocks, with the reason in both languages. */
export function blockedCaseActions(
  facts: CaseFacts,
  actor: Actor,
  opts: Opts,
): { action: CaseAction; reason: Bilingual }[] {
  const out: { action: CaseAction; reason: Bilingual }[] = [];
  for (const a of CASE_ACTIONS) {
    const refused = checkAllowed(a, facts, actor);
    if (refused?.code === 'FORBIDDEN') continue;
    if (refused) {
      const first = PREREQUISITES[a]?.[facts.status];
      if (first)
        out.push({ action: a, reason: (facts.channel === 'government' && GOVERNMENT_WORDS.get(first)) || first });
      continue;
    }
    // 回避: the staff this case is about could act now but must stand aside.
    const recused = recusalOf(a, facts.complainedStaffNo, actor);
    if (recused) {
      out.push({ action: a, reason: recused });
      continue;
    }
    if (!CONTENT_CHECKED.includes(a)) continue;
    const next = nextStatus(a, facts, { ...opts, resumeTo: 'in_progress' });
    if (typeof next !== 'string') out.push({ action: a, reason: { zh: next.zh, en: next.en } });
  }
  return out;
}

/** Where each allowed action that moves the case takes it (feedback and resume depend on the input). */
export function actionTargets(
  facts: CaseFacts,
  allowed: readonly CaseAction[],
  opts: Opts,
): Partial<Record<CaseAction, CaseStatus>> {
  const out: Partial<Record<CaseAction, CaseStatus>> = {};
  for (const a of allowed) {
    if (a === 'feedback' || a === 'resume') continue;
    const next = nextStatus(a, facts, opts);
    if (typeof next === 'string' && next !== facts.status) out[a] = next;
  }
  return out;
}
