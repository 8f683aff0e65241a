// An audit record in words for a reader who never saw the store: the action's name, each changed
// field's label and value (enum values by their vocabulary labels, money in yuan, instants and
// names through the caller), zh-CN and en. Pure: the console's 操作记录 uses it.
import { offerInWords } from './i18n/vocabulary-offer';
import { offerOfJson } from './resolution-offer';
import type { Bilingual } from './errors';
import { eventLabel } from './event-label';
import { fieldLabel } from './i18n/field-labels';
import {
  BODY_ANSWER_LABELS,
  CASE_STATUS_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  FILING_REASON_LABELS,
  FINDING_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  GOVERNMENT_BODY_LABELS,
  REFUND_METHOD_LABELS,
  RESOLUTION_LABELS,
  SATISFACTION_LABELS,
  SETTLEMENT_LABELS,
  SEVERITY_LABELS,
  SLIP_REASON_LABELS,
  SLIP_STATUS_LABELS,
  SLIP_TYPE_LABELS,
} from './i18n/vocabulary';

/** The actions a slip's or follow-up's audit record names (a case's are its timeline events, event-label.ts). */
export const AUDIT_ACTION_LABELS: Record<string, Bilingual> = {
  'slip.create': { zh: '开具退换货单', en: 'Slip issued' },
  'slip.approve': { zh: '核准退换货单', en: 'Slip approved' },
  'slip.settle': { zh: '退换货单结算', en: 'Slip settled' },
  'slip.void': { zh: '作废退换货单', en: 'Slip voided' },
  'slip.renumber': {
    zh: '退换货单改号(与总部已有编号重复)',
    en: 'Slip renumbered (its number repeated one head office holds)',
  },
  'follow_up.schedule': { zh: '安排回访', en: 'Follow-up scheduled' },
  'follow_up.complete': { zh: '记录回访结果', en: 'Follow-up recorded' },
  'training.approve': { zh: '核准培训文本', en: 'Training text approved' },
  'training.return': { zh: '退回培训文本', en: 'Training text sent back' },
};
const OTHER_ACTION: Bilingual = { zh: '记录变更', en: 'Record changed' };

