// One vocabulary: every enum value's label once (zh-CN, en); screens, printed forms, reports and the console are built from it.
import type { Bilingual } from '../errors';
import {
  BODY_ANSWERS,
  CASE_ACTIONS,
  CASE_EVENT_KINDS,
  CASE_STATUSES,
  CAUSES,
  CHANNELS,
  COMPLAINANT_SIGNS,
  ESCALATION_KINDS,
  FILING_REASONS,
  FINDINGS,
  FOLLOW_UP_OUTCOMES,
  GOVERNMENT_BODIES,
  QUEUES,
  REFUND_METHODS,
  RESOLUTION_TYPES,
  ROLES,
  SATISFACTIONS,
  SETTLEMENT_STATUSES,
  SEVERITIES,
  SLIP_REASONS,
  SLIP_STATUSES,
  SLIP_TYPES,
} from '../enums';
import { CLOSINGS, PERIOD_TYPES, WRITTEN_REPLIES } from '../summary-types';
import {
  CASE_STATUS_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  FINDING_LABELS,
  GOVERNMENT_BODY_LABELS,
  RESOLUTION_LABELS,
  SATISFACTION_LABELS,
  SEVERITY_LABELS,
} from './vocabulary-case';
import {
  REFUND_METHOD_LABELS,
  SETTLEMENT_LABELS,
  SLIP_REASON_LABELS,
  SLIP_STATUS_LABELS,
  SLIP_TYPE_LABELS,
} from './vocabulary-slip';
import {
  CASE_ACTION_LABELS,
  CLOSING_LABELS,
  EVENT_LABELS,
  EVENT_VARIANTS,
  PERIOD_TYPE_LABELS,
  QUEUE_LABELS,
  ROLE_LABELS,
  YES_NO,
  YES_NO_LABELS,
} from './vocabulary-work';

import { ATTACHMENT_KINDS } from '../attachment-types';
import { ATTACHMENT_KIND_LABELS } from './vocabulary-attachment';
import { COMPLAINANT_SIGN_LABELS } from './vocabulary-complainant';
import { FILING_REASON_LABELS, FOLLOW_UP_OUTCOME_LABELS } from './vocabulary-follow-up';
import { BODY_ANSWER_LABELS, WRITTEN_REPLY_LABELS } from './vocabulary-government';
import { OFFER_KINDS } from '../resolution-offer';
import { OFFER_KIND_LABELS } from './vocabulary-offer';

export * from './vocabulary-attachment';
export * from './vocabulary-case';
export * from './vocabulary-follow-up';
export * from './vocabulary-government';
export * from './vocabulary-offer';
export * from './vocabulary-slip';
export * from './vocabulary-work';

/** Each enumeration's labels, under the name its i18next key and its printed table use. */
export const VOCABULARY = {
  channel: CHANNEL_LABELS,
  govBody: GOVERNMENT_BODY_LABELS,
  status: CASE_STATUS_LABELS,
  severity: SEVERITY_LABELS,
  resolution: RESOLUTION_LABELS,
  satisfaction: SATISFACTION_LABELS,
  escalation: ESCALATION_LABELS,
  cause: CAUSE_LABELS,
  finding: FINDING_LABELS,
  role: ROLE_LABELS,
  queue: QUEUE_LABELS,
  event: EVENT_LABELS,
  action: CASE_ACTION_LABELS,
  closing: CLOSING_LABELS,
  periodType: PERIOD_TYPE_LABELS,
  yesNo: YES_NO_LABELS,
  slipType: SLIP_TYPE_LABELS,
  slipStatus: SLIP_STATUS_LABELS,
  settlement: SETTLEMENT_LABELS,
  refundMethod: REFUND_METHOD_LABELS,
  slipReason: SLIP_REASON_LABELS,
  followUpOutcome: FOLLOW_UP_OUTCOME_LABELS,
  filingReason: FILING_REASON_LABELS,
  bodyAnswer: BODY_ANSWER_LABELS,
  writtenReply: WRITTEN_REPLY_LABELS,
  complainantSign: COMPLAINANT_SIGN_LABELS,
  attachmentKind: ATTACHMENT_KIND_LABELS,
  offerKind: OFFER_KIND_LABELS,
};

type Vocabulary = typeof VOCABULARY;
export type VocabularyName = keyof Vocabulary;
/** One language's side of the vocabulary: value → label, per enumeration. */
export type VocabularyText = { [N in VocabularyName]: Record<keyof Vocabulary[N], string> };
export type VocabularyLang = keyof Bilingual;

const complete = <K extends string>(keys: readonly K[], out: Partial<Record<K, string>>): out is Record<K, string> =>
  keys.every((k) => typeof out[k] === 'string');

/** The labels of one enumeration in one language, for exactly the values in `keys`. */
function side<K extends string>(
  keys: readonly K[],
  labels: Record<K, Bilingual>,
  lang: VocabularyLang,
): Record<K, string> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) out[k] = labels[k][lang];
  if (!complete(keys, out)) throw new Error('vocabulary: a label is missing');
  return out;
}

/** The vocabulary in one language (zh = zh-CN), a fresh copy for each caller. */
export function vocabularyIn(lang: VocabularyLang): VocabularyText {
  const v = VOCABULARY;
  return {
    channel: side(CHANNELS, v.channel, lang),
    govBody: side(GOVERNMENT_BODIES, v.govBody, lang),
    status: side(CASE_STATUSES, v.status, lang),
    severity: side(SEVERITIES, v.severity, lang),
    resolution: side(RESOLUTION_TYPES, v.resolution, lang),
    satisfaction: side(SATISFACTIONS, v.satisfaction, lang),
    escalation: side(ESCALATION_KINDS, v.escalation, lang),
    cause: side(CAUSES, v.cause, lang),
    finding: side(FINDINGS, v.finding, lang),
    role: side(ROLES, v.role, lang),
    queue: side(QUEUES, v.queue, lang),
    event: side([...CASE_EVENT_KINDS, ...EVENT_VARIANTS], v.event, lang),
    action: side(CASE_ACTIONS, v.action, lang),
    closing: side(CLOSINGS, v.closing, lang),
    periodType: side(PERIOD_TYPES, v.periodType, lang),
    yesNo: side(YES_NO, v.yesNo, lang),
    slipType: side(SLIP_TYPES, v.slipType, lang),
    slipStatus: side(SLIP_STATUSES, v.slipStatus, lang),
    settlement: side(SETTLEMENT_STATUSES, v.settlement, lang),
    refundMethod: side(REFUND_METHODS, v.refundMethod, lang),
    slipReason: side(SLIP_REASONS, v.slipReason, lang),
    followUpOutcome: side(FOLLOW_UP_OUTCOMES, v.followUpOutcome, lang),
    filingReason: side(FILING_REASONS, v.filingReason, lang),
    bodyAnswer: side(BODY_ANSWERS, v.bodyAnswer, lang),
    writtenReply: side(WRITTEN_REPLIES, v.writtenReply, lang),
    complainantSign: side(COMPLAINANT_SIGNS, v.complainantSign, lang),
    attachmentKind: side(ATTACHMENT_KINDS, v.attachmentKind, lang),
    offerKind: side(OFFER_KINDS, v.offerKind, lang),
  };
}
