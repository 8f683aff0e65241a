// Reading a case for a user: the aggregate with follow-ups, the deadline with its overdue
// state computed now, the actions this user may take (and those blocked, with why), the names
// behind its ids, and anonymous content withheld from roles that may not read it (SPEC §2.4).
import { findCaseIdByNumber } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import { type Actor, signOffFor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import { isOpenPromise } from '../shared/promise-state';
import { CaseNumberInput, CaseOnlyInput } from '../shared/schemas/case';
import type { Bilingual } from '../shared/errors';
import type { CaseRecord, CaseView } from '../shared/types';
import { actionTargets, allowedCaseActions, blockedCaseActions } from './case-blocked';
import { caseFacts, dueFor, MERGED_MAY, requireCase } from './case-store';
import { explainDeadline } from '../domain/deadlines';
import { deadlineMoveWords } from '../domain/deadline-words';
import { deadlineSettingsOf } from './working-calendar-cache';
import type { ServiceContext } from './context';
import { followUpViewParts } from './follow-up-tasks';
import { hasOpenFollowUp, maskCaseContact, mayRevealPersonal } from './personal-data';
import { caseSlips } from './slip-queues';
import { withInput, type Parsed } from './with-input';
import { linksViewOf } from './case-links-view';

export const mayReadContent = (actor: Actor, c: Pick<CaseRecord, 'anonymous'>): boolean =>
  !c.anonymous || can(actor.role, 'read_anonymous');

/** The allowed and blocked actions and where the allowed ones lead. */
function actionsFor(ctx: ServiceContext, actor: Actor, c: CaseRecord) {
  const facts = caseFacts(c);
  const opts = {
    signOffPolicy: ctx.settings().signOff,
    unreachableAttemptsToFile: ctx.settings().unreachableAttemptsToFile,
  };
  // Issue 22: a merged duplicate takes notes only (case-store.ts MERGED_MAY); undoing the merge is a link action.
  const allowed = allowedCaseActions(facts, actor, opts).filter((a) => !c.mergedInto || MERGED_MAY.has(a));
  return {
    allowedActions: [...allowed, 'print'],
    blockedActions: c.mergedInto ? [] : blockedCaseActions(facts, actor, opts),
    actionTargets: actionTargets(facts, allowed, opts),
  };
}

/** Names of the people and units a case refers to by id. */
function namesFor(ctx: ServiceContext, c: CaseRecord): Record<string, string> {
  const ids = [
    c.receivedBy,
    c.assigneeId,
    c.complainedUnitId,
    c.handlingUnitId,
    c.resolvedBy,
    c.reviewedBy,
    c.filedBy,
    c.declinedBy,
    ...c.escalations.map((e) => e.byUser),
    ...c.promises.map((p) => p.madeBy),
    ...c.promises.map((p) => p.answeredBy),
  ].filter((x): x is string => typeof x === 'string');
  const names: Record<string, string> = {};
  for (const id of new Set(ids)) {
    const row = stmt(ctx.db, 'SELECT name FROM users WHERE id = ? UNION ALL SELECT name FROM units WHERE id = ?').get(
      id,
      id,
    );
    if (row && typeof row === 'object' && 'name' in row && typeof row.name === 'string') names[id] = row.name;
  }
  return names;
}

function customerCases(ctx: ServiceContext, customerId: string, exceptId: string): CaseView['customerCases'] {
  return stmt(
    ctx.db,
    'SELECT id, number, status, received_at AS receivedAt, finding FROM cases WHERE customer_id = ? AND id <> ? ORDER BY rid DESC LIMIT 50',
  ).all(customerId, exceptId) as CaseView['customerCases'];
}

/** Why the calendar moved the handling limit of a case, in words; null when it did not (issue 21 §2). */
function deadlineWhy(ctx: ServiceContext, c: CaseRecord): Bilingual | null {
  const s = deadlineSettingsOf(ctx);
  const ex = explainDeadline(
    { channel: c.channel, receivedAt: c.receivedAt, extendedToNextDay: c.extendedAt !== null },
    s,
  );
  const working = c.channel === 'government' && s.governmentDayCount !== 'calendar';
  // Counting working days is the rule itself: words only when a holiday or closure was passed over.
  if (working && !ex.skipped.some((d) => d.reason.kind !== 'weekend')) return null;
  return deadlineMoveWords(ex, working ? s.governmentReplyDays : null);
}

export function toView(ctx: ServiceContext, actor: Actor, c: CaseRecord): CaseView {
  const readable = mayReadContent(actor, c);
  const openPromises = c.promises.filter(isOpenPromise).map((p) => p.promisedAt);
  const due = dueFor(ctx, c, openPromises);
  const fu = followUpViewParts(ctx, actor, c);
  // Masked for every viewer (a permitted role reveals with a reason), except the assignee of an open
  // follow-up of this case, who must call the customer (services/personal-data.ts).
  const inFull = hasOpenFollowUp(ctx, actor, c.id);
  const links = linksViewOf(ctx, actor, c, readable);
  // Issue 22: a limit carried from a merged duplicate (a 12315 body's) says whose it is.
  const carriedFrom = due && links.mergedFrom.find((m) => m.carriedDueAt === due.at && due.kind === 'handling');
  return {
    ...(inFull ? c : maskCaseContact(c)),
    personalData: { masked: !inFull, mayReveal: !inFull && mayRevealPersonal(ctx, actor) },
    content: readable ? c.content : null,
    expectedResolution: readable ? c.expectedResolution : null,
    events: readable ? c.events : c.events.map((e) => ({ ...e, text: null })),
    promises: readable ? c.promises : c.promises.map((p) => ({ ...p, replyText: null })),
    contentHidden: !readable,
    signOff: signOffFor(c, ctx.settings().signOff),
    followUps: fu.followUps,
    followUpProposals: fu.followUpProposals,
    followUpAssignees: fu.followUpAssignees,
    unreachableAttemptsToFile: fu.unreachableAttemptsToFile,
    customerCases: c.customerId ? customerCases(ctx, c.customerId, c.id) : [],
    due: due
      ? {
          ...due,
          overdue: due.at < ctx.now(),
          why: carriedFrom
            ? {
                zh: `并入的 ${carriedFrom.number} 的处理时限`,
                en: `the handling limit of ${carriedFrom.number}, merged in`,
              }
            : due.kind === 'handling'
              ? deadlineWhy(ctx, c)
              : null,
        }
      : null,
    ...actionsFor(ctx, actor, c),
    names: { ...namesFor(ctx, c), ...fu.followUpNames },
    slips: caseSlips(ctx, c.id),
    // Issue 22: the matter's other cases, the merge pointer, the duplicates merged in, the link actions.
    ...links,
  };
}

export const getCase = withInput(
  CaseOnlyInput,
  function getCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseView {
    return toView(ctx, actor, requireCase(ctx, input.caseId));
  },
);

export const getCaseByNumber = withInput(
  CaseNumberInput,
  function getCaseByNumber(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseNumberInput>): CaseView {
    const id = findCaseIdByNumber(ctx.db, input.number);
    if (!id)
      throw refuse('NOT_FOUND', `找不到编号为 ${input.number} 的个案`, `No case numbered ${input.number}`, [
        { field: 'number', message: { zh: '编号不存在', en: 'No such number' } },
      ]);
    return toView(ctx, actor, requireCase(ctx, id));
  },
);
