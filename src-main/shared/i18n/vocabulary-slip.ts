// The labels of a return/exchange slip's enumerations (type, status, settlement, refund method, reason), zh-CN and en.
import type { Bilingual } from '../errors';
import type { RefundMethod, SettlementStatus, SlipReason, SlipStatus, SlipType } from '../enums';

export const SLIP_TYPE_LABELS: Record<SlipType, Bilingual> = {
  return: { zh: '退货', en: 'Return' },
  exchange: { zh: '换货', en: 'Exchange' },
};

export const SLIP_STATUS_LABELS: Record<SlipStatus, Bilingual> = {
  pending_approval: { zh: '待核准', en: 'Awaiting approval' },
  completed: { zh: '已完成', en: 'Completed' },
  void: { zh: '已作废', en: 'Void' },
};

export const SETTLEMENT_LABELS: Record<SettlementStatus, Bilingual> = {
  unsettled: { zh: '未结算', en: 'Not settled' },
  settled: { zh: '已结算', en: 'Settled' },
};

export const REFUND_METHOD_LABELS: Record<RefundMethod, Bilingual> = {
  cash: { zh: '现金', en: 'Cash' },
  bank_card: { zh: '银行卡', en: 'Bank card' },
  original_channel: { zh: '原路退回', en: 'Original payment channel' },
  store_credit: { zh: '储值', en: 'Store credit' },
};

export const SLIP_REASON_LABELS: Record<SlipReason, Bilingual> = {
  quality: { zh: '质量问题', en: 'Quality problem' },
  size_fit: { zh: '尺码不合', en: 'Size/fit' },
  not_as_described: { zh: '与描述不符', en: 'Not as described' },
  wrong_item: { zh: '错发商品', en: 'Wrong item' },
  changed_mind: { zh: '顾客改变主意', en: 'Changed mind' },
  other: { zh: '其他', en: 'Other' },
};
