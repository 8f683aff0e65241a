// Inputs of the case use cases (SPEC §3). Parsed at the service boundary; the renderer
// uses the same schemas for field messages before submit.
import { z } from 'zod';
import {
  BODY_ANSWERS,
  CAUSES,
  CHANNELS,
  ESCALATION_KINDS,
  FOLLOW_UP_OUTCOMES,
  FINDINGS,
  GOVERNMENT_BODIES,
  RESOLUTION_TYPES,
  SATISFACTIONS,
  SEVERITIES,
} from '../enums';
import { AmountFen } from '../money-input';
import { Quantity } from '../quantity-input';
import { PROMISE_REPLY_MAX } from '../promise-state';
import { Id, Instant, LocalDate, OptionalPhone, optionalText, shortText } from './common';
import { INSTRUCTION_KINDS } from '../instruction-versions';
import { IntakeSteps } from '../handling-guide';
import { StaffNo } from './admin';
import { ResolutionOfferInput } from '../resolution-offer';

export const CustomerInput = z.strictObject({
  name: optionalText(50),
  phone: OptionalPhone,
  otherContact: optionalText(100),
  preferredContactTime: optionalText(50),
});

export const GovernmentInput = z.strictObject({
  body: z.enum(GOVERNMENT_BODIES),
  bodyName: optionalText(100),
  referenceNo: shortText(50),
  contactPerson: optionalText(50),
  contactPhone: OptionalPhone,
});

/** One purchased item of a case: several may be recorded, each with its quantity (1 when not typed). */
export const PurchaseItemInput = z.strictObject({
  name: shortText(100),
  code: optionalText(50),
  quantity: Quantity.default(1),
});

export const PurchaseInput = z.strictObject({
  items: z.array(PurchaseItemInput).max(50).default([]),
  purchaseDate: LocalDate.optional(),
  receiptNo: optionalText(50),
  amountFen: AmountFen.optional(),
});

export const CaseIntakeInput = z
  .strictObject({
    channel: z.enum(CHANNELS),
    /** Steps of guided handling ticked before saving (issue 21 §3), saved with the case. */
    handlingSteps: IntakeSteps.optional(),
    receivedAt: Instant.optional(),
    severity: z.enum(SEVERITIES).default('general'),
    anonymous: z.boolean().default(false),
    customer: CustomerInput.prefault({}),
    government: GovernmentInput.optional(),
    purchase: PurchaseInput.optional(),
    content: shortText(5000),
    expectedResolution: optionalText(1000),
    categoryCode: shortText(40),
    complainedUnitId: Id.optional(),
    /** 回避: the salesperson or other member of staff the complaint is about, with her staff number. */
    complainedStaffName: optionalText(50),
    complainedStaffNo: StaffNo.optional(),
    handlingUnitId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'government' && !v.government) {
      ctx.addIssue({
        code: 'custom',
        path: ['government', 'body'],
        params: {
          zh: '政府职能部门转来的个案须填写部门及其编号',
          en: 'is required for a case forwarded by a government body',
        },
      });
    }
    if (v.channel !== 'government' && v.government) {
      ctx.addIssue({
        code: 'custom',
        path: ['government'],
        params: { zh: '只有政府职能部门渠道才填写', en: 'applies only to the government channel' },
      });
    }
    if (v.anonymous && (v.customer.name || v.customer.phone)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'name'],
        params: { zh: '匿名投诉不能填写顾客姓名或电话', en: 'must be empty for an anonymous complaint' },
      });
    }
    if (!v.anonymous && !v.customer.name && !v.customer.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'phone'],
        params: { zh: '请填写顾客姓名或电话,或勾选匿名', en: 'or name is required unless the complaint is anonymous' },
      });
    }
    if (!v.anonymous && v.channel === 'phone' && !v.customer.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'phone'],
        params: { zh: '来电申诉须留下顾客联系电话', en: 'is required for a phone complaint' },
      });
    }
  });
export type CaseIntakeInput = z.input<typeof CaseIntakeInput>;

const caseRef = { caseId: Id };

