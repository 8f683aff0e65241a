// home_interactive_ms_1m (issue #5): how long the home screen takes to become usable in Chromium with
// 1,000,000 cases in the store — from navigation (already signed in) until the queue
// counts are shown and the first rows of the default queue are in the list.
//   tsx scripts/bench-home.ts [--runs N]     (needs `npm run build:renderer` and /usr/bin/chromium)
// Uses bench/dataset.ts's cached 1M store (built in ~3 min when missing), on a copy, since
// the dev server writes (deadline refresh, sign-ins).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeResults } from '../bench/report';
import { startBrowserBench } from './bench-browser';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const { url, page, close } = await startBrowserBench('bench-home');
try {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.goto(`${url}?r=${i}#/`);
    // Interactive: every count tile has its number and the list shows rows (or says empty).
    await page.waitForFunction(
      () => {
        const tiles = [...document.querySelectorAll('.queue-tile .count')];
        const counted = tiles.length > 0 && tiles.every((e) => /\d/.test(e.textContent ?? ''));
        return (
          counted && (document.querySelector('[data-row]') !== null || document.body.textContent?.includes('没有个案'))
        );
      },
      undefined,
      { timeout: 60_000 },
    );
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  console.error(`home_interactive_ms_1m ${median} ms (${times.join(', ')})`);

  const figure = {
    name: 'home_interactive_ms_1m',
    value: median,
    unit: 'ms',
    note: `median of ${runs} navigations (signed in) until counts and first rows show; all: ${times.join(', ')}; headless Chromium, dev server over HTTP`,
  };
  console.log(JSON.stringify([figure], null, 2));
  // Merged into the bench's results so the figure is compared over time with the others.
  writeResults(join(import.meta.dirname, '..', 'bench', 'results.json'), [figure], true);
} finally {
  await close();
}
