// The words of issue 18 §3–4 at the branch: other branches' unfounded findings in the intake notice, the
// complainant's conduct on the case, and double refunds across branches (slip screen, home screen);
// zh-CN first, en; merged into the main catalogue by i18n/index.ts under `crossBranch`.
import { vocabularyIn } from '../../src-main/shared/i18n/vocabulary';

/** The sign labels come from the one vocabulary (shared/i18n/vocabulary-complainant.ts). */
export const crossBranchZhCN = {
  crossBranch: {
    intakeLine: '其他门店:{{n}} 次失实(截至上次同步 {{time}})',
    sign: vocabularyIn('zh').complainantSign,
    signsTitle: '投诉人情形',
    signField: '投诉人情形',
    reasonField: '说明(驳回须写明理由)',
    signReason: '理由:{{reason}}',
    refundsTitle: '其他门店重复退款',
    refundsHint: '同一小票同一商品在两家门店都退过款,请核对',
    refundLine: '小票 {{receipt}} · 商品 {{item}}',
    refundSlip: '{{branch}} {{number}}({{time}})',
    refundsAsOf: '截至上次同步 {{time}}',
    slipAlert: '此单的小票 {{receipt}} 商品 {{item}} 在其他门店也已退款:{{list}}(截至上次同步 {{time}})',
  },
};

export const crossBranchEn: typeof crossBranchZhCN = {
  crossBranch: {
    intakeLine: 'Other branches: {{n}} unfounded (as of last sync {{time}})',
    sign: vocabularyIn('en').complainantSign,
    signsTitle: "Complainant's conduct",
    signField: "Complainant's conduct",
    reasonField: 'Details (the reason, required for a rejection)',
    signReason: 'Reason: {{reason}}',
    refundsTitle: 'Refunded at other branches too',
    refundsHint: 'The same item on the same receipt was refunded at two branches; please check',
    refundLine: 'Receipt {{receipt}} · item {{item}}',
    refundSlip: '{{branch}} {{number}} ({{time}})',
    refundsAsOf: 'As of last sync {{time}}',
    slipAlert:
      'Receipt {{receipt}}, item {{item}} of this slip was refunded at another branch too: {{list}} (as of last sync {{time}})',
  },
};
