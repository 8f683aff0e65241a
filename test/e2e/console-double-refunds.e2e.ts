// Head office's list of double refunds in the console (issue 18 §4), in Chromium: SH01 and SH02 each send a
// slip returning the same item on the same receipt (typed in two spellings); the repeat-complainants page
// lists the pair with both slips. Screenshot: docs/screenshots/console-double-refunds.png.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ConsoleHarness, pushRecords, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
const pageErrors = useConsolePage((c) => ({ h, page } = c));

const T = Date.now() - 3 * 86_400_000;

function slip(branch: string, receiptNo: string) {
  return {
    id: randomUUID(),
    number: `${branch}-TH-202611-0901`,
    branchCode: branch,
    type: 'return',
    status: 'completed',
    receiptNo,
    unitId: randomUUID(),
    unitName: '家电部',
    returnedLines: [
      { itemCode: '6901234509999', name: '电水壶', quantity: 1, unitPriceFen: 15_900, amountFen: 15_900 },
    ],
    issuedLines: [],
    returnedTotalFen: 15_900,
    issuedTotalFen: 0,
    differenceFen: 0,
    refundFen: 15_900,
    reasonCode: 'quality',
    packagingIntact: true,
    accessoriesComplete: true,
    qualityProblem: true,
    deductCommission: false,
    caseId: null,
    handledBy: randomUUID(),
    handledByName: '服务台',
    handledAt: T,
    approvalReasons: [],
    settlementStatus: 'unsettled',
    version: 1,
    createdAt: T,
    updatedAt: T,
    duplicates: [],
  };
}

/** One signed batch of the branch under an epoch of its own (a second PC of the branch). */
const push = (branch: string, data: Record<string, unknown>) =>
  pushRecords(h, branch, `E-double-${branch}`, [{ type: 'slip', data }]);

describe('double refunds in the console', () => {
  it('lists the receipt and item refunded at SH01 and SH02 with both slips', async () => {
    expect(await push('SH01', slip('SH01', 'D20261128-0031'))).toBe(200);
    expect(await push('SH02', slip('SH02', 'd20261128 31'))).toBe(200);
    await page.goto(`${h.origin}/console/#/repeats`);
    const row = page
      .locator('[data-testid="double-refunds"] tbody tr.ant-table-row')
      .filter({ hasText: 'D20261128-31' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('6901234509999');
    expect(text).toContain('SH01-TH-202611-0901');
    expect(text).toContain('SH02-TH-202611-0901');
    await page.getByRole('heading', { name: '跨门店重复退款' }).scrollIntoViewIfNeeded();
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'console-double-refunds');
    expect(pageErrors).toEqual([]);
  });
});
