// The words of the summary report and the training-case sheet (PDF, CSV, spreadsheet), in
// zh-CN (the default) and en. The enumerations' names come from the form catalogues and the
// shared vocabulary (closing classes).
import { vocabularyIn } from '../shared/i18n/vocabulary';
import type { FormText } from './form-text';
import { FORM_TEXT_EN } from './form-text-en';
import { FORM_TEXT_ZH } from './form-text-zh';
import type { Closing, FollowUpTally, PeriodType } from '../shared/summary-types';

export interface ReportText {
  form: FormText;
  lang: 'zh-CN' | 'en';
  summary: {
    title: Record<PeriodType, string>;
    period: string;
    /** The period; `asOf` (MM-dd HH:mm) when it is still running, printed as 截至 / as of. */
    periodValue: (key: string, first: string, last: string, asOf: string | null) => string;
    branch: string;
    generatedAt: string;
    total: string;
    /** Issue 22: linked cases and a merged duplicate with its primary count once. */
    matters: string;
    mattersLine: (cases: number, matters: number) => string;
    overview: string;
    item: string;
    count: string;
    share: string;
    byCategory: string;
    byChannel: string;
    byUnit: string;
    noUnit: string;
    closingTitle: string;
    closing: Record<Closing, string>;
    openOverdue: string;
    satisfactionTitle: string;
    notAsked: string;
    findingsTitle: string;
    noFinding: string;
    disputesTitle: string;
    promisesTitle: string;
    promises: { made: string; kept: string; missed: string; open: string };
    followUpsTitle: string;
    followUps: Record<FollowUpTally, string>;
    filedUnreachable: string;
    disputed: string;
    escalated: string;
    severityMajor: string;
    attention: string;
    attentionMore: (shown: number, total: number) => string;
    governmentTitle: string;
    government: {
      total: string;
      noObjection: string;
      objection: string;
      unanswered: string;
      onTime: string;
      late: string;
      none: string;
    };
    slipsTitle: string;
    /** The two views of the returns section, as column heads, and the line that says what each counts. */
    slipViews: { byDate: string; byCase: string; note: string };
    slips: {
      count: string;
      returns: string;
      exchanges: string;
      returnedYuan: string;
      refundYuan: string;
      qualityCount: string;
      qualityYuan: string;
      qualityShare: string;
      commissionCount: string;
      commissionYuan: string;
    };
    typicalTitle: string;
    noTypical: string;
    trendTitle: string;
    /** Which view of the slips the trend's slip and refund columns follow. */
    trendNote: string;
    trendCols: {
      period: string;
      total: string;
      sameDay: string;
      late: string;
      satisfied: string;
      unsatisfied: string;
      disputed: string;
      escalated: string;
      slips: string;
      refundYuan: string;
    };
    caseCols: {
      number: string;
      receivedAt: string;
      channel: string;
      category: string;
      unit: string;
      finding: string;
      resolution: string;
      flags: string;
    };
    chartCategory: string;
    chartTrend: string;
    /** The trend chart's legend: all cases received, and the late ones among them. */
    trendLegend: { total: string; late: string };
    chartClosing: string;
    empty: string;
  };
  training: {
    title: string;
    note: string;
    /** Who approved the training text, and when (the secretary's 核准). */
    approvedBy: string;
    basics: string;
    number: string;
    receivedAt: string;
    channel: string;
    category: string;
    severity: string;
    govBody: string;
    complainedUnit: string;
    handlingUnit: string;
    items: string;
    amount: string;
    content: string;
    expected: string;
    contentHidden: string;
    notes: string;
    noNotes: string;
    result: string;
    resultType: string;
    resultSummary: string;
    resultAmount: string;
    feedback: string;
    satisfaction: string;
    disputed: string;
    escalations: string;
    noEscalations: string;
    cause: string;
    finding: string;
    instruction: string;
    review: string;
  };
}

