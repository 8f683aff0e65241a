// Case details that do not move the status: notes, promised reply times and their answers, escalation outcomes,
// the next-day extension, the finding, the typical flag, and head-office instructions from sync.
import { insertRow, stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { handlingDeadline, extensionRule } from '../domain/deadlines';
import { refuse } from '../shared/errors';
import { promiseState } from '../shared/promise-state';
import {
  EscalationOutcomeInput,
  ExtendInput,
  FindingInput,
  InstructionInput,
  NoteInput,
  PromiseAnswerInput,
  PromiseInput,
  TypicalInput,
} from '../shared/schemas/case';
import type { CaseRecord } from '../shared/types';
import { authorOf, mutateCase, requireCase } from './case-store';
import { HEAD_OFFICE, type ServiceContext } from './context';
import { withInput, withInputOnly, type Parsed } from './with-input';
import { deadlineSettingsOf } from './working-calendar-cache';

export const addNote = withInput(
  NoteInput,
  function addNote(ctx: ServiceContext, actor: Actor, input: Parsed<typeof NoteInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'note', () => ({ event: { text: input.text } }));
  },
);

export const promiseReply = withInput(
  PromiseInput,
  function promiseReply(ctx: ServiceContext, actor: Actor, input: Parsed<typeof PromiseInput>): CaseRecord {
    const at = Date.parse(input.promisedAt);
    if (at <= ctx.now()) {
      throw refuse('VALIDATION', '约定回复时间须晚于现在', 'The promised reply time must be in the future', [
        {
          field: 'promisedAt',
          message: { zh: '约定回复时间:须晚于现在', en: 'Promised reply time must be in the future' },
        },
      ]);
    }
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'promise', (c) => {
      insertRow(ctx.db, 'case_promises', {
        id: ctx.newId(),
        caseId: c.id,
        promisedAt: at,
        note: input.note ?? null,
        madeBy: actor.id,
        madeAt: ctx.now(),
        answeredAt: null,
      });
      return { event: { text: input.note ?? null, data: { promisedAt: at } } };
    });
  },
);

const refuseNextPromise = () =>
  refuse('VALIDATION', '下次约定回复时间须晚于现在', 'The next promised reply time must be in the future', [
    {
      field: 'nextPromisedAt',
      message: { zh: '下次约定回复时间:须晚于现在', en: 'Next promised reply time must be in the future' },
    },
  ]);

/**
 * Answers one promise with a progress reply (进展答复): what the customer was told at the promised
 * time, even without a solution (SPEC §12). Kept when answered by its time, missed when later; either
 * way it no longer drives the deadline. A next promise may be made in the same step.
 */
export const answerPromise = withInput(
  PromiseAnswerInput,
  function answerPromise(ctx: ServiceContext, actor: Actor, input: Parsed<typeof PromiseAnswerInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'answer_promise', (c) => {
      const p = c.promises.find((x) => x.id === input.promiseId);
      if (!p)
        throw refuse('NOT_FOUND', '此个案没有该约定回复', 'This case has no such promised reply', [
          { field: 'promiseId', message: { zh: '约定回复不存在', en: 'No such promised reply' } },
        ]);
      if (p.answeredAt !== null)
        throw refuse(
          'CONFLICT',
          '该约定回复已经答复过,不能再次答复;如需再约时间,请约定新的回复时间',
          'This promised reply was already answered; promise a new reply time instead',
        );
      const now = ctx.now();
      const nextAt = input.nextPromisedAt === undefined ? null : Date.parse(input.nextPromisedAt);
      if (nextAt !== null && nextAt <= now) throw refuseNextPromise();
      const nextId = nextAt === null ? null : ctx.newId();
      if (nextId !== null) {
        insertRow(ctx.db, 'case_promises', {
          id: nextId,
          caseId: c.id,
          promisedAt: nextAt,
          note: input.nextNote ?? null,
          madeBy: actor.id,
          madeAt: now,
          answeredAt: null,
        });
      }
      stmt(
        ctx.db,
        'UPDATE case_promises SET answered_at = ?, reply_text = ?, answered_by = ?, next_promise_id = ? WHERE id = ?',
      ).run(now, input.replyText, actor.id, nextId, p.id);
      return {
        event: {
          text: input.replyText,
          data: {
            promiseId: p.id,
            promisedAt: p.promisedAt,
            state: promiseState({ promisedAt: p.promisedAt, answeredAt: now }, now),
            nextPromisedAt: nextAt,
          },
        },
      };
    });
  },
);

/**
 * The outcome of an escalation recorded earlier, once: by those who may escalate, whatever the
 * status short of filed. The timeline shows it as an escalation entry carrying the outcome.
 */
