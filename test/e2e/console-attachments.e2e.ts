// Evidence at head office in Chromium (issue 19): a demo branch attaches a photo of the goods and an ID
// copy to a case from the command line (the same checks as the screen), syncs once over HTTP (records,
// then the bytes by the chunked PUT), and the console's case view shows the photo's thumbnail and opens
// it, while the ID copy is listed by its kind only (the demo reviewer may not open restricted kinds).
// Screenshot: docs/screenshots/attachments-console.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type ConsoleHarness, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
const pageErrors = useConsolePage((c) => ({ h, page } = c));

/** The branch CLI, as support or a scanner's folder would run it. */
const cli = (args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });

const drawn = (fill: string): Promise<Buffer> =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="100%" height="100%" fill="${fill}"/><ellipse cx="800" cy="600" rx="620" ry="260" fill="#5b3a1e"/><path d="M300 640 Q800 540 1300 660" stroke="#f2e6c9" stroke-width="26" fill="none"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer();

describe('evidence in the console', () => {
  it('shows what a branch synced: the photo with its thumbnail and viewer, the ID copy by kind only', async () => {
    const db = h.demo.branchDbs.SH01 ?? '';
    const key = h.demo.keys.SH01 ?? '';
    const store = new Database(db, { readonly: true });
    const c = store.prepare('SELECT id, number FROM cases WHERE anonymous = 0 ORDER BY rid DESC LIMIT 1').get() as {
      id: string;
      number: string;
    };
    store.close();
    const dir = mkdtempSync(join(tmpdir(), 'console-attachments-'));
    try {
      const photo = join(dir, '开胶鞋底.jpg');
      writeFileSync(photo, await drawn('#d9d4c7'));
      const idCopy = join(dir, '顾客身份证.jpg');
      writeFileSync(idCopy, await drawn('#cfe3f2'));
      cli(['attach', '--db', db, '--number', c.number, '--file', photo, '--kind', 'goods_photo', '--staff', 'S001']);
      cli(['attach', '--db', db, '--number', c.number, '--file', idCopy, '--kind', 'id_copy', '--staff', 'S001']);
      cli(['sync', '--db', db, '--url', h.origin, '--branch', 'SH01', '--key', key]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await page.goto(`${h.origin}/console/#/case/SH01/${c.id}`);
    const card = page.getByTestId('console-attachments');
    await card.locator('li[data-kind="goods_photo"]').waitFor();
    const thumb = card.getByTestId('attachment-thumb');
    await expect
      .poll(async () => thumb.first().evaluate((i: HTMLImageElement) => i.naturalWidth), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await card.locator('li[data-kind="goods_photo"]').innerText()).toContain('开胶鞋底.jpg');
    const id = card.locator('li[data-kind="id_copy"]');
    expect(await id.innerText()).toContain('仅秘书室、值班主管、店长可查看');
    expect(await id.innerText()).not.toContain('顾客身份证');
    expect(await id.getByRole('button').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    // The Chinese screen font (a large file) may still be loading from the first page of this run.
    await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans SC Bundled"', '证据附件');
      await document.fonts.ready;
    });
    await shot(page, 'attachments-console');
    expect(await axeProblems(page)).toEqual([]);

    await card.getByRole('button', { name: '查看 开胶鞋底.jpg' }).click();
    const viewer = page.getByRole('dialog');
    await expect
      .poll(async () => viewer.getByTestId('attachment-image').evaluate((i: HTMLImageElement) => i.naturalWidth), {
        timeout: 20_000,
      })
      .toBe(1600);
    expect(pageErrors).toEqual([]);
  });
});
