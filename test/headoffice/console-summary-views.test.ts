// The consolidated summary's exports (PDF, CSV, xlsx read back), drill-down from its figures to the
// cases behind them (the list adds up to the figure), and branches side by side, on every head-office store.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleErrorBody, ConsoleSummary } from '../../src-headoffice/console/api-contract';
import type { BranchCompareAnswer, SummaryDrillAnswer } from '../../src-headoffice/console/api-contract';
import { parseCsv } from '../helpers/csv';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const DAY = Date.parse('2026-11-10T02:00:00Z');
const Q = 'period=month&date=2026-11-15';

function slip(caseId: string | null, n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    number: `SH01-TH-202611-${String(n).padStart(4, '0')}`,
    branchCode: 'SH01',
    type: 'return',
    status: 'completed',
    receiptNo: `R-${n}`,
    unitId: 'unit-1',
    unitName: '鞋部',
    returnedLines: [
      { itemCode: 'A1', name: '袜子', spec: '均码', quantity: 1, unitPriceFen: 12_000, amountFen: 12_000 },
    ],
    issuedLines: [],
    returnedTotalFen: 12_000,
    issuedTotalFen: 0,
    differenceFen: -12_000,
    refundFen: 12_000,
    refundMethod: 'cash',
    reasonCode: 'quality',
    packagingIntact: true,
    accessoriesComplete: true,
    qualityProblem: true,
    deductCommission: false,
    ...(caseId ? { caseId } : {}),
    handledBy: 'user-clerk',
    handledByName: '陈服务台',
    handledAt: DAY + n * 60_000,
    approvalReasons: [],
    settlementStatus: 'unsettled',
    version: 1,
    createdAt: DAY,
    updatedAt: DAY,
    duplicates: [],
    ...over,
  };
}

const at = (n: number) => DAY + n * 3_600_000;