export const ForwardInput = z.strictObject({
  ...caseRef,
  handlingUnitId: Id,
  assigneeId: Id.optional(),
  note: optionalText(2000),
});
export const NoteInput = z.strictObject({ ...caseRef, text: shortText(2000) });
export const PromiseInput = z.strictObject({ ...caseRef, promisedAt: Instant, note: optionalText(500) });
/** A progress reply (进展答复) answering one promise, with an optional next promise made in the same step. */
export const PromiseAnswerInput = z.strictObject({
  ...caseRef,
  promiseId: Id,
  replyText: shortText(PROMISE_REPLY_MAX),
  nextPromisedAt: Instant.optional(),
  nextNote: optionalText(500),
});
export const ExtendInput = z.strictObject({
  ...caseRef,
  reason: shortText(500),
  customerConsent: z.boolean().optional(),
});
export const ResolveInput = z.strictObject({
  ...caseRef,
  type: z.enum(RESOLUTION_TYPES),
  summary: shortText(2000),
  amountFen: AmountFen.optional(),
  slipNumbers: z.array(shortText(40)).max(20).default([]),
  /** In store: resolved at the counter while the customer is there (the handling clock stops now). */
  atCounter: z.boolean().default(false),
  /** Offering choices (issue 21 §3): optional; when options are given, the one chosen or none accepted. */
  offer: ResolutionOfferInput.optional(),
});
export const FeedbackInput = z.strictObject({
  ...caseRef,
  fedBackAt: Instant.optional(),
  satisfaction: z.enum(SATISFACTIONS).optional(),
  /** The customer's dispute (有疑义): required except on a government case, where the body answers instead. */
  disputed: z.boolean().optional(),
  /** Government channel only: the body's answer (无异议 / 有异议), its note, and the written reply date (branch time). */
  bodyAnswer: z.enum(BODY_ANSWERS).optional(),
  bodyAnswerNote: optionalText(1000),
  writtenReplyDate: LocalDate.optional(),
  note: optionalText(2000),
});
export const EscalateInput = z.strictObject({
  ...caseRef,
  kind: z.enum(ESCALATION_KINDS),
  note: shortText(2000),
  outcome: optionalText(2000),
});
/** The outcome of an escalation recorded earlier (once). */
export const EscalationOutcomeInput = z.strictObject({ ...caseRef, escalationId: Id, outcome: shortText(2000) });
export const ResumeInput = z.strictObject({
  ...caseRef,
  to: z.enum(['in_progress', 'resolved']),
  reason: shortText(1000),
});
export const FindingInput = z.strictObject({ ...caseRef, cause: z.enum(CAUSES), finding: z.enum(FINDINGS) });
export const TypicalInput = z.strictObject({ ...caseRef, typical: z.boolean() });
export const CaseOnlyInput = z.strictObject(caseRef);
export const CaseNumberInput = z.strictObject({ number: shortText(40) });
export const ReviewInput = z.strictObject({ ...caseRef, text: shortText(2000) });
export const ReasonInput = z.strictObject({ ...caseRef, reason: shortText(1000) });
/** A follow-up (回访) to make: when, by whom (default: the one scheduling it), and what to ask. */
export const FollowUpScheduleInput = z.strictObject({
  ...caseRef,
  dueDate: LocalDate,
  assigneeId: Id.optional(),
  note: optionalText(500),
});
/** A follow-up made: its outcome code, a note on it, and when (default now). */
export const FollowUpCompleteInput = z.strictObject({
  followUpId: Id,
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  result: optionalText(500),
  doneAt: Instant.optional(),
});

/** A head-office instruction (批示) as it arrives through sync. */
export const InstructionInput = z.strictObject({
  instructionId: Id,
  caseId: Id,
  text: shortText(4000),
  reviewerName: shortText(50),
  instructedAt: Instant,
  /** A correction or withdrawal of the 批示 `supersedes`, with its reason (absent: a plain 批示). */
  kind: z.enum(INSTRUCTION_KINDS).optional(),
  reason: optionalText(500),
  supersedes: Id.optional(),
});
