// Status transitions of a case (SPEC §3): forward → resolve → feed back → submit → file,
// the dispute loop with escalation, manager review, and reopening.
import { insertRow, stmt } from '../db/statements';
import { type Actor, nextStatus, type Refusal } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import {
  CaseOnlyInput,
  EscalateInput,
  FeedbackInput,
  ForwardInput,
  ReasonInput,
  ResolveInput,
  ResumeInput,
  ReviewInput,
} from '../shared/schemas/case';
import { offerToStore } from '../shared/resolution-offer';
import { type ResolutionWarning, resolutionWarnings } from '../shared/resolution-warnings';
import type { CaseRecord } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { feedbackAnswer } from './government';
import { requireActiveUnit, requireActiveUser, requireAssignable } from './reference-checks';
import { resolutionSlipNumbers } from './slip-links';
import { withInput, type Parsed } from './with-input';

const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x;

function statusOrThrow(x: ReturnType<typeof nextStatus>) {
  if (isRefusal(x)) throw refuse(x.code, x.zh, x.en);
  return x;
}

/** 回避: the staff this case is about cannot be made its handler. */
export const forwardCase = withInput(
  ForwardInput,
  function forwardCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ForwardInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'forward', (c, f) => {
      requireActiveUnit(ctx, input.handlingUnitId, 'handlingUnitId');
      if (input.assigneeId) {
        requireActiveUser(ctx, input.assigneeId, 'assigneeId');
        requireAssignable(ctx, c.complainedStaffNo, input.assigneeId);
      }
      return {
        patch: {
          status: statusOrThrow(nextStatus('forward', f, {})),
          handlingUnitId: input.handlingUnitId,
          assigneeId: input.assigneeId ?? c.assigneeId,
        },
        event: {
          text: input.note ?? null,
          data: { handlingUnitId: input.handlingUnitId, assigneeId: input.assigneeId ?? null },
        },
      };
    });
  },
);

/** The resolved case and what the handler should still do (a warning never undoes the resolution). */
export type ResolvedCase = CaseRecord & { warnings: ResolutionWarning[] };

export const resolveCase = withInput(
  ResolveInput,
  function resolveCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ResolveInput>): ResolvedCase {
    const needsAmount = ['refund', 'compensation', 'exchange'].includes(input.type);
    let warnings: ResolutionWarning[] = [];
    const offer = offerToStore(input.offer);
    const resolved = mutateCase(ctx, authorOf(actor), actor, input.caseId, 'resolve', (c, f) => {
      const slips = resolutionSlipNumbers(ctx, c.id, input.slipNumbers);
      warnings = resolutionWarnings(input.type, input.amountFen, slips.numbers.length + slips.linkedSlips);
      if (needsAmount && input.amountFen === undefined && slips.numbers.length === 0 && slips.linkedSlips === 0) {
        throw refuse(
          'VALIDATION',
          '退货、换货或补偿须填写金额或关联退换货单',
          'A refund, exchange or compensation needs an amount or a linked slip',
          [{ field: 'amountFen', message: { zh: '金额:须填写', en: 'Amount is required' } }],
        );
      }
      if (input.atCounter && c.channel !== 'in_store') {
        throw refuse('VALIDATION', '只有来店申诉可以当场解决', 'Only an in-store case can be resolved at the counter', [
          {
            field: 'atCounter',
            message: { zh: '当场解决:只适用于来店申诉', en: 'At the counter applies to in-store cases only' },
          },
        ]);
      }
      return {
        patch: {
          status: statusOrThrow(nextStatus('resolve', f, {})),
          counterResolvedAt: input.atCounter ? ctx.now() : c.counterResolvedAt,
          handlingUnitId: c.handlingUnitId ?? c.complainedUnitId ?? actor.unitId,
          resolutionType: input.type,
          resolutionSummary: input.summary,
          resolutionAmountFen: input.amountFen ?? null,
          slipNumbers: JSON.stringify(slips.numbers),
          resolutionOffer: offer === null ? null : JSON.stringify(offer),
          resolvedAt: ctx.now(),
          resolvedBy: actor.id,
        },
        event: {
          text: input.summary,
          data: { type: input.type, amountFen: input.amountFen ?? null, atCounter: input.atCounter, offer },
        },
      };
    });
    return { ...resolved, warnings };
  },
);

