// @vitest-environment jsdom
// SummaryView shows a Summary with the words it is given (no fetching), with its charts drawn
// as SVG by echarts; the Reports screen runs a job through the bridge, shows progress with a
// Cancel that reaches main, and then the summary (its polling driven by fake timers).
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseFacts, periodOfDate, previousPeriods, summarize } from '../../src-main/domain/summary';
import type { ReportJobStatus, SummaryReport } from '../../src-main/shared/summary-types';
import { ReportsScreen } from '../../src-renderer/features/reports/ReportsScreen';
import { useSummaryLabels } from '../../src-renderer/features/reports/summary-labels';
import { SummaryView } from '../../src-renderer/features/reports/SummaryView';
import { renderSigned, USER } from './render';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});
/** The screen polls main's job status this often (ReportsScreen's POLL_MS). */
const POLL_MS = 250;
/** Lets fake time pass and React apply what the bridge answered meanwhile. */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
// jsdom has no canvas; echarts then measures text by its own estimate (the SVG renderer draws no canvas).
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

const TZ = 'Asia/Shanghai';
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const month = periodOfDate('month', '2026-11-15', TZ);
const facts = [
  caseFacts(
    {
      id: 'c1',
      number: 'SH01-YY-202611-0001',
      channel: 'phone',
      categoryCode: 'product_quality',
      complainedUnitId: 'u1',
      receivedAt: sh('2026-11-03T10:00:00'),
      firstFedBackAt: sh('2026-11-03T12:00:00'),
      satisfaction: 'satisfied',
      finding: 'founded',
      purchaseItems: [{ name: '男士皮鞋', code: '6901-234567' }],
    },
    [
      {
        id: 's1',
        type: 'return',
        status: 'completed',
        handledAt: sh('2026-11-03T11:00:00'),
        returnedTotalFen: 45_900,
        refundFen: 45_900,
        qualityProblem: true,
        deductCommission: false,
      },
    ],
  ),
  caseFacts(
    {
      id: 'c2',
      number: 'SH01-YY-202611-0002',
      channel: 'in_store',
      categoryCode: 'service_attitude',
      receivedAt: sh('2026-11-04T10:00:00'),
      firstFedBackAt: sh('2026-11-06T10:00:00'),
      disputed: true,
      typical: true,
      escalations: [{ kind: 'duty_supervisor' }],
      purchaseItems: [{ name: '羊毛围巾' }, { name: '男士皮鞋(棕)', code: '6901234567' }],
    },
    [],
  ),
  caseFacts(
    {
      id: 'c3',
      number: 'SH01-YY-202610-0009',
      channel: 'phone',
      categoryCode: 'price',
      receivedAt: sh('2026-10-04T10:00:00'),
    },
    // An October case's slip dated in November: counted by slip date in November, not by case month.
    [{ id: 's3', type: 'exchange', status: 'completed', handledAt: sh('2026-11-02T11:00:00'), refundFen: 0 }],
  ),
];
const summary = summarize(facts, month, previousPeriods(month, 2, TZ), { asOf: sh('2026-11-30T10:00:00') });
const report: SummaryReport = {
  summary,
  branch: { code: 'SH01', name: '上海一店' },
  timeZone: TZ,
  generatedAt: sh('2026-11-30T10:00:00'),
  names: {
    categories: {
      product_quality: { zh: '商品质量', en: 'Product quality' },
      service_attitude: { zh: '服务态度', en: 'Service attitude' },
    },
    units: { u1: '鞋部' },
  },
};

function Labelled() {
  const labels = useSummaryLabels();
  return <SummaryView summary={summary} labels={labels} names={report.names} timeZone={TZ} />;
}

