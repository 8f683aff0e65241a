// @vitest-environment jsdom
// The console's case page in words: the purchase and units by name, the finding and cause, each
// escalation's kind and outcome, an exchange slip's totals, lines, answers and settlement, deadlines
// met or missed, the data's age, and an audit trail with labels, yuan and Shanghai times — never a
// raw code, an id, an amount in fen or an epoch number.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CaseDetail, casePath } from '../../src-headoffice/console/api-contract';
import { CaseDetailScreen } from '../../src-renderer/console/screens/CaseDetailScreen';
import { renderConsole } from './console-render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = Date.parse('2026-11-01T02:30:00Z');
const CASE_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const UNIT_ID = '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const STAFF_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const detail = {
  branch: 'SH01',
  version: 3,
  importedAt: T + 3_600_000,
  lastBatchAt: T + 3_600_000,
  newestCaseAt: T + 7_200_000,
  names: { [UNIT_ID]: '家电部', [STAFF_ID]: '李秘书' },
  case: {
    id: CASE_ID,
    number: 'SH01-YY-202611-0001',
    branchCode: 'SH01',
    channel: 'government',
    status: 'fed_back',
    severity: 'major',
    receivedAt: T,
    receivedBy: STAFF_ID,
    assigneeId: STAFF_ID,
    anonymous: false,
    customerName: '王五',
    customerPhone: '13900005721',
    govBody: 'consumer_association',
    govReferenceNo: 'LW-2026-118',
    purchaseItems: [{ name: '电饭煲', quantity: 2, code: '6901' }],
    receiptNo: 'R-88',
    purchaseDate: '2026-10-20',
    purchaseAmountFen: 125_100,
    content: '内胆涂层脱落',
    categoryCode: 'product_quality',
    complainedUnitId: UNIT_ID,
    handlingUnitId: UNIT_ID,
    resolutionType: 'exchange',
    resolutionSummary: '换新',
    resolutionAmountFen: 4_800,
    // Offering choices (issue 21 §3), as the snapshot carries them (nulls left out).
    resolutionOffer: {
      options: [
        { kind: 'exchange', text: '换新款' },
        { kind: 'refund', amountFen: 125_100 },
      ],
      chosen: 0,
    },
    slipNumbers: ['SH01-TH-202611-0001'],
    firstFedBackAt: T + 1_800_000,
    fedBackAt: T + 1_800_000,
    satisfaction: 'satisfied',
    cause: 'product_or_service',
    finding: 'founded',
    handlingSteps: [{ stepKey: 'listen', tickedBy: STAFF_ID, tickedByName: '李秘书', tickedAt: T }],
    correctiveActions: [
      {
        id: 'a1',
        caseId: CASE_ID,
        responsibleUnitId: UNIT_ID,
        responsibleName: '家电部',
        actionText: '到货抽检内胆涂层',
        dueDate: '2026-11-05',
        dueAt: T + 4 * 86_400_000,
        state: 'confirmed',
        createdBy: STAFF_ID,
        createdByName: '李秘书',
        createdAt: T,
        doneAt: T + 86_400_000,
        doneBy: STAFF_ID,
        doneByName: '周家电',
        doneNote: '抽检 20 台',
        confirmedAt: T + 2 * 86_400_000,
        confirmedBy: STAFF_ID,
        confirmedByName: '王店长',
        confirmNote: '未再发现',
        returnCount: 0,
        version: 3,
      },
    ],
    findingAt: T + 1_700_000,
    typical: false,
    reopenCount: 0,
    version: 3,
    createdAt: T,
    updatedAt: T + 1_800_000,
    events: [],
    promises: [{ id: 'p1', promisedAt: T + 600_000, madeBy: STAFF_ID, madeAt: T, answeredAt: T + 900_000 }],
    escalations: [
      { id: 'e1', kind: 'manager', note: '金额较大', outcome: '同意换新', byUser: STAFF_ID, at: T + 60_000 },
    ],
    instructions: [],
  },
  history: [
    {
      id: 'a1',
      at: T + 1_700_000,
      actorName: '李秘书',
      action: 'case.finding',
      entity: 'case',
      entityId: CASE_ID,
      before: { finding: null, cause: null, assigneeId: null },
      after: { finding: 'founded', cause: 'product_or_service', assigneeId: STAFF_ID },
    },
    {
      id: 'a2',
      at: T + 1_800_000,
      actorName: '李秘书',
      action: 'case.feedback',
      entity: 'case',
      entityId: CASE_ID,
      before: { dueAt: T + 3_000_000, firstFedBackAt: null, resolutionAmountFen: null },
      after: { firstFedBackAt: T + 1_800_000, resolutionAmountFen: 4_800 },
    },
    {
      id: 'a3',
      at: T + 2_000_000,
      actorName: '周店长',
      action: 'slip.approve',
      entity: 'slip',
      entityId: 's1',
      before: { status: 'pending_approval', approvedBy: null },
      after: { status: 'completed', approvedBy: STAFF_ID },
    },
  ],
  slips: [
    {
      id: 's1',
      caseId: CASE_ID,
      number: 'SH01-TH-202611-0001',
      branchCode: 'SH01',
      type: 'exchange',
      status: 'completed',
      receiptNo: 'R-88',
      unitId: UNIT_ID,
      unitName: '家电部',
      returnedLines: [{ itemCode: 'C1', name: '电饭煲', quantity: 1, unitPriceFen: 125_100, amountFen: 125_100 }],
      issuedLines: [{ itemCode: 'C2', name: '电饭煲 新款', quantity: 1, unitPriceFen: 129_900, amountFen: 129_900 }],
      returnedTotalFen: 125_100,
      issuedTotalFen: 129_900,
      differenceFen: 4_800,
      refundFen: 0,
      reasonCode: 'quality',
      packagingIntact: true,
      accessoriesComplete: false,
      qualityProblem: true,
      deductCommission: false,
      handledBy: STAFF_ID,
      handledByName: '陈服务台',
      handledAt: T,
      approvalReasons: [],
      settlementStatus: 'settled',
      settledOn: '2026-11-02',
      version: 2,
      createdAt: T,
      updatedAt: T,
      duplicates: [],
    },
  ],
  followUps: [],
  instructions: [],
} as unknown as CaseDetail;

