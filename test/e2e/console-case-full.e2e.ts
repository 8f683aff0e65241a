// The reviewer's case page in a real browser against the demo head office: a case with a purchase,
// slips and escalations reads in words — 属实 and the cause by their labels, units by name, slip
// amounts in ¥ with lines and answers, deadlines met or missed, the data's age, and an audit trail
// with no raw codes, no ids and no epoch numbers. Screenshot docs/screenshots/console-case-full.png.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_REVIEWER } from '../../scripts/console-demo-store';
import type { CaseDetail, CaseListPage } from '../../src-headoffice/console/api-contract';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { readPdf, squash } from '../helpers/pdf-text';
import { axeProblems, SCREENSHOTS } from './harness';

/** Printed forms, rendered to PNG to be looked at. */
const FORMS = join(import.meta.dirname, '../../docs/forms');

let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c), { signIn: false });

const api = <T>(path: string): Promise<T> => getJson<T>(page, path);

/** The first SH01 case with a purchase, a slip, an escalation and a founded finding. */
async function fullCase(): Promise<CaseDetail> {
  const list = await api<CaseListPage>('/console/api/cases?branch=SH01&limit=200');
  for (const row of list.rows) {
    const d = await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`);
    const c = d.case;
    if (d.slips.length > 0 && c.escalations.length > 0 && c.purchaseItems.length > 0 && c.finding === 'founded')
      return d;
  }
  throw new Error('no demo case with a purchase, slips, escalations and a founded finding');
}

describe('console case page in words', () => {
  it('shows a case with its purchase, slips and escalations in words, with no raw codes, ids or epoch numbers', async () => {
    await page.goto(`${h.origin}/console/`);
    await page.locator('#username').fill(DEMO_REVIEWER.username);
    await page.locator('#password').fill(DEMO_REVIEWER.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();

    const d = await fullCase();
    await page.goto(`${h.origin}/console/#/case/${d.branch}/${d.case.id}`);
    await page.locator('[data-testid="purchase"]').waitFor();
    await page.locator('[data-testid="audit"] li').first().waitFor();

    expect(await page.locator('[data-testid="handling"]').innerText()).toContain('属实');
    expect(await page.locator('[data-testid="purchase-items"]').innerText()).toContain(d.case.purchaseItems[0]?.name);
    if (d.case.complainedUnitId)
      expect(await page.locator('[data-testid="complained-unit"]').innerText()).toBe(d.names[d.case.complainedUnitId]);
    const slip = d.slips[0];
    if (!slip) throw new Error('no slip');
    const slipText = await page.locator('[data-testid="slip"]').first().innerText();
    expect(slipText).toContain(slip.number);
    expect(slipText).toMatch(/¥\d/);
    expect(slipText).toContain(slip.returnedLines[0]?.name);
    expect(slipText).toContain('包装完好');
    expect(slipText).toContain('财务结算');
    if (slip.type === 'exchange') expect(slipText).toContain('换出合计');
    else expect(slipText).not.toContain('¥0.00');
    expect(await page.locator('[data-testid="data-age"]').innerText()).toContain('门店最近一次同步');
    expect(await page.locator('[data-testid="deadlines"] [data-deadline-state]').count()).toBeGreaterThan(0);
    const escalation = d.case.escalations[0];
    if (escalation?.outcome)
      expect(await page.locator('[data-testid="handling"]').innerText()).toContain(escalation.outcome);

    const text = await page.locator('main').innerText();
    for (const raw of [
      'founded',
      'product_or_service',
      'slip.approve',
      'slip.create',
      'case.',
      'pending_approval',
      '[object',
    ])
      expect(text).not.toContain(raw);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\b1[78]\d{11}\b/);

    // The console scrolls inside <main>: a window as tall as the page shows the whole case.
    const height = await page.evaluate(() => (document.getElementById('main')?.scrollHeight ?? 768) + 120);
    await page.setViewportSize({ width: 1366, height });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-case-full.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await axeProblems(page)).toEqual([]);

    // The same page in English: the labels and words follow the language.
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid="purchase"]').waitFor();
    expect(await page.locator('[data-testid="handling"]').innerText()).toContain('Founded');
    expect(await page.locator('[data-testid="data-age"]').innerText()).toContain('Last heard from the branch');
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'zh-CN'));
    expect(pageErrors).toEqual([]);
  });

  it('marks a repeat complainant in the list and shows the customer’s cases at every branch on the case', async () => {
    let row: CaseListPage['rows'][number] | undefined;
    for (let after = ''; !row;) {
      const list = await api<CaseListPage>(`/console/api/cases?limit=200&after=${after}`);
      row = list.rows.find((r) => r.repeatUnfounded !== undefined);
      if (!list.nextCursor) break;
      after = encodeURIComponent(list.nextCursor);
    }
    if (!row) throw new Error('no demo customer with 3 unfounded findings in 12 months');
    const d = await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`);
    expect(d.customer?.flagged).toBe(true);
    await page.goto(`${h.origin}/console/#/case/${row.branch}/${row.id}`);
    await page.reload();
    const flag = page.locator('[data-testid="customer-flag"]');
    await flag.waitFor();
    expect(await flag.innerText()).toContain(`近 12 个月有 ${d.customer?.unfoundedLast12Months} 次投诉经查失实`);
    const cases = page.locator('[data-testid="customer-cases"] a');
    expect(await cases.count()).toBe(d.customer?.cases.length);
    await page.locator('[data-testid="customer-cases"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-customer-flag.png') });
    expect(await axeProblems(page)).toEqual([]);
  });

  it("prints the branch's 顾客异议处理记录表 from the case page", async () => {
    const d = await fullCase();
    await page.goto(`${h.origin}/console/#/case/${d.branch}/${d.case.id}`);
    await page.reload();
    const button = page.locator('[data-testid="print-record"]');
    await button.waitFor();
    expect(await button.innerText()).toBe('打印处理记录表');
    // The button opens the PDF in a new window, for the browser's own print dialog.
    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    expect(popup.url()).toContain(`/cases/${d.branch}/${d.case.id}/record.pdf?lang=zh-CN`);
    await popup.close();

    const href = await button.getAttribute('href');
    if (!href) throw new Error('no href');
    const printed = await page.evaluate(async (p) => {
      const res = await fetch(p, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await res.arrayBuffer());
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return { status: res.status, type: res.headers.get('content-type'), base64: btoa(bin) };
    }, href);
    expect(printed.status).toBe(200);
    expect(printed.type).toContain('application/pdf');
    const pdf = Buffer.from(printed.base64, 'base64');
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    for (const want of ['顾客异议处理记录表', d.case.number, '调查结论', '属实', '处理人签字'])
      expect(text).toContain(squash(want));
    writeFileSync(join(FORMS, 'console-record.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', join(FORMS, 'console-record.pdf'), join(FORMS, 'console-record')]);
  });
});