describe('SummaryView', () => {
  it('shows the figures, the tables with names, and SVG charts', async () => {
    await renderSigned(<Labelled />);
    expect(within(screen.getByTestId('stat-total')).getByText('2')).toBeTruthy();
    expect(within(screen.getByTestId('stat-late')).getByText('1')).toBeTruthy();
    const cat = screen.getByTestId('table-category');
    expect(within(cat).getByText('商品质量')).toBeTruthy();
    expect(within(cat).getAllByText('50.0%')).toHaveLength(2);
    expect(within(screen.getByTestId('table-unit')).getByText('鞋部')).toBeTruthy();
    expect(within(screen.getByTestId('table-unit')).getByText('(未填写)')).toBeTruthy();
    const slips = screen.getByTestId('table-slips');
    // Both views, labelled: by slip date (2 slips, one of them the October case's) and by case month (1).
    expect(within(slips).getByText('按单据日期')).toBeTruthy();
    expect(within(slips).getByText('按个案受理期间')).toBeTruthy();
    const countRow = within(slips).getByText('退换货单数').closest('tr') as HTMLElement;
    expect([...countRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['退换货单数', '2', '1']);
    const exchangeRow = within(slips).getByText('换货').closest('tr') as HTMLElement;
    expect([...exchangeRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['换货', '1', '0']);
    expect(within(slips).getAllByText('459.00')).toHaveLength(4);
    expect(within(slips).getByTestId('slips-note').textContent).toContain('作废单不计');
    expect(within(screen.getByTestId('stat-slips')).getByText('2')).toBeTruthy();
    expect(within(screen.getByTestId('table-trend')).getByText('2026-10')).toBeTruthy();
    expect(within(screen.getByTestId('table-trend')).getByTestId('trend-note').textContent).toContain(
      '退换货单与退款按个案受理期间计',
    );
    expect(within(screen.getByTestId('table-typical')).getByText('SH01-YY-202611-0002')).toBeTruthy();
    expect(within(screen.getByTestId('table-attention')).getByText('有疑义、升级处理')).toBeTruthy();
    const chart = screen.getByTestId('chart-category');
    expect(chart.getAttribute('aria-label')).toContain('商品质量 1');
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    expect(chart.querySelector('svg')?.textContent).toContain('商品质量');
    // A summary without corrective-action counts (head office's) shows no such table.
    expect(screen.queryByTestId('table-correctiveActions')).toBeNull();
  });

  it("shows the period's corrective actions where the summary counts them", async () => {
    const withCapa = { ...summary, correctiveActions: { opened: 3, done: 2, confirmed: 1, overdue: 1 } };
    function WithCapa() {
      const labels = useSummaryLabels();
      return <SummaryView summary={withCapa} labels={labels} names={report.names} timeZone={TZ} />;
    }
    await renderSigned(<WithCapa />);
    const table = screen.getByTestId('table-correctiveActions');
    const row = (label: string) =>
      [...(within(table).getByText(label).closest('tr') as HTMLElement).querySelectorAll('td')].map(
        (td) => td.textContent,
      );
    expect(row('本期制定')).toEqual(['本期制定', '3', '']);
    expect(row('本期效果确认')).toEqual(['本期效果确认', '1', '']);
    expect(row('本期到期未按时完成')).toEqual(['本期到期未按时完成', '1', '']);
  });
});

describe('SummaryView 按商品', () => {
  function ByItem({ itemLimit }: { itemLimit: number }) {
    const labels = useSummaryLabels();
    const cut = summarize(facts, month, [], { itemLimit });
    return <SummaryView summary={cut} labels={labels} names={report.names} timeZone={TZ} />;
  }
  const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

  it('lists the items with the latest name and code, cases, founded and share', async () => {
    await renderSigned(<ByItem itemLimit={10} />);
    const table = screen.getByTestId('table-byItem');
    expect(within(table).getByText('按商品')).toBeTruthy();
    const rows = [...table.querySelectorAll('tbody tr')].map(cells);
    expect(rows).toEqual([
      ['男士皮鞋(棕) (6901234567)', '2', '1', '100.0%'],
      ['羊毛围巾', '1', '0', '50.0%'],
    ]);
    expect(within(table).queryByTestId('byItem-more')).toBeNull();
    expect(table.textContent).toContain('异议单不记录品牌和供应商');
  });

  it('says how many items there are when it lists only the first', async () => {
    await renderSigned(<ByItem itemLimit={1} />);
    const table = screen.getByTestId('table-byItem');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(within(table).getByTestId('byItem-more').textContent).toBe('仅列出前 1 项,共 2 项');
  });
});

describe('Reports screen', () => {
  // A job held at 40 of 100 and a clerk starting it are states the real store does not give
  // (a real job over a test store finishes at once; main refuses reports to a clerk):
  // the reports channels are canned here, typed by the contract; main's side of the job is
  // tested over a real store in test/services/reports.test.ts.
  it('runs a job with progress, cancels it in main, runs again and shows the result', async () => {
    const calls: string[] = [];
    let polls = 0;
    let state: ReportJobStatus['state'] = 'running';
    const status = (): ReportJobStatus => ({
      jobId: '0193a9c0-0000-7000-8000-000000000001',
      state,
      done: state === 'running' ? 40 : 100,
      total: 100,
      period: month,
      error: null,
    });
    const { invoke } = await renderSigned(<ReportsScreen />, {
      canned: {
        'reports.start': () => {
          calls.push('reports.start');
          state = 'running';
          return { ok: true, value: status() };
        },
        'reports.status': () => {
          calls.push('reports.status');
          polls++;
          return { ok: true, value: status() };
        },
        'reports.cancel': () => {
          calls.push('reports.cancel');
          state = 'cancelled';
          return { ok: true, value: status() };
        },
        'reports.result': () => {
          calls.push('reports.result');
          return { ok: true, value: report };
        },
      },
    });
    expect(USER.role).toBe('clerk');
    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: '生成报表' }));
    await elapse(0);
    expect(screen.getByText('正在汇总 40 / 100 件')).toBeTruthy();
    expect(polls).toBe(0);
    await elapse(POLL_MS);
    expect(polls).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: /取\s?消/ }));
    await elapse(0);
    expect(screen.getByText('已取消,没有生成报表')).toBeTruthy();
    expect(calls).toContain('reports.cancel');
    expect(calls).not.toContain('reports.result');
    expect(invoke.mock.calls.find((c) => c[0] === 'reports.start')?.[1]).toMatchObject({
      periodType: 'month',
      previousCount: 6,
    });

    fireEvent.click(screen.getByRole('button', { name: '生成报表' }));
    await elapse(0);
    expect(screen.getByText('正在汇总 40 / 100 件')).toBeTruthy();
    state = 'done';
    // The next poll sees the job done; the result is fetched and shown.
    await elapse(POLL_MS);
    expect(screen.getByTestId('summary-view')).toBeTruthy();
    expect(screen.getByTestId('report-heading').textContent).toContain(
      // Generated on 30 November: the month is still running, so the heading says as of when.
      '上海一店 · 2026-11(2026-11-01 至 2026-11-30,截至 11-30 10:00)',
    );
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });
});
