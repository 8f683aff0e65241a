// A thin wrapper over echarts: init on mount with the SVG renderer (crisp at any zoom, text
// stays text), setOption on change, resize with the container, dispose on unmount. Only the
// chart types and components the app uses are registered, to keep the bundle small.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

export function EChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: EChartOption;
  height?: number;
  label: string;
  testId?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    // Without a laid-out width (e.g. a hidden tab, or jsdom) echarts would draw nothing: give it one.
    const c = echarts.init(el, null, { renderer: 'svg', ...(el.clientWidth === 0 ? { width: 600, height } : {}) });
    chart.current = c;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    // Animation off: reports are read, not watched, and screenshots must show the final state.
    // The page's font stack (with its bundled CJK face), not echarts' bare sans-serif, which
    // may have no Chinese glyphs on the PC.
    const fontFamily = holder.current ? getComputedStyle(holder.current).fontFamily : undefined;
    chart.current?.setOption(
      { animation: false, ...(fontFamily ? { textStyle: { fontFamily } } : {}), ...option },
      true,
    );
  }, [option, height]);

  return <div ref={holder} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
