// The summary screen's echarts options: cases by category, the trend with its late cases, and the
// time-limit and satisfaction donuts. Every bar and slice carries its value as a label, and the late
// series is drawn dashed with square marks, so the charts read in grey too (printed from the browser).
import type { Summary } from '../../../../src-main/shared/summary-types';
import type { EChartOption } from '../../../components/EChart';
import type { SummaryLabels } from '../summary-labels';
import { CLOSING_KEYS, type CountTables } from './count-rows';

export const BLUE = '#3b6fb6';
export const RED = '#b8433a';
const GREEN = '#3f8f5a';
const CLOSING_COLORS = {
  same_day: GREEN,
  next_day: '#7cb36b',
  within_limit: '#b9d38a',
  late: RED,
  open: '#b8bcc4',
} as const;
const SAT_COLORS = ['#3f8f5a', '#9bc46f', RED, '#b8bcc4'];
const axisText = { color: '#374151', fontSize: 12 };

export function chartOptions(s: Summary, labels: SummaryLabels, t: Pick<CountTables, 'category' | 'satisfaction'>) {
  const w = labels.words;
  const cat = [...t.category].reverse();
  const categoryOption: EChartOption = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
    yAxis: { type: 'category', data: cat.map((r) => r.name), axisLabel: axisText },
    series: [
      {
        type: 'bar',
        data: cat.map((r) => r.count),
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', color: '#111827' },
        barMaxWidth: 22,
      },
    ],
  };
  const trendOption: EChartOption = {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: axisText },
    xAxis: { type: 'category', data: s.trend.map((p) => p.key), axisLabel: axisText },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
    series: [
      {
        name: w.total,
        type: 'bar',
        itemStyle: { color: BLUE },
        data: s.trend.map((p, i) => ({
          value: p.total,
          itemStyle: { color: i === s.trend.length - 1 ? BLUE : '#9db7dc' },
        })),
        barMaxWidth: 36,
        label: { show: true, position: 'top', color: '#111827' },
      },
      {
        name: w.sameDay,
        type: 'line',
        data: s.trend.map((p) => p.sameDay),
        itemStyle: { color: GREEN },
        symbol: 'circle',
        symbolSize: 6,
      },
      {
        name: w.late,
        type: 'line',
        // The late count written at each point that has any (a row of zeros would sit on the axis labels).
        data: s.trend.map((p) => ({ value: p.late, label: { show: p.late > 0 } })),
        itemStyle: { color: RED },
        lineStyle: { type: 'dashed' },
        symbol: 'rect',
        symbolSize: 7,
        label: { position: 'right', color: RED },
      },
    ],
  };
  return {
    categoryOption,
    trendOption,
    closingOption: donut(
      CLOSING_KEYS.map((k) => ({
        name: labels.closing[k],
        value: s.closing[k],
        itemStyle: { color: CLOSING_COLORS[k] },
      })),
    ),
    satisfactionOption: donut(
      t.satisfaction.map((r, i) => ({ name: r.name, value: r.count, itemStyle: { color: SAT_COLORS[i] } })),
    ),
  };
}

/** A donut of the non-empty slices, each labelled with its name and count, legend below. */
function donut(data: { name: string; value: number; itemStyle: { color: string | undefined } }[]): EChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: axisText },
    series: [
      {
        type: 'pie',
        radius: ['38%', '64%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}\n{c}', color: '#111827' },
        data: data.filter((d) => d.value > 0),
      },
    ],
  };
}
