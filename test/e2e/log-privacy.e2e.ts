// Logs hold no personal data (issue 20 §5) and the store is encrypted at rest (§4), end to end: browser
// mode on a demo store encrypted with BRANCH_DESK_DB_KEY, a clerk types a phone and a name into a new
// case and searches for them, a malformed request quoting them reaches the server; then everything the
// server wrote (stdout, stderr, any log file in its data folder) is grepped for them: none found, and
// the store's file and WAL hold neither.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoStore, launchChromium, signIn, startDemoBranch, stopProcess } from './harness';

const PHONE = '13987650123';
const NAME = '钱多多';

let dir = '';
let proc: ChildProcess | undefined;
let output: () => string = () => '';
let url = '';
let browser: Browser | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'branch-desk-e2e-logs-'));
  // Inherited by the server: the demo store is seeded and opened encrypted with it.
  process.env.BRANCH_DESK_DB_KEY = randomBytes(32).toString('hex');
  const started = await startDemoBranch(dir, 30);
  delete process.env.BRANCH_DESK_DB_KEY;
  ({ proc, url, output } = started);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(proc);
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under the data folder whose name says it is a log. */
function logFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.log$|log\.txt$/.test(e)) out.push(p);
    }
  };
  walk(root);
  return out;
}

describe('what the branch server writes', () => {
  it('holds none of the phone and name a clerk typed', async () => {
    expect(output()).toContain('Store encrypted at rest, key in BRANCH_DESK_DB_KEY');
    const page = await (
      await browser!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(page, url, 'S001');
    await page.goto(`${url}#/intake/phone`);
    await page.locator('#phone').fill(PHONE);
    await page.locator('#name').fill(NAME);
    await page.locator('#content').fill('顾客来电投诉:购买的电饭煲内胆有划痕,要求更换。');
    await choose(page, 'category', '商品质量');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="status"]').waitFor();

    // A search for them, and requests the server must refuse: malformed JSON and bad input quoting them.
    const answers = await page.evaluate(
      async ({ phone, name }) => {
        const post = (channel: string, body: string) =>
          fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
            (r) => r.status,
          );
        return [
          await post('search.cases', JSON.stringify({ q: phone })),
          await post('cases.create', `{"customer":{"name":"${name}","phone":"${phone}"`),
          await post('cases.create', JSON.stringify({ customer: { name, phone }, channel: 'nonsense' })),
        ];
      },
      { phone: PHONE, name: NAME },
    );
    expect(answers[1]).toBeGreaterThanOrEqual(400);

    await stopProcess(proc);
    const written = [output(), ...logFiles(dir).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(written).toContain('Branch Desk:');
    for (const needle of [PHONE, '139 8765 0123', '0123"', NAME]) expect(written).not.toContain(needle);

    // At rest: neither in the store nor its WAL.
    const store = demoStore(dir);
    const raw = Buffer.concat([
      readFileSync(store),
      ...(existsSync(`${store}-wal`) ? [readFileSync(`${store}-wal`)] : []),
    ]);
    expect(raw.includes(Buffer.from(PHONE))).toBe(false);
    expect(raw.includes(Buffer.from(NAME, 'utf8'))).toBe(false);
  }, 120_000);
});
