// home_interactive_ms_1m (issue #5): how long the home screen takes to become usable in Chromium with
// 1,000,000 cases in the store — from navigation (already signed in) until the queue
// counts are shown and the first rows of the default queue are in the list.
//   tsx scripts/bench-home.ts [--runs N]     (needs `npm run build:renderer` and /usr/bin/chromium)
// Uses bench/dataset.ts's cached 1M store (built in ~3 min when missing), on a copy, since
// the dev server writes (deadline refresh, sign-ins).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeResults } from '../bench/report';
import { chromium } from 'playwright-core';
import { ensureDataset } from '../bench/dataset';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const dataset = ensureDataset(join(import.meta.dirname, '../bench/tmp'), 1_000_000, (s) => console.error(s));
const dir = mkdtempSync(join(tmpdir(), 'branch-desk-bench-home-'));
const db = join(dir, 'store.sqlite');
copyFileSync(dataset.file, db);

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-server.ts', '--db', db, '--port', '0'], { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    const m = /dev server: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  server.on('exit', (c) => reject(new Error(`dev server exited ${c}`)));
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(url);
  await page.locator('#staffNo').fill('S001');
  await page.locator('#pin').fill('246810');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor({ timeout: 120_000 });

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.goto(`${url}?r=${i}#/`);
    // Interactive: every count tile has its number and the list shows rows (or says empty).
    await page.waitForFunction(() => {
      const tiles = [...document.querySelectorAll('.queue-tile .count')];
      const counted = tiles.length > 0 && tiles.every((e) => /\d/.test(e.textContent ?? ''));
      return counted && (document.querySelector('[data-row]') !== null || document.body.textContent?.includes('没有个案'));
    }, undefined, { timeout: 60_000 });
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  console.error(`home_interactive_ms_1m ${median} ms (${times.join(', ')})`);

  const figure = { name: 'home_interactive_ms_1m', value: median, unit: 'ms', note: `median of ${runs} navigations (signed in) until counts and first rows show; all: ${times.join(', ')}; headless Chromium, dev server over HTTP` };
  console.log(JSON.stringify([figure], null, 2));
  // Merged into the bench's results so the figure is compared over time with the others.
  writeResults(join(import.meta.dirname, '..', 'bench', 'results.json'), [figure], true);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
