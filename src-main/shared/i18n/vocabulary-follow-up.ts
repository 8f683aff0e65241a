// The labels of follow-ups as tasks (回访): their outcome codes and the filing reason they allow, zh-CN and en.
import type { Bilingual } from '../errors';
import type { FilingReason, FollowUpOutcome } from '../enums';

export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, Bilingual> = {
  reached_satisfied: { zh: '已联系,满意', en: 'Reached, satisfied' },
  reached_unsatisfied: { zh: '已联系,不满意', en: 'Reached, not satisfied' },
  unreachable: { zh: '联系不上', en: 'Unreachable' },
};

export const FILING_REASON_LABELS: Record<FilingReason, Bilingual> = {
  customer_unreachable: { zh: '顾客无法联系', en: 'Customer unreachable' },
};
