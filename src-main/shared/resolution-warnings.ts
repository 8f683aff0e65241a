// The warnings a resolution is saved with (issue 18 §4): a refund or compensation paid with an
// amount and no slip leaves no trace for the duplicate-refund guard, so the handler is told to open the slip.
import type { Bilingual } from './errors';

export interface ResolutionWarning {
  code: 'open_slip';
  message: Bilingual;
}

/** The resolution types that pay the customer money a slip should record. */
export const SLIP_PAYING_RESOLUTIONS: readonly string[] = ['refund', 'compensation'];

/** A warning, never a refusal: the resolution stands. `slipCount` = slips typed plus slips already linked to the case. */
export function resolutionWarnings(
  type: string,
  amountFen: number | undefined,
  slipCount: number,
): ResolutionWarning[] {
  if (!SLIP_PAYING_RESOLUTIONS.includes(type) || !amountFen || slipCount > 0) return [];
  return [
    {
      code: 'open_slip',
      message: {
        zh: '已填写退款或补偿金额,但没有关联退换货单:请开具退换货单,以防重复退款',
        en: 'An amount was refunded or paid with no slip linked: open the return/exchange slip so that it cannot be refunded twice',
      },
    },
  ];
}
