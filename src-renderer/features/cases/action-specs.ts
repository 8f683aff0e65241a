// What each case action asks for and which channel it calls. Data, not one component per
// action: the dialog renders the fields, validates them with the channel's own schema
// from the contract and sends the input.
import type { TFunction } from 'i18next';
import {
  BODY_ANSWERS,
  CAUSES,
  CHANNELS,
  COMPLAINANT_SIGNS,
  type Channel as CaseChannel,
  ESCALATION_KINDS,
  FINDINGS,
  FOLLOW_UP_OUTCOMES,
  RESOLUTION_TYPES,
  SATISFACTIONS,
} from '../../../src-main/shared/enums';
import type { Channel } from '../../../src-main/shared/ipc/contract';
import type { CaseView } from '../../../src-main/shared/types';
import { PROMISE_REPLY_MAX } from '../../../src-main/shared/promise-state';
import type { Bilingual } from '../../../src-main/shared/errors';
import { resolutionWarnings } from '../../../src-main/shared/resolution-warnings';
import { toFen } from '../../lib/format';
import { offerInput } from './offer-form';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'money'
  | 'yesno'
  | 'datetime'
  | 'date'
  | 'units'
  /** The branch's list of reasons for 不予受理 (settings.declineReasons). */
  | 'declineReasons'
  /** Who a follow-up is assigned to: the case's followUpAssignees (the viewer first, then the handler, then active staff). */
  | 'assignee'
  /** The options offered to the customer and the one chosen (ResolutionOfferField; its state as JSON text). */
  | 'offer';

export interface ActionField {
  name: string;
  kind: FieldKind;
  /** i18n key of the label. */
  label: string;
  required?: boolean;
  /** The schema path when it differs from the name (money is typed in yuan, sent in fen). */
  path?: string;
  options?: (t: TFunction) => { value: string; label: string }[];
  /** Asked only on cases that came in by these channels (absent: every case). */
  channels?: readonly CaseChannel[];
  /** A text's limit, shown as a counter (the schema's own limit). */
  max?: number;
  /** Marked required on the cases where main requires it (e.g. the first written reply date). */
  requiredOn?: (c: CaseView) => boolean;
  /** The value the field starts with on this case. */
  initial?: (c: CaseView) => string | undefined;
}

export interface ActionSpec {
  channel: Channel;
  fields: ActionField[];
  /** `targetId` is the case, except for the escalation, follow-up and slip actions at the end (`caseId` is then their case). */
  build: (targetId: string, v: Record<string, string>, caseId: string) => Record<string, unknown>;
  /** Warnings shown while the form is filled in (never a refusal): main's own rule on the values typed so far. */
  hints?: (v: Record<string, string>, c: CaseView | undefined) => Bilingual[];
}

const opts = (values: readonly string[], ns: string) => (t: TFunction) =>
  values.map((value) => ({ value, label: t(`${ns}.${value}`) }));
const optional = (s: string | undefined) => (s && s.trim() ? s : undefined);
const yesNo = (s: string | undefined) => (s === 'yes' ? true : s === 'no' ? false : undefined);
const money = (s: string | undefined) => (s && s.trim() ? (toFen(s) ?? -1) : undefined);
const splitSlipNumbers = (s: string | undefined) => (s ?? '').split(/[,,\s]+/).filter(Boolean);
const instant = (s: string | undefined) => (s ? new Date(s).toISOString() : undefined);

const note: ActionField = { name: 'note', kind: 'textarea', label: 'field.note' };
const NOT_GOVERNMENT = CHANNELS.filter((c) => c !== 'government');

