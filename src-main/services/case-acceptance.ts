// Acceptance (受理 / 不予受理, SPEC §12, seed 004 "决定不予受理,并将理由书面告知"): a case is accepted at
// intake by whoever received it; the secretary office or the manager may instead decide not to accept
// it, with a reason from the branch's list, the reason in words and the competent body to turn to.
// The case is then closed (status not_accepted): it leaves the work queues, the summary counts it
// apart, and a 不予受理告知书 is printed for the customer.
import { type Actor, nextStatus, type Refusal } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { DeclineInput } from '../shared/schemas/acceptance';
import type { CaseRecord } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x;

export const declineCase = withInput(
  DeclineInput,
  function declineCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof DeclineInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'decline', (_c, f) => {
      const reasons = ctx.settings().declineReasons;
      const reason = reasons.find((r) => r.code === input.declineReason);
      if (!reason) {
        const list = reasons.map((r) => r.zh).join('、');
        throw refuse(
          'VALIDATION',
          `不予受理原因须从本店的列表中选择:${list}`,
          `Choose the reason from the branch's list: ${reasons.map((r) => r.en).join('; ')}`,
          [
            {
              field: 'declineReason',
              message: { zh: '不予受理原因:请从列表中选择', en: 'Reason: choose one from the list' },
            },
          ],
        );
      }
      const next = nextStatus('decline', f, {});
      if (isRefusal(next)) throw refuse(next.code, next.zh, next.en);
      return {
        patch: {
          status: next,
          declineReasonCode: reason.code,
          declineReasonZh: reason.zh,
          declineReasonEn: reason.en,
          declineText: input.declineText,
          declineReferTo: input.referTo,
          declinedAt: ctx.now(),
          declinedBy: actor.id,
        },
        event: {
          text: input.declineText,
          data: { reasonCode: reason.code, reason: { zh: reason.zh, en: reason.en }, referTo: input.referTo },
        },
      };
    });
  },
);
