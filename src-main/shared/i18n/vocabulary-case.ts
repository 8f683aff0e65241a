// The labels of a case's enumerations (channel, status, body, resolution…), zh-CN and en: the one copy.
import type { Bilingual } from '../errors';
import type {
  CaseStatus,
  Cause,
  Channel,
  EscalationKind,
  Finding,
  GovernmentBody,
  ResolutionType,
  Satisfaction,
  Severity,
} from '../enums';

export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  phone: { zh: '来电申诉', en: 'Phone' },
  in_store: { zh: '来店申诉', en: 'In store' },
  government: { zh: '政府职能部门', en: 'Government body' },
  letter: { zh: '来信', en: 'Letter' },
  online: { zh: '网上留言', en: 'Online message' },
  email: { zh: '电子邮件', en: 'E-mail' },
  other: { zh: '其他', en: 'Other' },
};

/** The procedure's own words: 向工商局12315及消委会或相关政府职能部门申诉. */
export const GOVERNMENT_BODY_LABELS: Record<GovernmentBody, Bilingual> = {
  '12315': { zh: '工商局 12315', en: '12315 (market regulator)' },
  consumer_association: { zh: '消委会', en: "Consumers' association" },
  other_body: { zh: '其他政府职能部门', en: 'Other government body' },
};

export const CASE_STATUS_LABELS: Record<CaseStatus, Bilingual> = {
  registered: { zh: '登记', en: 'Registered' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已处理', en: 'Resolved' },
  fed_back: { zh: '已反馈', en: 'Fed back' },
  disputed: { zh: '有疑义', en: 'Disputed' },
  awaiting_instruction: { zh: '待批示', en: 'Awaiting instruction' },
  awaiting_review: { zh: '待领导审核', en: 'Awaiting manager review' },
  filed: { zh: '已建档', en: 'Filed' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
};

export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  general: { zh: '一般', en: 'General' },
  major: { zh: '重大', en: 'Major' },
};

export const RESOLUTION_LABELS: Record<ResolutionType, Bilingual> = {
  explanation: { zh: '解释', en: 'Explanation' },
  apology: { zh: '道歉', en: 'Apology' },
  repair: { zh: '维修', en: 'Repair' },
  exchange: { zh: '换货', en: 'Exchange' },
  refund: { zh: '退货退款', en: 'Return/refund' },
  compensation: { zh: '补偿', en: 'Compensation' },
  gift: { zh: '赠品', en: 'Gift' },
  referral: { zh: '转交', en: 'Referral' },
  other: { zh: '其他', en: 'Other' },
};

export const SATISFACTION_LABELS: Record<Satisfaction, Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** In the procedure's words: 请秘书室或值班主管协助解决; 向12315进行咨询或请求12315协助. */
export const ESCALATION_LABELS: Record<EscalationKind, Bilingual> = {
  duty_supervisor: { zh: '值班主管协助', en: 'Duty supervisor' },
  secretary_office: { zh: '秘书室协助', en: 'Secretary office' },
  consult_12315: { zh: '向 12315 咨询/请求协助', en: 'Consult 12315 or ask for its help' },
  visit_government: { zh: '随营业干部赴政府部门', en: 'Visit the government body' },
};

export const CAUSE_LABELS: Record<Cause, Bilingual> = {
  customer: { zh: '顾客自身原因', en: "Customer's own" },
  staff: { zh: '员工态度或技能', en: 'Staff attitude or skill' },
  product_or_service: { zh: '商品或服务本身', en: 'Product or service itself' },
};

export const FINDING_LABELS: Record<Finding, Bilingual> = {
  founded: { zh: '属实', en: 'Founded' },
  partly_founded: { zh: '部分属实', en: 'Partly founded' },
  unfounded: { zh: '失实', en: 'Unfounded' },
};
