// Personal data in the console, in Chromium (issue 20 §1, §3): a reviewer sees a case's phone masked and has no
// reveal and no person's request until IT allows her (`headoffice reviewer personal USERNAME on`); then she
// reveals it with a reason (refused without one), finds the reveal on the 个人信息访问记录 tab, and answers a
// person's request over every branch's records. Screenshots: docs/screenshots/pii-console-*.png.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src-main/shared/phone';
import { type ConsoleHarness, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
const pageErrors = useConsolePage((c) => ({ h, page } = c));

const headoffice = (args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src-headoffice/cli.ts', ...args], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });

describe('personal data in the console', () => {
  it('masks for every reviewer, reveals with a reason once allowed, logs it, and answers a person’s request', async () => {
    const store = new Database(h.demo.branchDbs.SH01 ?? '', { readonly: true });
    const c = store
      .prepare(
        "SELECT id, number, customer_phone AS phone FROM cases WHERE anonymous = 0 AND customer_phone IS NOT NULL AND status = 'filed' ORDER BY rid LIMIT 1",
      )
      .get() as { id: string; number: string; phone: string };
    store.close();
    const phone = normalizePhone(c.phone) ?? c.phone;
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

    // Not allowed yet: masked, no reveal; the person's request refused in words.
    await page.goto(`${h.origin}/console/#/case/SH01/${c.id}`);
    await page.getByTestId('console-phone').waitFor();
    expect(await page.getByTestId('console-phone').innerText()).toContain(masked);
    expect(await page.content()).not.toContain(phone);
    expect(await page.getByTestId('pii-reveal').count()).toBe(0);
    await page.goto(`${h.origin}/console/#/personal-data`);
    await page.locator('#personPhone').fill(phone);
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.getByRole('alert').filter({ hasText: '获准查看个人信息' }).waitFor();

    // IT allows her; the case now offers the reveal, which asks for a reason first.
    headoffice(['--db', h.demo.hqDb, 'reviewer', 'personal', 'reviewer', 'on']);
    await page.goto(`${h.origin}/console/#/case/SH01/${c.id}`);
    await page.reload(); // the case as head office answers it now, not the cached one
    await page.getByTestId('pii-reveal').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^显\s?示$/ }).click();
    await page.locator('#piiRevealReason-help').waitFor();
    await page.locator('#piiRevealReason').fill('12315 转办核实顾客身份');
    await shot(page, 'pii-console-reveal-reason');
    await dialog.getByRole('button', { name: /^显\s?示$/ }).click();
    await expect.poll(() => page.getByTestId('console-phone').innerText()).toContain(phone);
    await shot(page, 'pii-console-revealed');

    // The reveal on head office's own access log: who, what, why.
    await page.goto(`${h.origin}/console/#/access-log`);
    const row = page.getByRole('row').filter({ hasText: '12315 转办核实顾客身份' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toMatch(/周审核|reviewer/);
    await shot(page, 'pii-console-access-log');
    expect(await axeProblems(page)).toEqual([]);

    // A person's request over every branch's records.
    await page.goto(`${h.origin}/console/#/personal-data`);
    await page.locator('#personPhone').fill(phone);
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.getByTestId('person-cases').waitFor();
    expect(await page.getByTestId('person-cases').innerText()).toContain(c.number);
    await shot(page, 'pii-console-request');
    expect(await axeProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