/** Labels of the fields a case, slip or follow-up change carries that the input field labels do not name. */
const FIELD_WORDS: Record<string, Bilingual> = {
  status: { zh: '状态', en: 'Status' },
  trainingApproved: { zh: '培训文本已核准', en: 'Training text approved' },
  trainingText: { zh: '培训文本', en: 'Training text' },
  returnReason: { zh: '退回原因', en: 'Reason sent back' },
  categoryCode: { zh: '异议类别', en: 'Category' },
  customerName: { zh: '顾客姓名', en: 'Customer name' },
  customerPhone: { zh: '顾客电话', en: 'Customer phone' },
  content: { zh: '异议内容', en: 'Complaint' },
  expectedResolution: { zh: '顾客诉求', en: 'Expected resolution' },
  complainedUnitId: { zh: '被投诉部门', en: 'Unit complained about' },
  handlingUnitId: { zh: '处理部门', en: 'Handling unit' },
  assigneeId: { zh: '处理人', en: 'Handler' },
  extendedAt: { zh: '延期时间', en: 'Extended at' },
  extensionReason: { zh: '延期原因', en: 'Extension reason' },
  extensionConsent: { zh: '顾客同意延期', en: 'Customer agreed to extend' },
  resolutionType: { zh: '处理方式', en: 'Resolution' },
  resolutionSummary: { zh: '处理结果', en: 'Resolution summary' },
  resolutionAmountFen: { zh: '赔偿/处理金额', en: 'Compensation amount' },
  slipNumbers: { zh: '退换货单', en: 'Slips' },
  resolvedAt: { zh: '处理完成时间', en: 'Resolved at' },
  resolvedBy: { zh: '处理完成人', en: 'Resolved by' },
  counterResolvedAt: { zh: '现场解决时间', en: 'Resolved at the counter' },
  firstFedBackAt: { zh: '首次反馈时间', en: 'First fed back at' },
  fedBackAt: { zh: '反馈时间', en: 'Fed back at' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  disputed: { zh: '顾客有异议', en: 'Disputed' },
  disputedAt: { zh: '提出异议时间', en: 'Disputed at' },
  bodyAnswer: { zh: '职能部门答复', en: "Body's answer" },
  bodyAnswerNote: { zh: '答复说明', en: 'Answer note' },
  writtenReplyDate: { zh: '书面回复日期', en: 'Written reply date' },
  firstWrittenReplyDate: { zh: '首次书面回复日期', en: 'First written reply date' },
  cause: { zh: '原因', en: 'Cause' },
  finding: { zh: '调查结论', en: 'Finding' },
  findingAt: { zh: '结论时间', en: 'Finding recorded at' },
  typical: { zh: '典型案例', en: 'Typical case' },
  submittedAt: { zh: '提交时间', en: 'Submitted at' },
  reviewText: { zh: '审核意见', en: 'Review' },
  reviewedBy: { zh: '审核人', en: 'Reviewed by' },
  reviewedAt: { zh: '审核时间', en: 'Reviewed at' },
  filedAt: { zh: '建档时间', en: 'Filed at' },
  filedBy: { zh: '建档人', en: 'Filed by' },
  filingReason: { zh: '建档原因', en: 'Filing reason' },
  unreachableAttempts: { zh: '未联系上次数', en: 'Unreachable attempts' },
  reopenedAt: { zh: '重开时间', en: 'Reopened at' },
  reopenCount: { zh: '重开次数', en: 'Times reopened' },
  declineReasonZh: { zh: '不予受理原因', en: 'Reason not accepted' },
  declineText: { zh: '不予受理说明', en: 'Grounds' },
  declineReferTo: { zh: '告知的主管部门', en: 'Competent body' },
  declinedAt: { zh: '不予受理时间', en: 'Declined at' },
  declinedBy: { zh: '决定人', en: 'Decided by' },
  promises: { zh: '约定回复时间', en: 'Promised reply times' },
  correctiveActions: { zh: '纠正预防措施', en: 'Corrective actions' },
  handlingSteps: { zh: '处理步骤', en: 'Handling steps' },
  escalations: { zh: '升级', en: 'Escalations' },
  instructions: { zh: '总部批示', en: 'Head office instructions' },
  approvedBy: { zh: '核准人', en: 'Approved by' },
  approvedByName: { zh: '核准人', en: 'Approved by' },
  approvedAt: { zh: '核准时间', en: 'Approved at' },
  settlementStatus: { zh: '结算状态', en: 'Settlement' },
  settledOn: { zh: '结算日期', en: 'Settled on' },
  settledBy: { zh: '结算人', en: 'Settled by' },
  voidReason: { zh: '作废原因', en: 'Void reason' },
  voidedBy: { zh: '作废人', en: 'Voided by' },
  voidedAt: { zh: '作废时间', en: 'Voided at' },
  dueDate: { zh: '回访日期', en: 'Follow-up date' },
  note: { zh: '备注', en: 'Note' },
  doneAt: { zh: '回访时间', en: 'Followed up at' },
  doneBy: { zh: '回访人', en: 'Followed up by' },
  result: { zh: '回访结果', en: 'Follow-up result' },
  outcome: { zh: '回访结论', en: 'Follow-up outcome' },
  refundFen: { zh: '退款金额', en: 'Refund' },
  refundMethod: { zh: '退款方式', en: 'Refund method' },
  // Issue 22: a duplicate's merge pointer (the matter and the primary are ids: their events name the cases).
  mergedIntoNumber: { zh: '并入个案', en: 'Merged into' },
  mergedAt: { zh: '合并时间', en: 'Merged at' },
  mergedBy: { zh: '合并人', en: 'Merged by' },
  mergeReason: { zh: '合并原因', en: 'Reason merged' },
};

/** Enumerated fields and their vocabularies; `status` and `type` depend on the record. */
const ENUMS: Record<string, Record<string, Bilingual>> = {
  severity: SEVERITY_LABELS,
  channel: CHANNEL_LABELS,
  govBody: GOVERNMENT_BODY_LABELS,
  resolutionType: RESOLUTION_LABELS,
  satisfaction: SATISFACTION_LABELS,
  cause: CAUSE_LABELS,
  finding: FINDING_LABELS,
  bodyAnswer: BODY_ANSWER_LABELS,
  filingReason: FILING_REASON_LABELS,
  outcome: FOLLOW_UP_OUTCOME_LABELS,
  settlementStatus: SETTLEMENT_LABELS,
  refundMethod: REFUND_METHOD_LABELS,
  reasonCode: SLIP_REASON_LABELS,
};

/** Bookkeeping every change touches, ids, and 不予受理's code and English twin (its Chinese words tell it). */
const SKIPPED = new Set([
  'id',
  'caseId',
  'version',
  'updatedAt',
  'createdAt',
  'events',
  'dueAt',
  'declineReasonCode',
  'declineReasonEn',
  'matterId',
  'mergedInto',
]);

const SLIP_TYPES_BY_CODE: Record<string, Bilingual> = SLIP_TYPE_LABELS;

export type AuditLang = keyof Bilingual;

/** How the caller words an instant, an id and an amount (its time zone, its names, its currency). */
export interface AuditFormat {
  lang: AuditLang;
  time: (ms: number) => string;
  name: (id: string) => string | null;
  money: (fen: number) => string;
}

export interface AuditChange {
  label: string;
  before: string | null;
  after: string;
}

const say = (b: Bilingual, lang: AuditLang) => b[lang];

/** The action's name: a case's as its timeline words it on this channel, a slip's or follow-up's from the list. */
export function auditActionLabel(
  action: string,
  channel: string | null,
  after: Record<string, unknown> | null,
  lang: AuditLang,
): string {
  const [entity, verb] = action.split('.');
  if (entity === 'case' && verb) {
    const status = after?.status;
    const label = eventLabel(verb === 'create' ? 'intake' : verb, channel, typeof status === 'string' ? status : null);
    if (label) return say(label, lang);
  }
  return say(AUDIT_ACTION_LABELS[action] ?? OTHER_ACTION, lang);
}

export function auditFieldLabel(field: string, lang: AuditLang): string {
  const own = FIELD_WORDS[field];
  if (own) return say(own, lang);
  const shared = fieldLabel(field);
  return shared[lang];
}

/** A field's value in words; never an id, an epoch number, an amount in fen or a raw code. */
export function auditValue(entity: string, field: string, v: unknown, f: AuditFormat): string {
  const none = f.lang === 'en' ? '(none)' : '（无）';
  if (v === null || v === undefined || v === '') return none;
  if (typeof v === 'boolean') return f.lang === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否';
  if (Array.isArray(v)) return f.lang === 'en' ? `${v.length} item(s)` : `${v.length} 项`;
  if (typeof v === 'number') {
    if (field.endsWith('At')) return f.time(v);
    if (field.endsWith('Fen')) return f.money(v);
    return String(v);
  }
  if (typeof v === 'string') {
    if (field === 'status') {
      const labels: Record<string, Bilingual> = entity === 'slip' ? SLIP_STATUS_LABELS : CASE_STATUS_LABELS;
      return labels[v] ? say(labels[v], f.lang) : v;
    }
    if (field === 'type' && entity === 'slip') return SLIP_TYPES_BY_CODE[v] ? say(SLIP_TYPES_BY_CODE[v], f.lang) : v;
    const vocabulary = ENUMS[field];
    if (vocabulary) return vocabulary[v] ? say(vocabulary[v], f.lang) : v;
    if (/(Id|By)$/.test(field)) return f.name(v) ?? (f.lang === 'en' ? '(unknown)' : '（未知）');
    return v;
  }
  if (field === 'resolutionOffer') {
    const offer = offerOfJson(v);
    if (offer) return offerInWords(offer, f.lang, f.money);
  }
  if (typeof v === 'object') {
    return Object.entries(v)
      .filter(([k]) => !SKIPPED.has(k))
      .map(([k, x]) => `${auditFieldLabel(k, f.lang)} ${auditValue(entity, k, x, f)}`)
      .join(f.lang === 'en' ? ', ' : ',');
  }
  return String(v);
}

/** The changed fields of one audit record in words (a creation names itself and carries none). */
export function auditChanges(
  entity: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  f: AuditFormat,
): AuditChange[] {
  if (!before) return [];
  return Object.keys(after ?? before)
    .filter((k) => !SKIPPED.has(k) && !k.endsWith('ByName'))
    .map((k) => ({
      label: auditFieldLabel(k, f.lang),
      before: auditValue(entity, k, before[k], f),
      after: auditValue(entity, k, after?.[k], f),
    }));
}