export const recordEscalationOutcome = withInput(
  EscalationOutcomeInput,
  function recordEscalationOutcome(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof EscalationOutcomeInput>,
  ): CaseRecord {
    if (!can(actor.role, 'escalate'))
      throw refuse('FORBIDDEN', '您的角色无权登记升级处理结果', 'Your role may not record an escalation outcome');
    return mutateCase(ctx, authorOf(actor), null, input.caseId, 'escalate', (c) => {
      const e = c.escalations.find((x) => x.id === input.escalationId);
      if (!e)
        throw refuse('NOT_FOUND', '此个案没有该升级记录', 'This case has no such escalation', [
          { field: 'escalationId', message: { zh: '升级记录不存在', en: 'No such escalation' } },
        ]);
      if (e.outcome !== null)
        throw refuse('CONFLICT', '该升级处理已有结果,不能再次登记', 'This escalation already has an outcome');
      if (c.status === 'filed')
        throw refuse(
          'INVALID_TRANSITION',
          '个案已建档,不能再登记升级结果',
          'The case is filed; no outcome can be added',
        );
      stmt(ctx.db, 'UPDATE case_escalations SET outcome = ? WHERE id = ?').run(input.outcome, e.id);
      return { event: { text: input.outcome, data: { escalationId: e.id, kind: e.kind, outcome: input.outcome } } };
    });
  },
);

/**
 * Phone: next day with a recorded reason; in store: next day only with the customer's consent
 * (SPEC §4). Recorded before the same-day limit passes — never to excuse a missed one.
 */
export const extendToNextDay = withInput(
  ExtendInput,
  function extendToNextDay(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ExtendInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'extend', (c) => {
      const rule = extensionRule(c.channel);
      if (rule === 'not_applicable') {
        throw refuse(
          'INVALID_TRANSITION',
          '政府职能部门转来的个案按书面回复时限处理,不能延至次日',
          'Government-body cases follow the written-reply limit; they cannot be extended to the next day',
        );
      }
      if (c.extendedAt !== null)
        throw refuse('INVALID_TRANSITION', '此个案已延至次日', 'This case is already extended to the next day');
      if (rule === 'consent' && input.customerConsent !== true) {
        throw refuse(
          'VALIDATION',
          '来店申诉须征得顾客同意才能于次日解决',
          "An in-store case may wait until the next day only with the customer's consent",
          [{ field: 'customerConsent', message: { zh: '顾客同意:须确认', en: "Customer's consent is required" } }],
        );
      }
      const sameDay = handlingDeadline(
        { channel: c.channel, receivedAt: c.receivedAt, extendedToNextDay: false },
        deadlineSettingsOf(ctx),
      );
      if (ctx.now() >= sameDay) {
        throw refuse(
          'INVALID_TRANSITION',
          '当日时限已过,不能再延至次日',
          'The same-day limit has passed; it can no longer be extended',
        );
      }
      return {
        patch: {
          extendedAt: ctx.now(),
          extensionReason: input.reason,
          extensionConsent: rule === 'consent' ? true : null,
        },
        event: { text: input.reason, data: { consent: input.customerConsent ?? null } },
      };
    });
  },
);

export const recordFinding = withInput(
  FindingInput,
  function recordFinding(ctx: ServiceContext, actor: Actor, input: Parsed<typeof FindingInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'finding', () => {
      return {
        patch: { cause: input.cause, finding: input.finding, findingAt: ctx.now() },
        event: { data: { cause: input.cause, finding: input.finding } },
      };
    });
  },
);

export const setTypical = withInput(
  TypicalInput,
  function setTypical(ctx: ServiceContext, actor: Actor, input: Parsed<typeof TypicalInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'typical', (c) => {
      if (c.typical === input.typical)
        throw refuse('CONFLICT', '典型范例标记没有变化', 'The typical-case flag is already set that way');
      return { patch: { typical: input.typical }, event: { data: { typical: input.typical } } };
    });
  },
);

/**
 * Applies a head-office instruction (批示) received through sync. Idempotent by instruction id:
 * the same instruction delivered twice is recorded once. Stored whatever the case's status,
 * so an early instruction is never lost; a case awaiting it can then be filed.
 */
export const applyInstruction = withInputOnly(
  InstructionInput,
  function applyInstruction(
    ctx: ServiceContext,
    input: Parsed<typeof InstructionInput>,
  ): { applied: boolean; case: CaseRecord } {
    return ctx.db.transaction(() => {
      const existing = stmt(ctx.db, 'SELECT 1 FROM case_instructions WHERE id = ?').get(input.instructionId);
      if (existing) return { applied: false, case: requireCase(ctx, input.caseId) };
      const after = mutateCase(ctx, HEAD_OFFICE, null, input.caseId, 'instruction', (c) => {
        insertRow(ctx.db, 'case_instructions', {
          id: input.instructionId,
          caseId: c.id,
          text: input.text,
          reviewerName: input.reviewerName,
          instructedAt: Date.parse(input.instructedAt),
          appliedAt: ctx.now(),
          kind: input.kind ?? 'instruction',
          reason: input.reason ?? null,
          supersedesId: input.supersedes ?? null,
        });
        const version = input.kind && input.kind !== 'instruction';
        const data = version
          ? { reviewerName: input.reviewerName, kind: input.kind, reason: input.reason, supersedes: input.supersedes }
          : { reviewerName: input.reviewerName };
        return { event: { text: input.text, data } };
      });
      return { applied: true, case: after };
    })();
  },
);