async function seed(hq: Hq, keys: Record<string, string>): Promise<void> {
  const fed = (n: number, over: Record<string, unknown>) => ({
    receivedAt: at(n),
    status: 'fed_back',
    firstFedBackAt: at(n) + 600_000,
    ...over,
  });
  const c1 = caseSnapshot(
    'SH01',
    1,
    fed(1, {
      complainedUnitId: 'unit-1',
      finding: 'founded',
      satisfaction: 'satisfied',
      categoryCode: 'product_quality',
      cause: 'product_or_service',
    }),
  );
  const c2 = caseSnapshot(
    'SH01',
    2,
    fed(2, {
      complainedUnitId: 'unit-1',
      finding: 'unfounded',
      satisfaction: 'unsatisfied',
      disputed: true,
      typical: true,
    }),
  );
  const c3 = caseSnapshot('SH01', 3, {
    receivedAt: at(3),
    severity: 'major',
    channel: 'in_store',
    complainedUnitId: 'unit-2',
  });
  const c4 = caseSnapshot(
    'SH01',
    4,
    fed(4, {
      channel: 'in_store',
      escalations: [
        { id: 'e1', kind: 'consult_12315', note: '顾客要求咨询12315', byUser: 'user-secretary', at: at(4) + 30_000 },
      ],
      promises: [
        {
          id: 'p1',
          madeBy: 'user-secretary',
          madeAt: at(4),
          promisedAt: at(4) + 3_600_000,
          answeredAt: at(4) + 60_000,
        },
      ],
    }),
  );
  await pushRecords(hq, keys.SH01 as string, 'SH01', [
    { type: 'unit', data: { id: 'unit-1', code: 'U1', name: '鞋部', active: true, version: 1 } },
    { type: 'unit', data: { id: 'unit-2', code: 'U2', name: '食品部', active: true, version: 1 } },
    ...[c1, c2, c3, c4].map((data) => ({ type: 'case', data })),
    { type: 'slip', data: slip(String(c1.id), 1) },
    { type: 'slip', data: slip(String(c1.id), 2, { qualityProblem: false, refundFen: 3_000 }) },
    { type: 'slip', data: slip(null, 3, { type: 'exchange', refundFen: 0 }) },
  ]);
  await pushRecords(hq, keys.SH02 as string, 'SH02', [
    { type: 'unit', data: { id: 'unit-1', code: 'U1', name: '家电部', active: true, version: 1 } },
    {
      type: 'case',
      data: caseSnapshot(
        'SH02',
        1,
        fed(5, { complainedUnitId: 'unit-1', satisfaction: 'basically_satisfied', categoryCode: 'product_quality' }),
      ),
    },
    { type: 'case', data: caseSnapshot('SH02', 2, { receivedAt: at(6), channel: 'government', severity: 'major' }) },
  ]);
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('consolidated summary views (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    await seed(hq, keys);
  });
  afterEach(() => hq.close());

  const drill = (figure: string, extra = '') =>
    client.call<SummaryDrillAnswer>(
      'GET',
      `/console/api/summary/cases?${Q}${extra}&figure=${encodeURIComponent(figure)}`,
    );

  it('drill-down: the cases behind each figure add up to the figure, over all branches and one', async () => {
    const s = (await client.call<ConsoleSummary>('GET', `/console/api/summary?${Q}`)).json.summary;
    expect(s.total).toBe(6);
    const figures: [string, number][] = [
      ['total', s.total],
      ['category:product_quality', s.byCategory.find((r) => r.key === 'product_quality')?.count ?? -1],
      ['channel:in_store', s.byChannel.find((r) => r.key === 'in_store')?.count ?? -1],
      ['unit:SH01/unit-1', s.byUnit.find((r) => r.key === 'SH01/unit-1')?.count ?? -1],
      ['unit:-', s.byUnit.find((r) => r.key === '')?.count ?? -1],
      ['closing:open', s.closing.open],
      ['closing:same_day', s.closing.same_day],
      ['overdue', s.openOverdue],
      ['satisfaction:unsatisfied', s.satisfaction.unsatisfied],
      ['satisfaction:not_asked', s.satisfaction.not_asked],
      ['finding:founded', s.findings.founded],
      ['finding:none', s.findings.none],
      ['cause:product_or_service', 1],
      ['disputed', s.disputed],
      ['escalation:consult_12315', s.escalationsByKind.consult_12315],
      ['typical', s.typicalTotal],
      ['attention', s.attentionTotal],
      ['severity:major', s.bySeverity.major],
      ['government', s.government.total],
      ['reply:none', s.government.writtenReplies.none],
      ['promises:kept', s.promises.kept],
      ['slips:count', s.slips.count],
      ['slips:quality', s.slips.qualityCount],
      ['slips:exchanges', s.slips.exchanges],
    ];
    expect(figures.filter(([, n]) => n > 0).length).toBeGreaterThan(18);
    for (const [figure, n] of figures) {
      const d = await drill(figure);
      expect(d.status, figure).toBe(200);
      expect(d.json.total, figure).toBe(n);
      expect(d.json.rows.reduce((k, r) => k + r.items, 0) + d.json.standaloneSlips, figure).toBe(n);
    }
    // Case figures list one row per case; slip figures count slips (one case has two, one slip has no case).
    expect((await drill('overdue')).json.rows.map((r) => r.number)).toEqual([
      'SH01-YY-202611-0003',
      'SH02-YY-202611-0002',
    ]);
    const slips = (await drill('slips:count')).json;
    expect(slips).toMatchObject({ total: 3, standaloneSlips: 1 });
    expect(slips.rows).toMatchObject([{ branch: 'SH01', number: 'SH01-YY-202611-0001', items: 2, refundFen: 15_000 }]);
    // Units are (branch, unit): SH02's unit-1 is another unit.
    expect((await drill('unit:SH02/unit-1')).json.rows.map((r) => r.branch)).toEqual(['SH02']);
    // One branch: its own figures, unit keys without the branch.
    const one = (await client.call<ConsoleSummary>('GET', `/console/api/summary?${Q}&branch=SH01`)).json.summary;
    const d = await drill('unit:unit-1', '&branch=SH01');
    expect(d.json.total).toBe(one.byUnit.find((r) => r.key === 'unit-1')?.count);
    expect(d.json.names.units['unit-1']).toBe('鞋部');
  });

  it('drill-down refuses a figure the summary does not have, naming the field in both languages', async () => {
    for (const figure of ['nonsense', 'channel:pigeon', 'total:1', 'category:', 'slips:everything']) {
      const r = await client.call<ConsoleErrorBody>(
        'GET',
        `/console/api/summary/cases?${Q}&figure=${encodeURIComponent(figure)}`,
      );
      expect(r.status, figure).toBe(400);
      expect(r.json.code).toBe('VALIDATION');
      expect(r.json.message.zh).toContain('汇总数字');
      expect(r.json.message.en).toContain('Summary figure');
    }
    const noFigure = await client.call<ConsoleErrorBody>('GET', `/console/api/summary/cases?${Q}`);
    expect(noFigure.status).toBe(400);
    const badPeriod = await client.call<ConsoleErrorBody>(
      'GET',
      '/console/api/summary/cases?period=year&date=2026-11-15&figure=total',
    );
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.json.message.zh).toContain('周期');
  });

  it('exports PDF, CSV and xlsx with the branch exporters, titled with the branches and the period', async () => {
    const get = (path: string) => fetch(`${hq.url}${path}`, { headers: { cookie: client.cookie } });
    const pdf = await get(`/console/api/summary.pdf?${Q}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('attachment;');
    expect(pdf.headers.get('content-disposition')).toContain(encodeURIComponent('顾客异议处理月报表-ALL-2026-11.pdf'));
    const text = squash((await readPdf(Buffer.from(await pdf.arrayBuffer()))).map((p) => p.text).join(''));
    expect(text).toContain('顾客异议处理月报表');
    expect(text).toContain(squash('全部门店 BJ01、SH01、SH02'));
    expect(text).toContain('2026-11');
    expect(text).toContain('SH01鞋部');

    const print = await get(`/console/api/summary.pdf?${Q}&branch=SH02&lang=en&disposition=inline`);
    expect(print.headers.get('content-disposition')).toMatch(/^inline;/);
    const en = squash((await readPdf(Buffer.from(await print.arrayBuffer()))).map((p) => p.text).join(''));
    expect(en).toContain(squash('Customer objections: monthly report'));
    expect(en).toContain(squash('Head office consolidation (SH02)'));
    const enAll = await get(`/console/api/summary.pdf?${Q}&lang=en`);
    expect(squash((await readPdf(Buffer.from(await enAll.arrayBuffer()))).map((p) => p.text).join(''))).toContain(
      squash('All branches BJ01, SH01, SH02 (ALL)'),
    );

    const csv = await get(`/console/api/summary.csv?${Q}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['顾客异议处理月报表']);
    expect(rows.find((r) => r[0] === '门店')?.[1]).toBe('全部门店 BJ01、SH01、SH02 (ALL)');
    expect(rows.find((r) => r[0] === '受理总数')?.[1]).toBe('6');
    expect(rows.find((r) => r[0] === '商品质量')?.[1]).toBe('2');
    expect(rows.find((r) => r[0] === '退款金额(元)')?.[1]).toBe('150.00');

    const xlsx = await get(`/console/api/summary.xlsx?${Q}&lang=en`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0]?.name).toBe('Overview');
    let total: unknown;
    wb.worksheets[0]?.eachRow((r) => {
      if (r.getCell(1).value === 'Cases received') total = r.getCell(2).value;
    });
    expect(total).toBe(6);

    const bad = await client.call<ConsoleErrorBody>('GET', `/console/api/summary.csv?${Q}&lang=fr`);
    expect(bad.status).toBe(400);
    expect(bad.json.message.zh).toContain('语言');
    expect(bad.json.message.en).toContain('Language');
    const anonymous = await fetch(`${hq.url}/console/api/summary.pdf?${Q}`);
    expect(anonymous.status).toBe(401);
  });

  it('branches side by side: one column per branch, each equal to that branch’s own summary', async () => {
    const r = await client.call<BranchCompareAnswer>('GET', `/console/api/summary/branches?${Q}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ period: 'month', firstDate: '2026-11-01', lastDate: '2026-11-30' });
    expect(r.json.branches.map((b) => b.branch)).toEqual(['BJ01', 'SH01', 'SH02']);
    for (const col of r.json.branches) {
      const s = (await client.call<ConsoleSummary>('GET', `/console/api/summary?${Q}&branch=${col.branch}`)).json
        .summary;
      expect(col).toMatchObject({
        cases: s.total,
        late: s.closing.late,
        openOverdue: s.openOverdue,
        disputed: s.disputed,
        slips: s.slips.count,
        refundFen: s.slips.refundFen,
        major: s.bySeverity.major,
      });
    }
    expect(r.json.branches[0]).toMatchObject({ cases: 0, satisfactionRate: null });
    expect(r.json.branches[1]).toMatchObject({
      cases: 4,
      onTime: 3,
      open: 1,
      slips: 3,
      refundFen: 15_000,
      satisfactionRate: 0.5,
    });
    expect(r.json.branches[2]).toMatchObject({ cases: 2, major: 1, satisfactionRate: 1 });
    const bad = await client.call<ConsoleErrorBody>(
      'GET',
      '/console/api/summary/branches?period=month&date=2026-13-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.json.message.zh).toContain('日期');
    expect(bad.json.message.en).toContain('Date');
  });
});
