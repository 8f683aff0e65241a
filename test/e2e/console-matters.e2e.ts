// Cases of one matter across branches in the console (issue 22 §4), in Chromium against the real head-office
// server (demo store): SH01 and SH02 each send a case of the same customer about the same receipt; SH01's case
// page suggests SH02's with why; the reviewer links them, both branches have the notice waiting on their pull,
// and unlinking asks for a reason (refused empty) before it goes; the suggestion is back after it.
// Then the branch's side: SH01's own demo store pulls the notice from the real server and its case screen says
// the same matter is also handled at SH02.
// Screenshots: docs/screenshots/console-matters-suggest.png, console-matters-linked.png, console-matters-unlink.png,
// links-cross-branch-notice.png.
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { crossBranchMatterOf } from '../../src-main/services/matter-notices';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { caseSnapshot } from '../headoffice/console-harness';
import { type ConsoleHarness, pushRecords, sendJson, useConsolePage } from './console-harness';
import { axeProblems, BROWSER_MODE, BROWSER_MODE_URL, shot, signIn, spawnServer, stopProcess } from './harness';

let h: ConsoleHarness;
let page: Page;
let branchApp: { proc: ChildProcess; url: string } | null = null;
const pageErrors = useConsolePage((c) => ({ h, page } = c));
afterAll(() => stopProcess(branchApp?.proc));

const postJson = async (path: string, body: unknown) => (await sendJson(page, 'POST', path, body)).status;

/** An open case of a demo branch's own store (the newest), as head office holds it from the demo's sync. */
function openCaseOf(branch: string): { id: string; number: string } {
  const { db } = openDatabase(h.demo.branchDbs[branch] as string);
  try {
    return db
      .prepare("SELECT id, number FROM cases WHERE status NOT IN ('filed', 'not_accepted') ORDER BY received_at DESC")
      .get() as { id: string; number: string };
  } finally {
    db.close();
  }
}

const push = (branch: string, data: Record<string, unknown>) =>
  pushRecords(h, branch, `E-matters-${branch}`, [{ type: 'case', data }]);

describe('cross-branch matters in the console', () => {
  it('suggests the same matter at SH02 with why, links it, tells both branches, and unlinks with a reason', async () => {
    const at = Date.now() - 2 * 86_400_000;
    const same = {
      customerName: '周敏',
      customerPhone: '136 5555 0101',
      receiptNo: 'R20261128-0777',
      purchaseItems: [{ name: '空气炸锅', code: '6907777000011' }],
      content: '空气炸锅使用三天后无法加热,要求退货。',
      categoryCode: 'product_quality',
    };
    const mine = caseSnapshot('SH01', 9701, { ...same, receivedAt: at });
    const theirs = caseSnapshot('SH02', 9702, { ...same, receivedAt: at + 3_600_000, channel: 'in_store' });
    expect(await push('SH01', mine)).toBe(200);
    expect(await push('SH02', theirs)).toBe(200);

    await page.goto(`${h.origin}/console/#/case/SH01/${String(mine.id)}`);
    const card = page.locator('[data-testid="case-matters"]');
    const suggestion = card.locator('[data-testid="matter-suggestion"]').filter({ hasText: String(theirs.number) });
    await suggestion.waitFor();
    const why = await suggestion.innerText();
    expect(why).toContain('同一电话');
    expect(why).toContain('同一小票 R20261128-0777');
    expect(why).toContain('同一商品 空气炸锅 (6907777000011)');
    await card.scrollIntoViewIfNeeded();
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'console-matters-suggest');

    await suggestion.locator('[data-testid="matter-link"]').click();
    const cross = card.locator('[data-testid="matter-cross"]');
    await cross.waitFor();
    expect(await cross.innerText()).toContain(String(theirs.number));
    await expect.poll(() => card.locator('[data-testid="matter-suggestion"]').count()).toBe(0);
    // Both branches have the notice waiting on their next pull.
    for (const [branch, other] of [
      ['SH01', theirs.number],
      ['SH02', mine.number],
    ] as const) {
      const got = await h.branchGet(branch, '/v1/instructions?since=0&matters=0');
      expect(got.status).toBe(200);
      const body = got.body as { matterNotices?: { kind: string; others: { number: string }[] }[] };
      expect(body.matterNotices?.map((n) => [n.kind, n.others.map((o) => o.number)])).toEqual([['linked', [other]]]);
    }
    await cross.locator('summary').click();
    expect(await cross.locator('[data-testid="matter-log"]').count()).toBe(2);
    await shot(page, 'console-matters-linked');

    // Unlink: a reason is needed (checked before anything is sent), then it goes.
    await cross.locator('[data-testid="matter-unlink"]').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确认解除/ }).click();
    await dialog.locator('#matter-unlink-reason-help').waitFor();
    expect(await dialog.innerText()).toContain('解除理由');
    await dialog.locator('#matter-unlink-reason').fill('顾客确认两家店是两次不同的购买');
    await shot(page, 'console-matters-unlink');
    await dialog.getByRole('button', { name: /确认解除/ }).click();
    await cross.waitFor({ state: 'detached' });
    await suggestion.waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("reaches the branch: SH01's case screen says the same matter is also handled at SH02", async () => {
    const mine = openCaseOf('SH01');
    const theirs = openCaseOf('SH02');
    const linkCases = [
      { branch: 'SH01', id: mine.id },
      { branch: 'SH02', id: theirs.id },
    ];
    expect(await postJson('/console/api/matters', { linkCases })).toBe(201);
    const file = h.demo.branchDbs.SH01 as string;
    const { db } = openDatabase(file);
    try {
      const t = new HttpTransport({ url: h.origin, branch: 'SH01', key: h.demo.keys.SH01 as string });
      // This link's notice, and the first test's link and unlink of its own SH01 case.
      expect((await pullInstructions(createContext(db), t)).matterNotices).toBe(3);
      expect(crossBranchMatterOf(db, mine.id)).toMatchObject({ kind: 'linked', others: [{ number: theirs.number }] });
    } finally {
      db.close();
    }
    branchApp = await spawnServer([...BROWSER_MODE, '--db', file], BROWSER_MODE_URL, 'npm start (browser mode)');
    const bp = await (
      await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(bp, branchApp.url, 'M001');
    await bp.goto(`${branchApp.url}#/case/${mine.id}`);
    const notice = bp.getByTestId('cross-branch-matter');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(theirs.number);
    expect(await notice.innerText()).toContain('SH02');
    await notice.scrollIntoViewIfNeeded();
    await shot(bp, 'links-cross-branch-notice');
    expect(await axeProblems(bp)).toEqual([]);
    await bp.context().close();
    await stopProcess(branchApp.proc);
    branchApp = null;
    expect(pageErrors).toEqual([]);
  });
});
