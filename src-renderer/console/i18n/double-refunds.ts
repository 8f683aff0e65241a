// The console's words for double refunds across branches (issue 18 §4), zh-CN first, en; joined to the
// `console` namespace by i18n/index.ts under `doubleRefunds`.
export const doubleRefundsZhCN = {
  doubleRefunds: {
    title: '跨门店重复退款',
    intro: '同一小票的同一商品在两家或以上门店退款(作废的单据不计)。相关门店在下次同步时收到提示。',
    receipt: '小票号(规范化)',
    item: '商品编码',
    slips: '退换货单',
    empty: '没有跨门店的重复退款',
    asOf: '计算于 {{time}}',
  },
};

export const doubleRefundsEn: typeof doubleRefundsZhCN = {
  doubleRefunds: {
    title: 'Refunded at more than one branch',
    intro:
      'The same item on the same receipt refunded at two branches or more (void slips do not count). The branches are told at their next sync.',
    receipt: 'Receipt no. (normalised)',
    item: 'Item code',
    slips: 'Slips',
    empty: 'No receipt refunded at more than one branch',
    asOf: 'Computed at {{time}}',
  },
};
