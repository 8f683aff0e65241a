// The labels of how work is organised (roles, queues, timeline events, closing, report periods, yes/no), zh-CN and en.
import type { Bilingual } from '../errors';
import type { CaseAction, CaseEventKind, QueueName, Role } from '../enums';
import type { Closing, PeriodType } from '../summary-types';

export const ROLE_LABELS: Record<Role, Bilingual> = {
  clerk: { zh: '服务台', en: 'Service desk' },
  unit_staff: { zh: '被投诉单位人员', en: 'Unit staff' },
  secretary: { zh: '秘书室', en: 'Secretary office' },
  supervisor: { zh: '值班主管', en: 'Duty supervisor' },
  manager: { zh: '店长', en: 'Manager' },
};

export const QUEUE_LABELS: Record<QueueName, Bilingual> = {
  mine: { zh: '我的', en: 'Mine' },
  open: { zh: '未结', en: 'Open' },
  due_today: { zh: '今日到期', en: 'Due today' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  awaiting_follow_up: { zh: '待回访', en: 'Awaiting follow-up' },
  my_follow_ups: { zh: '我的回访', en: 'My follow-ups' },
  awaiting_instruction: { zh: '待批示', en: 'Awaiting instruction' },
  awaiting_review: { zh: '待领导审核', en: 'Awaiting manager review' },
  disputed: { zh: '有疑义', en: 'Disputed' },
  filed: { zh: '已建档', en: 'Filed' },
};

/** The case screen's action buttons. */
export const CASE_ACTION_LABELS: Record<CaseAction, Bilingual> = {
  forward: { zh: '转交处理', en: 'Forward' },
  decline: { zh: '不予受理', en: 'Do not accept' },
  resolve: { zh: '记录处理结果', en: 'Record resolution' },
  feedback: { zh: '反馈顾客', en: 'Feed back' },
  escalate: { zh: '升级处理', en: 'Escalate' },
  resume: { zh: '恢复处理', en: 'Resume' },
  submit: { zh: '报部本部', en: 'Submit to head office' },
  review: { zh: '领导审核', en: 'Manager review' },
  file: { zh: '建档', en: 'File' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  note: { zh: '添加处理意见', en: 'Add note' },
  promise: { zh: '约定回复时间', en: 'Promise a reply' },
  answer_promise: { zh: '进展答复', en: 'Progress reply' },
  extend: { zh: '延至次日', en: 'Extend to next day' },
  finding: { zh: '调查结论', en: 'Finding' },
  typical: { zh: '典型范例', en: 'Typical case' },
  follow_up: { zh: '安排回访', en: 'Schedule follow-up' },
  file_unreachable: { zh: '建档(顾客无法联系)', en: 'File: customer unreachable' },
  complainant_sign: { zh: '记录投诉人情形', en: 'Record complainant conduct' },
  corrective_action: { zh: '纠正预防措施', en: 'Corrective action' },
  handling_step: { zh: '勾选处理步骤', en: 'Tick a handling step' },
};

/** Events some cases word their own way (shared/event-label.ts decides when): a government case's
 * feedback is the reply to the body; a submission that went to the manager's review says so. */
export const EVENT_VARIANTS = [
  'feedback_government',
  'submit_review',
  'capa_done',
  'capa_return',
  'capa_confirm',
] as const;
export type EventVariant = (typeof EVENT_VARIANTS)[number];
/** A timeline event's words: its kind, or the variant its case words it by. */
export type EventWord = CaseEventKind | EventVariant;

export const EVENT_LABELS: Record<EventWord, Bilingual> = {
  intake: { zh: '登记', en: 'Registered' },
  forward: { zh: '转交处理', en: 'Forwarded' },
  decline: { zh: '不予受理', en: 'Not accepted' },
  resolve: { zh: '记录处理结果', en: 'Resolution recorded' },
  feedback: { zh: '反馈顾客', en: 'Fed back' },
  escalate: { zh: '升级处理', en: 'Escalated' },
  resume: { zh: '恢复处理', en: 'Resumed' },
  submit: { zh: '报部本部', en: 'Submitted to head office' },
  review: { zh: '领导审核', en: 'Manager review' },
  file: { zh: '建档', en: 'Filed' },
  reopen: { zh: '重新打开', en: 'Reopened' },
  note: { zh: '处理意见', en: 'Note' },
  promise: { zh: '约定回复时间', en: 'Reply promised' },
  answer_promise: { zh: '进展答复', en: 'Progress reply given' },
  extend: { zh: '延至次日', en: 'Extended to the next day' },
  finding: { zh: '调查结论', en: 'Finding' },
  typical: { zh: '典型范例', en: 'Typical case' },
  follow_up: { zh: '回访', en: 'Follow-up' },
  file_unreachable: { zh: '建档(顾客无法联系)', en: 'Filed: customer unreachable' },
  complainant_sign: { zh: '投诉人情形', en: 'Complainant conduct' },
  corrective_action: { zh: '纠正预防措施', en: 'Corrective action' },
  handling_step: { zh: '处理步骤', en: 'Handling step' },
  instruction: { zh: '部本部批示', en: 'Head office instruction' },
  feedback_government: { zh: '答复部门', en: 'Replied to the body' },
  submit_review: { zh: '呈领导审核', en: "Submitted for the manager's review" },
  capa_done: { zh: '纠正预防措施完成', en: 'Corrective action done' },
  capa_return: { zh: '纠正预防措施退回', en: 'Corrective action sent back' },
  capa_confirm: { zh: '纠正预防措施效果确认', en: 'Corrective action: effect confirmed' },
};

export const CLOSING_LABELS: Record<Closing, Bilingual> = {
  same_day: { zh: '当日结案', en: 'Closed the same day' },
  next_day: { zh: '次日结案', en: 'Closed the next day' },
  within_limit: { zh: '时限内答复', en: 'Answered within the limit' },
  late: { zh: '超时', en: 'Late' },
  open: { zh: '尚未反馈', en: 'Not yet fed back' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  duplicate: { zh: '重复(已合并)', en: 'Duplicate (merged)' },
};

export const PERIOD_TYPE_LABELS: Record<PeriodType, Bilingual> = {
  week: { zh: '周汇总', en: 'Week' },
  month: { zh: '月报表', en: 'Month' },
};

export const YES_NO = ['yes', 'no'] as const;
export type YesNoAnswer = (typeof YES_NO)[number];

export const YES_NO_LABELS: Record<YesNoAnswer, Bilingual> = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
};