export const REPORT_TEXT_ZH: ReportText = {
  form: FORM_TEXT_ZH,
  lang: 'zh-CN',
  summary: {
    title: { week: '顾客异议处理周汇总', month: '顾客异议处理月报表' },
    period: '统计期间',
    periodValue: (key, first, last, asOf) => `${key}(${first} 至 ${last}${asOf ? `,截至 ${asOf}` : ''})`,
    branch: '门店',
    generatedAt: '生成时间',
    total: '受理总数',
    matters: '事项数(关联为同一事项的个案计一次)',
    mattersLine: (cases, matters) => `${cases} 起个案,${matters} 个事项(关联为同一事项的个案计一次)`,
    overview: '概况',
    item: '项目',
    count: '件数',
    share: '占比',
    byCategory: '按异议类别',
    byChannel: '按表现方式',
    byUnit: '按被投诉单位',
    noUnit: '(未填写)',
    closingTitle: '结案时限',
    closing: vocabularyIn('zh').closing,
    openOverdue: '其中已超时未反馈',
    satisfactionTitle: '顾客满意度',
    notAsked: '未反馈/未评价',
    findingsTitle: '调查认定',
    noFinding: '尚未认定',
    disputesTitle: '有疑义与升级处理',
    promisesTitle: '约定回复',
    promises: { made: '约定回复次数', kept: '按时答复', missed: '未按时答复', open: '尚未到期' },
    followUpsTitle: '回访',
    followUps: { ...vocabularyIn('zh').followUpOutcome, open: '尚未回访' },
    filedUnreachable: '以顾客无法联系建档',
    disputed: '有疑义',
    escalated: '升级处理',
    severityMajor: '重大异议',
    attention: '有疑义或升级的个案',
    attentionMore: (shown, total) => `仅列出前 ${shown} 件,共 ${total} 件`,
    governmentTitle: '政府职能部门转办',
    government: {
      total: '政府职能部门转办件',
      noObjection: `部门${vocabularyIn('zh').bodyAnswer.no_objection}`,
      objection: `部门${vocabularyIn('zh').bodyAnswer.objection}`,
      unanswered: '部门尚未答复',
      onTime: vocabularyIn('zh').writtenReply.on_time,
      late: vocabularyIn('zh').writtenReply.late,
      none: vocabularyIn('zh').writtenReply.none,
    },
    slipsTitle: '退换货',
    slipViews: {
      byDate: '按单据日期',
      byCase: '按个案受理期间',
      note: '按单据日期:退换货单的处理日期在本期内(财务对账用);按个案受理期间:本期受理个案的退换货单,及未关联个案、处理日期在本期内的单据。作废单不计。',
    },
    slips: {
      count: '退换货单数',
      returns: '退货',
      exchanges: '换货',
      returnedYuan: '退回商品金额(元)',
      refundYuan: '退款金额(元)',
      qualityCount: '商品质量问题(单)',
      qualityYuan: '质量问题涉及金额(元)',
      qualityShare: '质量问题占比',
      commissionCount: '扣提成(单)',
      commissionYuan: '扣提成涉及金额(元)',
    },
    typicalTitle: '典型范例',
    noTypical: '本期没有典型范例',
    trendTitle: '与前期比较',
    trendNote: '退换货单与退款按个案受理期间计(同上表“按个案受理期间”),作废单不计。',
    trendCols: {
      period: '期间',
      total: '受理',
      sameDay: '当日结案',
      late: '超时',
      satisfied: '满意',
      unsatisfied: '不满意',
      disputed: '有疑义',
      escalated: '升级',
      slips: '退换货单',
      refundYuan: '退款(元)',
    },
    caseCols: {
      number: '编号',
      receivedAt: '受理时间',
      channel: '表现方式',
      category: '类别',
      unit: '被投诉单位',
      finding: '认定',
      resolution: '处理方式',
      flags: '情况',
    },
    chartCategory: '异议类别分布',
    chartTrend: '受理件数走势',
    trendLegend: { total: '受理', late: '其中超时' },
    chartClosing: '结案时限',
    empty: '本期没有受理个案',
  },
  training: {
    title: '典型范例(培训用)',
    note: '本范例供新员工培训使用,已隐去顾客姓名、电话、联系方式、小票号及政府部门联系人等可识别信息。',
    approvedBy: '培训文本核准',
    basics: '基本情况',
    number: '个案编号',
    receivedAt: '受理时间',
    channel: '表现方式',
    category: '异议类别',
    severity: '严重程度',
    govBody: '政府职能部门',
    complainedUnit: '被投诉单位',
    handlingUnit: '处理单位',
    items: '商品',
    amount: '购买金额',
    content: '异议内容',
    expected: '顾客期望的解决方式',
    contentHidden: '(匿名投诉,内容仅秘书室、值班主管和店长可见)',
    notes: '处理经过',
    noNotes: '无记录',
    result: '处理结果',
    resultType: '处理方式',
    resultSummary: '处理说明',
    resultAmount: '涉及金额',
    feedback: '反馈',
    satisfaction: '满意度',
    disputed: '有疑义',
    escalations: '升级处理',
    noEscalations: '无',
    cause: '原因归属',
    finding: '调查认定',
    instruction: '部本部批示',
    review: '领导审核意见',
  },
};

