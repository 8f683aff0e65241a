// The seeds' signs of a malicious complaint recorded on a case (issue 18 §3, seed 004): told the rules
// and persists, 纠缠, fabricated evidence, and 驳回 (a rejection with its reason). Each is a timeline
// event of the case (kind complainant_sign: audited, in the case snapshot head office receives).
// A 驳回 needs the secretary or the manager and the repeat-complainant threshold, counting this
// branch's unfounded findings and other branches' as of the last sync; registration is never refused.
import type { Actor } from '../domain/case-machine';
import { twelveMonthsBefore } from '../domain/business-time';
import { can } from '../domain/permissions';
import { REPEAT_UNFOUNDED_THRESHOLD, reachesThreshold } from '../domain/repeat-threshold';
import { refuse } from '../shared/errors';
import { ComplainantSignInput } from '../shared/schemas/cross-branch';
import type { CaseRecord } from '../shared/types';
import { otherBranchesUnfounded } from '../db/repositories/cross-branch-repo';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** The customer's unfounded findings in the last 12 months: here, and at other branches as of the last sync. */
export function unfoundedCounts(ctx: ServiceContext, c: CaseRecord): { local: number; others: number } {
  const since = twelveMonthsBefore(ctx.now(), ctx.settings().timeZone);
  const local = c.customerId
    ? (
        ctx.db
          .prepare(
            "SELECT count(*) AS n FROM cases WHERE customer_id = ? AND finding = 'unfounded' AND finding_at >= ?",
          )
          .get(c.customerId, since) as { n: number }
      ).n
    : 0;
  const others = c.customerPhone ? (otherBranchesUnfounded(ctx.db, c.customerPhone)?.unfounded ?? 0) : 0;
  return { local, others };
}

function requireMayReject(ctx: ServiceContext, actor: Actor, c: CaseRecord): void {
  if (!can(actor.role, 'decline'))
    throw refuse('FORBIDDEN', '只有秘书室或店长可以驳回', 'Only the secretary or the manager may reject');
  const { local, others } = unfoundedCounts(ctx, c);
  if (!reachesThreshold(local, others))
    throw refuse(
      'CONFLICT',
      `只有近 12 个月失实达到 ${REPEAT_UNFOUNDED_THRESHOLD} 次的顾客才能驳回:本店 ${local} 次,其他门店 ${others} 次(截至上次同步)`,
      `A rejection needs ${REPEAT_UNFOUNDED_THRESHOLD} unfounded findings in the last 12 months: ${local} here, ${others} at other branches (as of the last sync)`,
      [{ field: 'sign', message: { zh: '未达到重复投诉门槛', en: 'below the repeat-complainant threshold' } }],
    );
}

export const recordComplainantSign = withInput(
  ComplainantSignInput,
  function recordComplainantSign(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof ComplainantSignInput>,
  ): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'complainant_sign', (c) => {
      if (c.anonymous) throw refuse('CONFLICT', '匿名个案没有可记录的投诉人', 'An anonymous case names no complainant');
      if (input.sign === 'rejected') requireMayReject(ctx, actor, c);
      return { event: { text: input.reason ?? null, data: { sign: input.sign } } };
    });
  },
);
