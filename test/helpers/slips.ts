import type { SlipCreateInput } from '../../src-main/shared/schemas/slip';
import type { TestStore } from './store';

/** A return of one pair of shoes on receipt R-1001, with both yes/no questions answered. */
export function returnInput(s: TestStore, over: Partial<SlipCreateInput> = {}): SlipCreateInput {
  return {
    type: 'return',
    customer: { name: '张三', phone: '13800138000' },
    receiptNo: 'R-1001',
    purchaseDate: '2026-11-20',
    unitId: s.units.shoes,
    salespersonName: '刘鞋部',
    salespersonStaffNo: 'U001',
    returnedLines: [
      { itemCode: '6901234567890', name: '男士皮鞋', spec: '42码 黑色', quantity: 1, unitPriceFen: 45_900 },
    ],
    refundFen: 45_900,
    refundMethod: 'original_channel',
    reasonCode: 'quality',
    reasonText: '鞋底开胶',
    packagingIntact: true,
    accessoriesComplete: true,
    qualityProblem: true,
    deductCommission: false,
    ...over,
  };
}