describe('console case page', () => {
  it('reads in words: units, purchase, finding, escalation, slip amounts and answers, deadlines, audit', async () => {
    await renderConsole(<CaseDetailScreen branch="SH01" id={CASE_ID} />, (_m, url) =>
      url === casePath('SH01', CASE_ID) ? { status: 200, body: detail } : { status: 404 },
    );
    await screen.findByTestId('purchase');
    const page = document.body.textContent ?? '';
    expect(screen.getByTestId('complained-unit').textContent).toBe('家电部');
    expect(screen.getByTestId('purchase-amount').textContent).toBe('¥1251.00');
    expect(screen.getByTestId('purchase-items').textContent).toContain('电饭煲 · 数量 2');
    expect(screen.getByTestId('handling').textContent).toContain('属实');
    expect(screen.getByTestId('handling').textContent).toContain('同意换新');
    // Shown once, in the branch's own handling group (CaseFacts through caseRecordOf).
    const offers = screen.getByTestId('offer-list');
    expect(offers.querySelector('[data-chosen]')?.textContent).toBe('换货 · 换新款顾客选择');
    expect(offers.textContent).toContain('退货退款 · ¥1251.00');
    // 纠正预防措施 as the branch sent them on the case, read only.
    const capa = document.querySelector('[data-group="correctiveActions"]')?.textContent ?? '';
    for (const want of [
      '家电部',
      '效果已确认',
      '期限 2026-11-05',
      '到货抽检内胆涂层',
      '完成:抽检 20 台',
      '确认效果:未再发现',
    ])
      expect(capa).toContain(want);
    expect(document.querySelector('[data-group="correctiveActions"] button')).toBeNull();
    // The steps of guided handling the branch ticked (issue 21 §3), read only, named from the library.
    const steps = document.querySelector('[data-group="handlingSteps"]')?.textContent ?? '';
    expect(steps).toContain('已完成 1/7 步');
    expect(steps).toMatch(/耐心倾听李秘书 于 2026\/\d\d\/\d\d \d\d:\d\d 勾选/);
    expect(document.querySelector('[data-group="handlingSteps"] input')).toBeNull();
    expect(screen.getByTestId('slip-returned-total').textContent).toBe('¥1251.00');
    expect(screen.getByTestId('slip-issued-total').textContent).toBe('¥1299.00');
    expect(screen.getByTestId('slip-difference').textContent).toBe('¥48.00');
    expect(screen.getByTestId('slip-settlement').textContent).toContain('2026-11-02');
    expect(screen.getByTestId('slips').textContent).toContain('电饭煲 新款');
    expect(screen.getByTestId('data-age').textContent).toContain('门店最近一次同步');
    expect(document.querySelector('[data-deadline-state="met"]')).not.toBeNull();
    const audit = screen.getByTestId('audit').textContent ?? '';
    expect(audit).toContain('核准退换货单');
    expect(audit).toContain('调查结论: （无） → 属实');
    expect(audit).toContain('¥48.00');
    expect(audit).toContain('李秘书');
    // No raw codes, ids, fen or epoch numbers anywhere on the page.
    for (const raw of ['founded', 'product_or_service', 'slip.approve', 'pending_approval', '125100', String(T)])
      expect(page).not.toContain(raw);
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(page).not.toMatch(/\b1[78]\d{11}\b/);
  });
});