export const recordFeedback = withInput(
  FeedbackInput,
  function recordFeedback(ctx: ServiceContext, actor: Actor, input: Parsed<typeof FeedbackInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'feedback', (c, f) => {
      // A government body accepts or objects; an anonymous customer cannot be asked.
      if (c.channel !== 'government' && !c.anonymous && !input.satisfaction) {
        throw refuse('VALIDATION', '满意度:须填写', 'Satisfaction is required', [
          { field: 'satisfaction', message: { zh: '满意度:须填写', en: 'Satisfaction is required' } },
        ]);
      }
      const now = ctx.now();
      const at = input.fedBackAt ? Date.parse(input.fedBackAt) : now;
      if (at > now + 5 * 60_000 || at < c.receivedAt || (c.resolvedAt !== null && at < c.resolvedAt)) {
        throw refuse(
          'VALIDATION',
          '反馈时间须在受理和处理之后,且不晚于现在',
          'The feedback time must be after receipt and resolution and not in the future',
          [{ field: 'fedBackAt', message: { zh: '反馈时间不正确', en: 'Fed back at is out of range' } }],
        );
      }
      // The customer's dispute flag, or on a government case the body's answer and the written reply date.
      const answer = feedbackAnswer(c, input, now, ctx.settings().timeZone);
      // Feeding back answers every reply promised so far (kept if by its time, else missed); the note is what was said.
      stmt(
        ctx.db,
        'UPDATE case_promises SET answered_at = ?, reply_text = ?, answered_by = ? WHERE case_id = ? AND answered_at IS NULL',
      ).run(at, input.note ?? null, actor.id, c.id);
      return {
        patch: {
          status: statusOrThrow(nextStatus('feedback', f, { disputed: answer.disputes })),
          fedBackAt: at,
          firstFedBackAt: c.firstFedBackAt ?? at,
          satisfaction: input.satisfaction ?? null,
          ...answer.patch,
          disputedAt: answer.disputes ? now : c.disputedAt,
        },
        event: {
          text: input.note ?? null,
          data: { satisfaction: input.satisfaction ?? null, ...answer.patch },
        },
      };
    });
  },
);

export const escalateCase = withInput(
  EscalateInput,
  function escalateCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof EscalateInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'escalate', (c) => {
      insertRow(ctx.db, 'case_escalations', {
        id: ctx.newId(),
        caseId: c.id,
        kind: input.kind,
        note: input.note,
        outcome: input.outcome ?? null,
        byUser: actor.id,
        at: ctx.now(),
      });
      return { event: { text: input.note, data: { kind: input.kind, outcome: input.outcome ?? null } } };
    });
  },
);

export const resumeCase = withInput(
  ResumeInput,
  function resumeCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ResumeInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'resume', (_c, f) => ({
      patch: { status: statusOrThrow(nextStatus('resume', f, { resumeTo: input.to })) },
      event: { text: input.reason, data: { to: input.to } },
    }));
  },
);

export const submitCase = withInput(
  CaseOnlyInput,
  function submitCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'submit', (_c, f) => {
      const status = statusOrThrow(nextStatus('submit', f, { signOffPolicy: ctx.settings().signOff }));
      // Where it went (head office or the manager's review) names the event (shared/event-label.ts).
      return { patch: { status, submittedAt: ctx.now() }, event: { data: { to: status } } };
    });
  },
);

export const reviewCase = withInput(
  ReviewInput,
  function reviewCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ReviewInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'review', () => ({
      patch: { reviewText: input.text, reviewedBy: actor.id, reviewedAt: ctx.now() },
      event: { text: input.text },
    }));
  },
);

export const fileCase = withInput(
  CaseOnlyInput,
  function fileCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'file', (_c, f) => ({
      patch: {
        status: statusOrThrow(nextStatus('file', f, { signOffPolicy: ctx.settings().signOff })),
        filedAt: ctx.now(),
        filedBy: actor.id,
      },
      event: {},
    }));
  },
);

export const reopenCase = withInput(
  ReasonInput,
  function reopenCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ReasonInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'reopen', (c, f) => ({
      patch: {
        status: statusOrThrow(nextStatus('reopen', f, {})),
        reopenedAt: ctx.now(),
        reopenCount: c.reopenCount + 1,
        filedAt: null,
        filedBy: null,
        filingReason: null,
        submittedAt: null,
        reviewText: null,
        reviewedBy: null,
        reviewedAt: null,
        // Reopening a case not accepted (不予受理) accepts it; the timeline and audit keep the decision.
        declineReasonCode: null,
        declineReasonZh: null,
        declineReasonEn: null,
        declineText: null,
        declineReferTo: null,
        declinedAt: null,
        declinedBy: null,
      },
      event: { text: input.reason },
    }));
  },
);
