// Issue 18 §3, §4 in Chromium against a real head office: the demo branch syncs (the real sync run on
// its store) after other branches sent a customer's unfounded findings and a refund of the same receipt
// + item; the intake notice then says "其他门店:3 次失实(截至上次同步 …)" for that phone typed in
// another spelling, the home screen and the slip screen show the double refund, and the case screen records
// the complainant's conduct. Screenshots: docs/screenshots/cross-branch-*.png.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { syncOnce } from '../../src-main/sync/sync-run';
import { caseSnapshot, pushCases, pushRecords } from '../headoffice/console-harness';
import { type Hq, startHq, transportFor } from '../sync/sync-harness';
import { api, axeProblems, choose, shot, signIn, useDemoBranch } from './harness';

let url = '';
let browser: Browser;
let store = '';
useDemoBranch({ cases: 20, name: 'cross-branch' }, (b) => ({ url, browser, store } = b));
let hq: Hq | undefined;
afterAll(async () => hq?.close());

const T = Date.parse('2026-11-20T02:00:00Z');

/** SH02's slip of the same receipt and item, as SH02's store sends it. */
const otherSlip = (receiptNo: string, itemCode: string) => ({
  id: randomUUID(),
  number: 'SH02-TH-202611-0001',
  branchCode: 'SH02',
  type: 'return',
  status: 'completed',
  receiptNo,
  unitId: randomUUID(),
  unitName: '家电部',
  returnedLines: [{ itemCode, name: '电饭煲', quantity: 1, unitPriceFen: 29_900, amountFen: 29_900 }],
  issuedLines: [],
  returnedTotalFen: 29_900,
  issuedTotalFen: 0,
  differenceFen: 0,
  refundFen: 29_900,
  reasonCode: 'quality',
  packagingIntact: true,
  accessoriesComplete: true,
  qualityProblem: true,
  deductCommission: false,
  caseId: null,
  handledBy: randomUUID(),
  handledByName: '王服务台',
  handledAt: T,
  approvalReasons: [],
  settlementStatus: 'unsettled',
  version: 1,
  createdAt: T,
  updatedAt: T,
  duplicates: [],
});

describe('cross-branch flags at the branch', () => {
  it('shows other branches’ unfounded findings at intake and the double refund on home and slip screens', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(page, url, 'M001');
    const { branchCode } = await api(page, 'settings.get', {});
    hq = await startHq({ crossBranchRefreshMs: 0, limits: { rateMax: 100_000 } });
    const key = await hq.addBranch(branchCode);
    const sh02 = await hq.addBranch('SH02');
    const sh05 = await hq.addBranch('SH05');
    const unfounded = { finding: 'unfounded', status: 'filed', customerName: '孙女士', customerPhone: '135 6666 7777' };
    await pushCases(hq, sh02, 'SH02', [caseSnapshot('SH02', 1, unfounded), caseSnapshot('SH02', 2, unfounded)]);
    await pushCases(hq, sh05, 'SH05', [caseSnapshot('SH05', 1, { ...unfounded, customerPhone: '+8613566667777' })]);
    await pushRecords(hq, sh02, 'SH02', [{ type: 'slip', data: otherSlip('r20261120 7', '6901234500099') }]);

    const unit = (await api(page, 'units.list', {}))[0]!;
    const slip = await api(page, 'slips.create', {
      type: 'return',
      customer: { name: '李先生', phone: '13800001111' },
      receiptNo: 'R20261120-0007',
      unitId: unit.id,
      returnedLines: [{ itemCode: '6901234500099', name: '电饭煲', quantity: 1, unitPriceFen: 29_900 }],
      refundFen: 29_900,
      refundMethod: 'original_channel',
      reasonCode: 'quality',
      packagingIntact: true,
      accessoriesComplete: true,
      qualityProblem: true,
      deductCommission: false,
    });
    // The branch's own sync run, on its store, against head office.
    const { db } = openDatabase(store);
    try {
      await syncOnce({ ctx: createContext(db), branch: branchCode, transport: transportFor(hq, branchCode, key) });
    } finally {
      db.close();
    }

    await page.goto(`${url}#/intake/in_store`);
    await page.locator('#phone').fill('135-6666-7777');
    const line = page.getByTestId('other-branches-unfounded');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^其他门店:3 次失实\(截至上次同步 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}\)$/);
    expect(await page.getByTestId('repeat-notice').innerText()).toContain('该顾客近 12 个月有 3 次投诉经查失实');
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'cross-branch-intake');
    // A phone head office knows nothing of: no line.
    await page.locator('#phone').fill('13900009999');
    await page.waitForTimeout(600);
    expect(await line.count()).toBe(0);

    const waiting = await api(page, 'refunds.doubleWaiting', {});
    expect(waiting.refunds.map((r) => r.localSlips)).toEqual([[{ id: slip.id, number: slip.number }]]);
    // A fresh load of the home screen (the intake form keeps what was typed while it is open).
    await page.goto(`${url}#/`);
    await page.reload();
    const home = page.getByTestId('home-double-refunds');
    await home.waitFor();
    const text = await home.innerText();
    expect(text).toContain('R20261120-7');
    expect(text).toContain('SH02 SH02-TH-202611-0001');
    expect(text).toContain(slip.number);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'cross-branch-home');
    await home.getByRole('link', { name: new RegExp(slip.number) }).click();
    const alert = page.getByTestId('slip-double-refund');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('在其他门店也已退款:SH02 SH02-TH-202611-0001');
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'cross-branch-slip');

    // English: the same words, second.
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'en'));
    await page.goto(`${url}#/intake/in_store`);
    await page.reload();
    await page.locator('#phone').fill('13566667777');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Other branches: 3 unfounded \(as of last sync /);
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'zh-CN'));
  });

  it('records the complainant’s conduct on the case and shows it', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(page, url, 'M001');
    const c = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '孙女士', phone: '13566667777' },
      content: '再次要求赔偿。',
      categoryCode: 'product_quality',
    });
    await page.goto(`${url}#/case/${c.id}`);
    await page.getByRole('button', { name: '记录投诉人情形' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'action-sign', '告知规定后仍坚持');
    await dialog.locator('#action-reason').fill('已告知退换货规定,仍坚持要求三倍赔偿');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const card = page.getByTestId('complainant-signs');
    await card.waitFor();
    expect(await card.innerText()).toContain('告知规定后仍坚持');
    expect(await card.innerText()).toContain('已告知退换货规定,仍坚持要求三倍赔偿');
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'cross-branch-case-signs');
  });
});
