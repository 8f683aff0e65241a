// Enumerations of the domain (SPEC §2, §3, §11). Values are stable identifiers stored in the
// database and sent to head office; their labels live once in i18n/vocabulary.ts.

export const CHANNELS = ['phone', 'in_store', 'government', 'letter', 'online', 'email', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const GOVERNMENT_BODIES = ['12315', 'consumer_association', 'other_body'] as const;
export type GovernmentBody = (typeof GOVERNMENT_BODIES)[number];

/** A government body's answer to the branch's written reply (procedure 3.C): 无异议 / 有异议. */
export const BODY_ANSWERS = ['no_objection', 'objection'] as const;
export type BodyAnswer = (typeof BODY_ANSWERS)[number];

export const CASE_STATUSES = [
  'registered',
  'in_progress',
  'resolved',
  'fed_back',
  'disputed',
  'awaiting_instruction',
  'awaiting_review',
  'filed',
  /** 不予受理 (SPEC §12): decided not to accept, the customer told in writing; closed. */
  'not_accepted',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RESOLUTION_TYPES = [
  'explanation',
  'apology',
  'repair',
  'exchange',
  'refund',
  'compensation',
  'gift',
  'referral',
  'other',
] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ESCALATION_KINDS = ['duty_supervisor', 'secretary_office', 'consult_12315', 'visit_government'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const CAUSES = ['customer', 'staff', 'product_or_service'] as const;
export type Cause = (typeof CAUSES)[number];

export const FINDINGS = ['founded', 'partly_founded', 'unfounded'] as const;
export type Finding = (typeof FINDINGS)[number];

export const ROLES = ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** How a case is closed off after the customer is satisfied (SPEC §3, a setting per channel). */
export const SIGN_OFF_POLICIES = ['head_office', 'manager', 'none'] as const;
export type SignOffPolicy = (typeof SIGN_OFF_POLICIES)[number];

export const QUEUES = [
  'mine',
  'open',
  'due_today',
  'due_soon',
  'overdue',
  'awaiting_follow_up',
  'my_follow_ups',
  'awaiting_instruction',
  'awaiting_review',
  'disputed',
  'filed',
] as const;
export type QueueName = (typeof QUEUES)[number];

/** Default category codes (SPEC §3); the list itself is configurable in the categories table. */
export const DEFAULT_CATEGORIES = [
  { code: 'product_quality', zh: '商品质量', en: 'Product quality' },
  { code: 'service_attitude', zh: '服务态度', en: 'Service attitude' },
  { code: 'service_facilities', zh: '服务设施', en: 'Service facilities' },
  { code: 'staff_service', zh: '销售/维修人员服务', en: 'Sales/repair staff service' },
  { code: 'price', zh: '价格', en: 'Price' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

/** How a follow-up (回访) ended: the customer reached and satisfied or not, or not reached (联系不上). */
export const FOLLOW_UP_OUTCOMES = ['reached_satisfied', 'reached_unsatisfied', 'unreachable'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Why a case was filed otherwise than in the ordinary course: the customer could not be reached (顾客无法联系). */
export const FILING_REASONS = ['customer_unreachable'] as const;
export type FilingReason = (typeof FILING_REASONS)[number];

export const SLIP_TYPES = ['return', 'exchange'] as const;
export type SlipType = (typeof SLIP_TYPES)[number];

export const SLIP_STATUSES = ['pending_approval', 'completed', 'void'] as const;
export type SlipStatus = (typeof SLIP_STATUSES)[number];

export const REFUND_METHODS = ['cash', 'bank_card', 'original_channel', 'store_credit'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];
/** How a customer pays an exchange's difference (收款方式): a refund method that can take money in. */
export const PAYMENT_METHODS = ['cash', 'bank_card', 'store_credit'] as const satisfies readonly RefundMethod[];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SLIP_REASONS = ['quality', 'size_fit', 'not_as_described', 'wrong_item', 'changed_mind', 'other'] as const;
export type SlipReason = (typeof SLIP_REASONS)[number];

export const SETTLEMENT_STATUSES = ['unsettled', 'settled'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/** What may be done to a case (the status machine's actions, SPEC §3), in the order the case screen offers them. */
export const CASE_ACTIONS = [
  'forward',
  'decline',
  'resolve',
  'feedback',
  'escalate',
  'resume',
  'submit',
  'review',
  'file',
  'reopen',
  'note',
  'promise',
  'answer_promise',
  'extend',
  'finding',
  'typical',
  'follow_up',
  'file_unreachable',
  'complainant_sign',
  'corrective_action',
  /** A step of guided handling ticked or unticked (issue 21 §3, shared/handling-guide.ts). */
  'handling_step',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The seeds' signs of a malicious complaint (004), recorded on the case (issue 18 §3): told the rules and
 * persists, 纠缠 (pestering), fabricated evidence; and 驳回, a rejection with its reason, only from the
 * repeat-complainant threshold (domain/repeat-threshold.ts).
 */
export const COMPLAINANT_SIGNS = ['persists_after_rules', 'pestering', 'fabricated_evidence', 'rejected'] as const;
export type ComplainantSign = (typeof COMPLAINANT_SIGNS)[number];

/** What a case's timeline records: its intake, each action of the status machine, head office's instruction. */
export const CASE_EVENT_KINDS = ['intake', ...CASE_ACTIONS, 'instruction'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
