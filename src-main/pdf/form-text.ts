// The words on the printed forms. Forms print in Simplified Chinese (SPEC §7); the English
// catalogue exists so that a form can be checked by someone who does not read Chinese. The
// enum values' labels are the shared vocabulary's (src-main/shared/i18n/vocabulary.ts).
import { isLinkEvent, linkEventLabel } from '../shared/case-links';
import { timelineWords } from '../shared/event-label';
import type { EventWord } from '../shared/i18n/vocabulary-work';
import type { VocabularyText } from '../shared/i18n/vocabulary';
import type { PromiseState } from '../shared/promise-state';
import type { AttachmentFormText } from './form-text-attachments';
import type { CapaFormText } from './form-text-capa';
import type { DeclineNoticeText } from './form-text-decline';
import type { OfferFormText } from './form-text-offer';
import type { ReplyLetterText } from './form-text-reply';

/** The enumerations a form prints, as the vocabulary names them. */
export type FormVocabulary = Pick<
  VocabularyText,
  | 'channel'
  | 'status'
  | 'severity'
  | 'govBody'
  | 'resolution'
  | 'satisfaction'
  | 'escalation'
  | 'cause'
  | 'finding'
  | 'refundMethod'
  | 'slipReason'
  | 'bodyAnswer'
  | 'followUpOutcome'
  | 'filingReason'
  | 'slipType'
  | 'slipStatus'
  | 'closing'
>;

export interface FormText extends FormVocabulary {
  /** The language the form prints in (for words kept bilingual in shared/). */
  language: 'zh' | 'en';
  /** A promised reply's state: open, kept, missed. */
  promiseState: Record<PromiseState, string>;
  /** The 书面答复函 to a government body. */
  reply: ReplyLetterText;
  /** The 不予受理告知书 to the customer, and the record form's acceptance lines. */
  decline: DeclineNoticeText;
  /** The record form's 纠正预防措施 lines. */
  capa: CapaFormText;
  /** The record form's options offered and the one chosen (issue 21 §3). */
  offer: OfferFormText;
  /** The record form's evidence list and its annex of images. */
  attachments: AttachmentFormText;
  yes: string;
  no: string;
  page: (n: number, total: number) => string;
  printedAt: string;
  date: string;
  continued: string;
  none: string;
  slip: {
    title: string;
    copies: [string, string, string];
    number: string;
    type: string;
    return: string;
    exchange: string;
    handledAt: string;
    customer: string;
    phone: string;
    receiptNo: string;
    purchaseDate: string;
    unit: string;
    salesperson: string;
    staffNo: string;
    linkedCase: string;
    returned: string;
    issued: string;
    cols: [string, string, string, string, string, string];
    total: string;
    customerPays: string;
    storePays: string;
    noDifference: string;
    difference: string;
    refund: string;
    refundMethod: string;
    reason: string;
    condition: string;
    packagingIntact: string;
    accessoriesComplete: string;
    qualityProblem: string;
    deductCommission: string;
    handledBy: string;
    approvedBy: string;
    pendingApproval: string;
    settlement: string;
    settled: string;
    unsettled: string;
    signCustomer: string;
    signHandler: string;
    signApprover: string;
    void: string;
    voidReason: string;
    /** 收款方式: how the customer paid the difference. */
    paymentMethod: string;
    approvedAt: string;
    voidedBy: string;
    voidedAt: string;
    settledBy: string;
    signFinance: string;
  };
  record: {
    title: string;
    basics: string;
    number: string;
    branch: string;
    channel: string;
    receivedAt: string;
    receivedBy: string;
    severity: string;
    category: string;
    complainedUnit: string;
    /** 回避: the staff complained about (营业员), printed with her staff number. */
    complainedStaff: string;
    handlingUnit: string;
    status: string;
    customerSection: string;
    name: string;
    anonymous: string;
    phone: string;
    otherContact: string;
    contactTime: string;
    earlierCases: string;
    govSection: string;
    body: string;
    referenceNo: string;
    contactPerson: string;
    contactPhone: string;
    purchaseSection: string;
    items: string;
    itemCodes: string;
    purchaseDate: string;
    receiptNo: string;
    amount: string;
    content: string;
    expected: string;
    extension: string;
    timeline: string;
    noTimeline: string;
    promises: string;
    promisedAt: string;
    promiseAnsweredAt: string;
    promiseReply: string;
    result: string;
    resultType: string;
    resultSummary: string;
    resultAmount: string;
    slips: string;
    /** The slip list's columns and its empty line (slips linked to the case in the slips table). */
    slipNumber: string;
    slipType: string;
    slipAmount: string;
    slipStatus: string;
    noSlips: string;
    resolvedAt: string;
    /** 处理人: who recorded the result. */
    handledBy: string;
    /** 当日结案 / 次日结案 / 超时 (vocabulary closing), blank while open. */
    closing: string;
    /** In store: the customer agreed to handling on the next day. */
    nextDayConsent: string;
    feedbackSection: string;
    fedBackAt: string;
    satisfaction: string;
    disputed: string;
    bodyAnswer: string;
    bodyAnswerNote: string;
    writtenReplyDate: string;
    escalations: string;
    noEscalations: string;
    findingSection: string;
    cause: string;
    finding: string;
    typical: string;
    followUps: string;
    noFollowUps: string;
    followUpAssignee: string;
    followUpOpen: string;
    filingReason: string;
    unreachableAttempts: string;
    instruction: string;
    review: string;
    signHandler: string;
    signSecretary: string;
    signLeader: string;
    signCustomer: string;
    filedAt: string;
    event: Record<EventWord, string>;
  };
}

/** Each timeline event's printed name, worded as the case words it (shared/event-label.ts); an
 * unknown kind (a newer version's) prints as stored. */
export function timelineLabels(t: FormText, c: Parameters<typeof timelineWords>[0]): string[] {
  return timelineWords(c).map((w, i) => {
    const e = c.events[i];
    if (w) return t.record.event[w];
    // Issue 22's events name the other case (作为重复个案并入 SH01-…).
    return e && isLinkEvent(e.kind) ? linkEventLabel(e.kind, e.data)[t.language] : (e?.kind ?? '');
  });
}