export const ACTION_SPECS: Record<string, ActionSpec> = {
  decline: {
    channel: 'cases.decline',
    fields: [
      { name: 'declineReason', kind: 'declineReasons', label: 'field.declineReason', required: true },
      { name: 'declineText', kind: 'textarea', label: 'field.declineText', required: true, max: 1000 },
      { name: 'referTo', kind: 'text', label: 'field.referTo', required: true, max: 200 },
    ],
    build: (caseId, v) => ({
      caseId,
      declineReason: v.declineReason ?? '',
      declineText: v.declineText ?? '',
      referTo: v.referTo ?? '',
    }),
  },
  forward: {
    channel: 'cases.forward',
    fields: [{ name: 'handlingUnitId', kind: 'units', label: 'field.handlingUnit', required: true }, note],
    build: (caseId, v) => ({ caseId, handlingUnitId: v.handlingUnitId ?? '', note: optional(v.note) }),
  },
  resolve: {
    channel: 'cases.resolve',
    fields: [
      {
        name: 'type',
        kind: 'select',
        label: 'field.type',
        required: true,
        options: opts(RESOLUTION_TYPES, 'resolution'),
      },
      { name: 'summary', kind: 'textarea', label: 'field.summary', required: true },
      { name: 'amount', kind: 'money', label: 'field.amount', path: 'amountFen' },
      { name: 'slipNumbers', kind: 'text', label: 'field.slipNumbers' },
      // In store the limit is met at the counter when the customer is there (SPEC §4).
      { name: 'atCounter', kind: 'yesno', label: 'field.atCounter', channels: ['in_store'] },
      // Offering choices (issue 21 §3): optional; once an option is added, the choice is asked.
      { name: 'offer', kind: 'offer', label: 'offer.heading', path: 'offer.options' },
    ],
    build: (caseId, v) => ({
      caseId,
      type: v.type,
      summary: v.summary ?? '',
      amountFen: money(v.amount),
      slipNumbers: splitSlipNumbers(v.slipNumbers),
      atCounter: yesNo(v.atCounter) ?? false,
      offer: offerInput(v.offer),
    }),
    hints: (v, c) =>
      resolutionWarnings(
        v.type ?? '',
        money(v.amount),
        splitSlipNumbers(v.slipNumbers).length + (c?.slips ?? []).filter((s) => s.status !== 'void').length,
      ).map((w) => w.message),
  },
  feedback: {
    channel: 'cases.feedback',
    fields: [
      {
        name: 'satisfaction',
        kind: 'select',
        label: 'field.satisfaction',
        options: opts(SATISFACTIONS, 'satisfaction'),
      },
      // The customer disputes; on a government case the body answers instead (procedure 3.C).
      { name: 'disputed', kind: 'yesno', label: 'field.disputed', required: true, channels: NOT_GOVERNMENT },
      {
        name: 'bodyAnswer',
        kind: 'select',
        label: 'government.bodyAnswer',
        required: true,
        options: opts(BODY_ANSWERS, 'bodyAnswer'),
        channels: ['government'],
      },
      // Required the first time the branch answers the body (main refuses it missing then); later it may stay.
      {
        name: 'writtenReplyDate',
        kind: 'date',
        label: 'government.writtenReplyDate',
        channels: ['government'],
        requiredOn: (c) => c.writtenReplyDate === null,
      },
      { name: 'bodyAnswerNote', kind: 'textarea', label: 'government.bodyAnswerNote', channels: ['government'] },
      // Empty: now. A feedback given earlier (by phone last night) is recorded at its time.
      { name: 'fedBackAt', kind: 'datetime', label: 'field.fedBackAt' },
      note,
    ],
    build: (caseId, v) => ({
      caseId,
      satisfaction: optional(v.satisfaction),
      disputed: yesNo(v.disputed),
      bodyAnswer: optional(v.bodyAnswer),
      bodyAnswerNote: optional(v.bodyAnswerNote),
      writtenReplyDate: optional(v.writtenReplyDate),
      fedBackAt: instant(v.fedBackAt),
      note: optional(v.note),
    }),
  },
  escalate: {
    channel: 'cases.escalate',
    fields: [
      {
        name: 'kind',
        kind: 'select',
        label: 'field.kind',
        required: true,
        options: opts(ESCALATION_KINDS, 'escalation'),
      },
      { name: 'note', kind: 'textarea', label: 'field.note', required: true },
      { name: 'outcome', kind: 'textarea', label: 'field.outcome' },
    ],
    build: (caseId, v) => ({ caseId, kind: v.kind, note: v.note ?? '', outcome: optional(v.outcome) }),
  },
  resume: {
    channel: 'cases.resume',
    fields: [
      {
        name: 'to',
        kind: 'select',
        label: 'field.to',
        required: true,
        options: (t) => ['in_progress', 'resolved'].map((value) => ({ value, label: t(`status.${value}`) })),
      },
      { name: 'reason', kind: 'textarea', label: 'field.reason', required: true },
    ],
    build: (caseId, v) => ({ caseId, to: v.to, reason: v.reason ?? '' }),
  },
  submit: { channel: 'cases.submit', fields: [], build: (caseId) => ({ caseId }) },
  review: {
    channel: 'cases.review',
    fields: [{ name: 'text', kind: 'textarea', label: 'field.text', required: true }],
    build: (caseId, v) => ({ caseId, text: v.text ?? '' }),
  },
  file: { channel: 'cases.file', fields: [], build: (caseId) => ({ caseId }) },
  reopen: {
    channel: 'cases.reopen',
    fields: [{ name: 'reason', kind: 'textarea', label: 'field.reason', required: true }],
    build: (caseId, v) => ({ caseId, reason: v.reason ?? '' }),
  },
  note: {
    channel: 'cases.addNote',
    fields: [{ name: 'text', kind: 'textarea', label: 'field.text', required: true }],
    build: (caseId, v) => ({ caseId, text: v.text ?? '' }),
  },
  promise: {
    channel: 'cases.promise',
    fields: [{ name: 'promisedAt', kind: 'datetime', label: 'field.promisedAt', required: true }, note],
    build: (caseId, v) => ({ caseId, promisedAt: instant(v.promisedAt), note: optional(v.note) }),
  },
  extend: {
    channel: 'cases.extend',
    fields: [
      { name: 'reason', kind: 'textarea', label: 'field.reason', required: true },
      { name: 'customerConsent', kind: 'yesno', label: 'field.consent' },
    ],
    build: (caseId, v) => ({ caseId, reason: v.reason ?? '', customerConsent: yesNo(v.customerConsent) }),
  },
  finding: {
    channel: 'cases.finding',
    fields: [
      { name: 'cause', kind: 'select', label: 'field.cause', required: true, options: opts(CAUSES, 'cause') },
      { name: 'finding', kind: 'select', label: 'field.finding', required: true, options: opts(FINDINGS, 'finding') },
    ],
    build: (caseId, v) => ({ caseId, cause: v.cause, finding: v.finding }),
  },
  // Issue 18 §3: the complainant's conduct; a 驳回 needs its reason (main checks the threshold).
  complainant_sign: {
    channel: 'cases.complainantSign',
    fields: [
      {
        name: 'sign',
        kind: 'select',
        label: 'crossBranch.signField',
        required: true,
        options: opts(COMPLAINANT_SIGNS, 'crossBranch.sign'),
      },
      { name: 'reason', kind: 'textarea', label: 'crossBranch.reasonField', max: 1000 },
    ],
    build: (caseId, v) => ({ caseId, sign: v.sign, reason: optional(v.reason) }),
  },
  typical: {
    channel: 'cases.typical',
    fields: [{ name: 'typical', kind: 'yesno', label: 'field.typical', required: true }],
    build: (caseId, v) => ({ caseId, typical: yesNo(v.typical) }),
  },
  follow_up: {
    channel: 'followUps.schedule',
    fields: [
      { name: 'dueDate', kind: 'date', label: 'field.dueDate', required: true },
      // As the proposals in the 回访 group: the one scheduling first, then the case's handler, then active staff.
      {
        name: 'assigneeId',
        kind: 'assignee',
        label: 'followUp.assigneeLabel',
        required: true,
        initial: (c) => c.followUpAssignees[0]?.id,
      },
      note,
    ],
    build: (caseId, v) => ({ caseId, dueDate: v.dueDate, assigneeId: optional(v.assigneeId), note: optional(v.note) }),
  },
  // On one promise (targetId): the progress reply told to the customer, and perhaps the next promised time.
  answer_promise: {
    channel: 'cases.answerPromise',
    fields: [
      { name: 'replyText', kind: 'textarea', label: 'field.replyText', required: true, max: PROMISE_REPLY_MAX },
      { name: 'nextPromisedAt', kind: 'datetime', label: 'field.nextPromisedAt' },
      { name: 'nextNote', kind: 'textarea', label: 'field.nextNote', max: 500 },
    ],
    build: (promiseId, v, caseId) => ({
      caseId,
      promiseId,
      replyText: v.replyText ?? '',
      nextPromisedAt: instant(v.nextPromisedAt),
      nextNote: optional(v.nextNote),
    }),
  },
  escalation_outcome: {
    channel: 'cases.escalationOutcome',
    fields: [{ name: 'outcome', kind: 'textarea', label: 'field.outcome', required: true }],
    build: (escalationId, v, caseId) => ({ caseId, escalationId, outcome: v.outcome ?? '' }),
  },
  follow_up_done: {
    channel: 'followUps.complete',
    fields: [
      {
        name: 'outcome',
        kind: 'select',
        label: 'field.followUpOutcome',
        required: true,
        options: opts(FOLLOW_UP_OUTCOMES, 'followUpOutcome'),
      },
      { name: 'result', kind: 'textarea', label: 'field.followUpResult', max: 500 },
      { name: 'doneAt', kind: 'datetime', label: 'field.doneAt' },
    ],
    build: (followUpId, v) => ({
      followUpId,
      outcome: v.outcome,
      result: optional(v.result),
      doneAt: instant(v.doneAt),
    }),
  },
  // The customer could not be reached after the set attempts (顾客无法联系): nothing to ask, main checks the count.
  file_unreachable: {
    channel: 'cases.fileUnreachable',
    fields: [],
    build: (caseId) => ({ caseId }),
  },
  settle: {
    channel: 'slips.settle',
    fields: [{ name: 'settledOn', kind: 'date', label: 'field.settledOn', required: true }],
    build: (slipId, v) => ({ slipId, settledOn: v.settledOn }),
  },
};

/** The action card's actions: those on a follow-up, slip, escalation or promise are offered beside it instead. */
export const CASE_ACTIONS = Object.keys(ACTION_SPECS).filter(
  (a) => a !== 'follow_up_done' && a !== 'settle' && a !== 'escalation_outcome' && a !== 'answer_promise',
);
