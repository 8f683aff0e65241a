// queue_scroll_dropped_frames_10k (issue #5): a queue with 10,000 rows loaded (keyset pages of
// 100, as the clerk would get them by scrolling) is scrolled top to bottom in Chromium, one
// step per animation frame, and every frame interval is recorded. A frame is dropped when
// its interval exceeds 1.5 × the display's frame time (25 ms at 60 Hz).
//   tsx scripts/bench-scroll.ts     (needs `npm run build:renderer` and /usr/bin/chromium)
import { join } from 'node:path';
import { writeResults } from '../bench/report';
import { startBrowserBench } from './bench-browser';

const ROWS = 10_000;
const ROW_PX = 44;

const { url, page, close } = await startBrowserBench('bench-scroll');
try {
  await page.goto(`${url}#/?queue=filed`);
  page.on('console', (m) => console.error(`  page: ${m.text()}`));
  // tsx compiles with keepNames: functions sent to the page refer to its __name helper.
  await page.evaluate('window.__name = (f) => f;');
  await page.locator('[data-row]').first().waitFor({ timeout: 60_000 });
  // Load pages by scrolling to the end until 10,000 rows are in the list.
  const loaded = await page.evaluate(
    async ({ rows, rowPx }) => {
      const list = document.querySelector<HTMLElement>('.vlist');
      if (!list) throw new Error('no list');
      const inner = () => (list.firstElementChild as HTMLElement).offsetHeight / rowPx;
      for (let tries = 0; inner() < rows && tries < 2000; tries++) {
        const before = inner();
        list.scrollTop = list.scrollHeight;
        list.dispatchEvent(new Event('scroll'));
        const t0 = performance.now();
        while (inner() === before && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 10));
        if (inner() === before) console.log(`no new rows after ${before} (try ${tries})`);
        else if (Math.floor(inner() / 1000) > Math.floor(before / 1000)) console.log(`${inner()} rows`);
      }
      return inner();
    },
    { rows: ROWS, rowPx: ROW_PX },
  );
  if (loaded < ROWS) throw new Error(`only ${loaded} rows could be loaded`);

  // Two passes: a steady wheel-like scroll (3 rows per frame) over the first 1,800 rows, and
  // a fast pass through all 10,000 rows in 10 s (as when dragging the scroll bar).
  const measure = (stepPx: number, frames: number) =>
    page.evaluate(
      async ({ stepPx, frames }) => {
        const list = document.querySelector<HTMLElement>('.vlist') as HTMLElement;
        list.scrollTop = 0;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const gaps: number[] = [];
        let last = performance.now();
        for (let i = 0; i < frames; i++) {
          const now = await new Promise<number>((r) =>
            requestAnimationFrame((t) => {
              list.scrollTop += stepPx;
              r(t);
            }),
          );
          gaps.push(now - last);
          last = now;
        }
        return gaps.slice(1);
      },
      { stepPx, frames },
    );
  const steady = await measure(3 * ROW_PX, 600);
  const fast = await measure(Math.ceil((ROWS * ROW_PX) / 600), 600);

  const summary = (gaps: number[]) => {
    const sorted = [...gaps].sort((a, b) => a - b);
    const frame = sorted[Math.floor(sorted.length / 2)] ?? 16.7;
    return {
      frames: gaps.length,
      dropped: gaps.filter((g) => g > 1.5 * frame).length,
      medianMs: frame,
      p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
      maxMs: sorted[sorted.length - 1] ?? NaN,
    };
  };
  const a = summary(steady);
  const b = summary(fast);
  const fmt = (s: ReturnType<typeof summary>) =>
    `${s.dropped}/${s.frames} dropped, median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`;
  console.error(`steady: ${fmt(a)}\nfast:   ${fmt(b)}`);
  const figures = [
    {
      name: 'queue_scroll_dropped_frames_10k',
      value: a.dropped + b.dropped,
      unit: 'frames',
      note: `${loaded} rows loaded in the 'filed' queue of the 1M store (the only one with more than 10,000 cases there); steady pass (3 rows/frame): ${fmt(a)}; fast pass (all rows in 600 frames): ${fmt(b)}; dropped = interval > 1.5 × median frame; headless Chromium, 1366×768`,
    },
  ];
  console.log(JSON.stringify(figures, null, 2));
  writeResults(join(import.meta.dirname, '..', 'bench', 'results.json'), figures, true);
} finally {
  await close();
}
