// Follow-ups as tasks on the case screen: the follow-ups the branch's setting asks for after
// feedback, proposed (not created) with a due date and a default assignee for the secretary to
// confirm or change; the staff they may be assigned to; and filing a case whose customer could
// not be reached after the set number of attempts as "customer unreachable" (顾客无法联系).
import { loadFollowUps } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import { addDays, localDateOf } from '../domain/business-time';
import { type Actor, nextStatus, type Refusal } from '../domain/case-machine';
import { can } from '../domain/permissions';
import type { Role } from '../shared/enums';
import { refuse } from '../shared/errors';
import { CaseOnlyInput } from '../shared/schemas/case';
import type { CaseRecord, CaseView, FollowUp, FollowUpProposal } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The follow-ups still to propose: those of the setting (days after feedback) not yet scheduled,
 * then, while the customer has not been reached and attempts remain, one more attempt the next day.
 * Only after feedback, before filing, and only to those who may schedule follow-ups.
 */
export function proposeFollowUps(
  ctx: ServiceContext,
  actor: Actor,
  c: Pick<CaseRecord, 'status' | 'fedBackAt' | 'firstFedBackAt' | 'unreachableAttempts'>,
  followUps: readonly FollowUp[],
): FollowUpProposal[] {
  const fed = c.fedBackAt ?? c.firstFedBackAt;
  if (fed === null || c.status === 'filed' || !can(actor.role, 'follow_up')) return [];
  const s = ctx.settings();
  const today = localDateOf(ctx.now(), s.timeZone);
  const base = localDateOf(fed, s.timeZone);
  const planned = s.followUpDays.slice(followUps.length).map((days, i) => ({
    index: followUps.length + i,
    dueDate: later(addDays(base, days), today),
    assigneeId: actor.id,
  }));
  if (planned.length > 0) return planned;
  const last = followUps[followUps.length - 1];
  const open = followUps.some((f) => f.doneAt === null);
  if (!last || open || last.outcome !== 'unreachable' || c.unreachableAttempts >= s.unreachableAttemptsToFile)
    return [];
  return [{ index: null, dueDate: addDays(today, 1), assigneeId: last.assigneeId ?? actor.id }];
}

/** Active staff, the viewer first, then the case's handler, then by staff number. */
function assignees(ctx: ServiceContext, actor: Actor, handlerId: string | null): CaseView['followUpAssignees'] {
  const rows = stmt(ctx.db, 'SELECT id, name, role FROM users WHERE active = 1 ORDER BY staff_no').all() as {
    id: string;
    name: string;
    role: Role;
  }[];
  const rank = (id: string) => (id === actor.id ? 0 : id === handlerId ? 1 : 2);
  return [...rows].sort((a, b) => rank(a.id) - rank(b.id));
}

/** The case view's follow-up part: the follow-ups, what to propose, whom to assign, and the names behind their ids. */
export function followUpViewParts(ctx: ServiceContext, actor: Actor, c: CaseRecord) {
  const followUps = loadFollowUps(ctx.db, c.id);
  const mayAssign = can(actor.role, 'follow_up');
  const staff = mayAssign ? assignees(ctx, actor, c.assigneeId) : [];
  const names: Record<string, string> = {};
  const ids = new Set(followUps.flatMap((f) => [f.assigneeId, f.doneBy, f.scheduledBy]));
  for (const id of ids) {
    if (id === null) continue;
    const row = stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').get(id) as { name: string } | undefined;
    if (row) names[id] = row.name;
  }
  return {
    followUps,
    followUpProposals: proposeFollowUps(ctx, actor, c, followUps),
    followUpAssignees: staff,
    unreachableAttemptsToFile: ctx.settings().unreachableAttemptsToFile,
    followUpNames: names,
  };
}

const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x;

/** Files the case as "customer unreachable": allowed once the set number of follow-ups ended unreachable. */
export const fileUnreachable = withInput(
  CaseOnlyInput,
  function fileUnreachable(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'file_unreachable', (c, f) => {
      const next = nextStatus('file_unreachable', f, {
        unreachableAttemptsToFile: ctx.settings().unreachableAttemptsToFile,
      });
      if (isRefusal(next)) throw refuse(next.code, next.zh, next.en);
      return {
        patch: { status: next, filedAt: ctx.now(), filedBy: actor.id, filingReason: 'customer_unreachable' },
        event: { data: { filingReason: 'customer_unreachable', unreachableAttempts: c.unreachableAttempts } },
      };
    });
  },
);
