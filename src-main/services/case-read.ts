// Reading a case for a user: the aggregate with follow-ups, the deadline with its overdue
// state computed now, the actions this user may take, and anonymous content withheld from
// roles that may not read it (SPEC §2.4).
import { findCaseIdByNumber, loadFollowUps } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import { type Actor, type CaseAction, checkAllowed, nextStatus } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { CASE_ACTIONS } from '../shared/enums';
import { refuse } from '../shared/errors';
import { CaseNumberInput, CaseOnlyInput } from '../shared/schemas/case';
import type { CaseRecord, CaseView } from '../shared/types';
import { caseFacts, dueFor, requireCase } from './case-store';
import type { ServiceContext } from './context';
import { caseSlips } from './slip-queues';
import { withInput, type Parsed } from './with-input';

const CONTENT_CHECKED: CaseAction[] = ['submit', 'file', 'resume'];

export const mayReadContent = (actor: Actor, c: Pick<CaseRecord, 'anonymous'>): boolean =>
  !c.anonymous || can(actor.role, 'read_anonymous');

function allowedActions(ctx: ServiceContext, actor: Actor, c: CaseRecord): string[] {
  const facts = caseFacts(c);
  const policy = ctx.settings().signOff;
  const out = CASE_ACTIONS.filter((a) => {
    if (checkAllowed(a, facts, actor)) return false;
    if (CONTENT_CHECKED.includes(a))
      return typeof nextStatus(a, facts, { signOffPolicy: policy, resumeTo: 'in_progress' }) === 'string';
    return true;
  });
  return [...out, 'print'];
}

function customerCases(ctx: ServiceContext, customerId: string, exceptId: string): CaseView['customerCases'] {
  return stmt(
    ctx.db,
    'SELECT id, number, status, received_at AS receivedAt, finding FROM cases WHERE customer_id = ? AND id <> ? ORDER BY rid DESC LIMIT 50',
  ).all(customerId, exceptId) as CaseView['customerCases'];
}

export function toView(ctx: ServiceContext, actor: Actor, c: CaseRecord): CaseView {
  const readable = mayReadContent(actor, c);
  const openPromises = c.promises.filter((p) => p.keptAt === null).map((p) => p.promisedAt);
  const due = dueFor(ctx, c, openPromises);
  return {
    ...c,
    content: readable ? c.content : null,
    expectedResolution: readable ? c.expectedResolution : null,
    events: readable ? c.events : c.events.map((e) => ({ ...e, text: null })),
    contentHidden: !readable,
    followUps: loadFollowUps(ctx.db, c.id),
    customerCases: c.customerId ? customerCases(ctx, c.customerId, c.id) : [],
    due: due ? { ...due, overdue: due.at < ctx.now() } : null,
    allowedActions: allowedActions(ctx, actor, c),
    slips: caseSlips(ctx, c.id),
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