export const REPORT_TEXT_EN: ReportText = {
  form: FORM_TEXT_EN,
  lang: 'en',
  summary: {
    title: { week: 'Customer objections: weekly summary', month: 'Customer objections: monthly report' },
    period: 'Period',
    periodValue: (key, first, last, asOf) => `${key} (${first} to ${last}${asOf ? `, as of ${asOf}` : ''})`,
    branch: 'Branch',
    generatedAt: 'Generated',
    total: 'Cases received',
    matters: 'Matters (cases linked as one matter count once)',
    mattersLine: (cases, matters) => `${cases} cases, ${matters} matters (cases linked as one matter count once)`,
    overview: 'Overview',
    item: 'Item',
    count: 'Cases',
    share: 'Share',
    byCategory: 'By category',
    byChannel: 'By channel',
    byUnit: 'By unit complained about',
    noUnit: '(not recorded)',
    closingTitle: 'Time limits',
    closing: vocabularyIn('en').closing,
    openOverdue: 'of which past the limit',
    satisfactionTitle: 'Satisfaction',
    notAsked: 'Not fed back / not rated',
    findingsTitle: 'Findings',
    noFinding: 'No finding yet',
    disputesTitle: 'Disputes and escalations',
    promisesTitle: 'Promised replies',
    promises: { made: 'Promises made', kept: 'Kept on time', missed: 'Missed', open: 'Not yet due' },
    followUpsTitle: 'Follow-ups',
    followUps: { ...vocabularyIn('en').followUpOutcome, open: 'Not done yet' },
    filedUnreachable: 'Filed as customer unreachable',
    disputed: 'Disputed',
    escalated: 'Escalated',
    severityMajor: 'Major',
    attention: 'Disputed or escalated cases',
    attentionMore: (shown, total) => `First ${shown} of ${total} shown`,
    governmentTitle: 'Forwarded by government bodies',
    government: {
      total: 'Cases forwarded by a government body',
      noObjection: `Body: ${vocabularyIn('en').bodyAnswer.no_objection.toLowerCase()}`,
      objection: `Body: ${vocabularyIn('en').bodyAnswer.objection.toLowerCase()}`,
      unanswered: 'Body has not answered yet',
      onTime: vocabularyIn('en').writtenReply.on_time,
      late: vocabularyIn('en').writtenReply.late,
      none: vocabularyIn('en').writtenReply.none,
    },
    slipsTitle: 'Returns and exchanges',
    slipViews: {
      byDate: 'By slip date',
      byCase: 'By case received',
      note: "By slip date: slips handled in the period (for finance's reconciliation). By case received: the slips of the cases received in the period, and slips linked to no case handled in it. Void slips are not counted.",
    },
    slips: {
      count: 'Slips',
      returns: 'Returns',
      exchanges: 'Exchanges',
      returnedYuan: 'Goods taken back (yuan)',
      refundYuan: 'Refunded (yuan)',
      qualityCount: 'Quality problems (slips)',
      qualityYuan: 'Quality problems (yuan)',
      qualityShare: 'Quality share',
      commissionCount: 'Commission deducted (slips)',
      commissionYuan: 'Commission deducted on (yuan)',
    },
    typicalTitle: 'Typical cases',
    noTypical: 'No typical case in this period',
    trendTitle: 'Against previous periods',
    trendNote:
      'Slips and refunds count as "By case received" above: by the period the case was received in; void slips are not counted.',
    trendCols: {
      period: 'Period',
      total: 'Received',
      sameDay: 'Same day',
      late: 'Late',
      satisfied: 'Satisfied',
      unsatisfied: 'Unsatisfied',
      disputed: 'Disputed',
      escalated: 'Escalated',
      slips: 'Slips',
      refundYuan: 'Refunded (yuan)',
    },
    caseCols: {
      number: 'Number',
      receivedAt: 'Received',
      channel: 'Channel',
      category: 'Category',
      unit: 'Unit',
      finding: 'Finding',
      resolution: 'Resolution',
      flags: 'Notes',
    },
    chartCategory: 'Cases by category',
    chartTrend: 'Cases received',
    trendLegend: { total: 'Received', late: 'of which late' },
    chartClosing: 'Time limits',
    empty: 'No case was received in this period',
  },
  training: {
    title: 'Typical case (training)',
    note: "For training new staff. The customer's name, phone, contact details, receipt number and the government body's contact person are left out.",
    approvedBy: 'Training text approved by',
    basics: 'The case',
    number: 'Case number',
    receivedAt: 'Received',
    channel: 'Channel',
    category: 'Category',
    severity: 'Severity',
    govBody: 'Government body',
    complainedUnit: 'Unit complained about',
    handlingUnit: 'Handling unit',
    items: 'Goods',
    amount: 'Purchase amount',
    content: 'The objection',
    expected: 'What the customer expected',
    contentHidden: '(Anonymous complaint: only the secretary office, supervisors and the manager may read it)',
    notes: 'How it was handled',
    noNotes: 'None recorded',
    result: 'Result',
    resultType: 'Resolution',
    resultSummary: 'Summary',
    resultAmount: 'Amount',
    feedback: 'Feedback',
    satisfaction: 'Satisfaction',
    disputed: 'Disputed',
    escalations: 'Escalations',
    noEscalations: 'None',
    cause: 'Cause',
    finding: 'Finding',
    instruction: 'Head office instruction',
    review: 'Manager review',
  },
};

export const reportText = (lang: 'zh-CN' | 'en'): ReportText => (lang === 'en' ? REPORT_TEXT_EN : REPORT_TEXT_ZH);
