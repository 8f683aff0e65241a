// A summary report built from hand-made facts (no store): `n` cases across the month and two earlier
// ones, every third late, every fourth typical, every fifth disputed — enough for a report of three
// pages and more — plus slips dated in and around the month, for the summary-report PDF tests and samples.
import { caseFacts, type CaseSnapshot, type SlipSnapshot, summarize } from '../../src-main/domain/summary';
import { periodOfDate, previousPeriods } from '../../src-main/domain/report-period';
import type { PeriodType, SummaryReport } from '../../src-main/shared/summary-types';

export const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const CATS = ['product_quality', 'service_attitude', 'price', 'delivery'] as const;

export function longReport(opts: { type: PeriodType; date: string; n: number; generatedAt: number }): SummaryReport {
  const period = periodOfDate(opts.type, opts.date, TZ);
  const previous = previousPeriods(period, 3, TZ);
  const from = previous[0]?.from ?? period.from;
  const span = period.to - from;
  const facts = Array.from({ length: opts.n }, (_, i) => {
    const receivedAt = from + Math.floor(((i + 0.5) / opts.n) * span);
    const c: CaseSnapshot = {
      id: `c${i}`,
      number: `SH01-YY-${String(i + 1).padStart(5, '0')}`,
      channel: i % 7 === 0 ? 'government' : i % 2 === 0 ? 'phone' : 'in_store',
      categoryCode: CATS[i % CATS.length] as string,
      receivedAt,
      complainedUnitId: i % 2 === 0 ? 'u-shoes' : 'u-food',
      firstFedBackAt: i % 3 === 0 ? receivedAt + 40 * HOUR : i % 5 === 4 ? null : receivedAt + HOUR,
      satisfaction: i % 4 === 0 ? 'unsatisfied' : 'satisfied',
      disputed: i % 5 === 0,
      typical: i % 4 === 1,
      escalations: i % 6 === 0 ? [{ kind: 'duty_supervisor' }] : null,
    };
    const slips: SlipSnapshot[] =
      i % 3 === 1
        ? [
            {
              id: `s${i}`,
              number: `TH-${i}`,
              type: 'return',
              status: 'completed',
              handledAt: receivedAt + (i % 9 === 1 ? 20 * 24 : 2) * HOUR,
              refundFen: 12_300,
              returnedTotalFen: 12_300,
              caseId: c.id,
            },
          ]
        : [];
    return caseFacts(c, slips);
  });
  const summary = summarize(facts, period, previous, { asOf: opts.generatedAt });
  return {
    summary,
    branch: { code: 'SH01', name: '上海一店' },
    timeZone: TZ,
    generatedAt: opts.generatedAt,
    names: {
      categories: {
        product_quality: { zh: '商品质量', en: 'Product quality' },
        service_attitude: { zh: '服务态度', en: 'Service attitude' },
        price: { zh: '价格', en: 'Price' },
        delivery: { zh: '送货安装', en: 'Delivery' },
      },
      units: { 'u-shoes': '鞋部', 'u-food': '食品部' },
    },
  };
}

export { sh };
