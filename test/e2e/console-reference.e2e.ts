// The working calendar and the phrase library in the console, in Chromium against a real head office (issue 21 §4):
// a reviewer without the editor permission sees the year read-only; once IT allows her (`headoffice reviewer editor
// USERNAME on`) she sets 2027-02-09 as a holiday, publishes after a confirmation naming the branches, finds it in
// the history and in what branches will receive (and a branch's pull carries it); she adds a phrase and publishes
// the library; when IT takes the permission back, head office's refusal is shown in words and the edit stays.
// Screenshots: docs/screenshots/console-calendar-*.png, console-phrases-*.png.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

/** A screenshot without the mouse resting on a day (its hover outline would read as a mark). */
const still = async (name: string) => {
  await page.mouse.move(1, 1);
  await shot(page, name);
};
const feb9 = () => page.locator('[data-testid="year-grid"] td[data-date="2027-02-09"]');

describe('the working calendar and the phrase library in the console', () => {
  it('is read-only without the editor permission', async () => {
    await page.goto(`${h.origin}/console/#/calendar?year=2027`);
    await page.getByTestId('read-only').waitFor();
    await feb9().waitFor();
    expect(await feb9().locator('button').count()).toBe(0);
    expect(await page.getByTestId('publish').count()).toBe(0);
    await still('console-calendar-readonly');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('lets an editor set 2027-02-09 as a holiday and publish it; the history and the preview show it', async () => {
    headoffice(['--db', h.demo.hqDb, 'reviewer', 'editor', 'reviewer', 'on']);
    await page.reload();
    await feb9().locator('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /节假日/ }).check();
    // The holiday next to it is offered as the name.
    expect(await dialog.locator('#day-name-zh').inputValue()).toBe('春节');
    await still('console-calendar-day');
    await page.getByTestId('day-apply').click();
    await expect.poll(() => page.getByTestId('cal-changes').innerText()).toContain('2027-02-09');
    expect(await feb9().getAttribute('data-kind')).toBe('holiday');
    await still('console-calendar-edit');

    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('publish-branches').innerText()).toMatch(/SH01.*SH02/);
    await still('console-calendar-confirm');
    await page.getByTestId('publish-confirm').click();
    const history = page.getByTestId('history-calendar');
    await history.getByRole('row').filter({ hasText: '周审核' }).first().waitFor();
    expect(await page.getByTestId('cal-version').innerText()).toMatch(/周审核.*第 2 版/);
    await still('console-calendar-published');

    await page.getByRole('button', { name: '查看分店将收到的内容' }).click();
    const preview = page.getByTestId('preview-calendar-2027');
    await preview.waitFor();
    expect(await preview.locator('td[data-date="2027-02-09"]').getAttribute('data-kind')).toBe('holiday');
    await still('console-calendar-preview');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('publishes a new phrase, shows it as a branch panel would, and shows a refusal in words keeping the edit', async () => {
    await page.goto(`${h.origin}/console/#/phrases`);
    await page.getByRole('tab', { name: /话术 \(/ }).click();
    await page.getByTestId('add-phrases').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.getByText('话术(中文):必须填写').waitFor();
    await still('console-phrases-add');
    await dialog.locator('#lib-text-zh').fill('您看这两个方案,哪一个更方便您?');
    await dialog.locator('#lib-text-en').fill('Which of these two options suits you better?');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await page.getByTestId('lib-phrases').getByText('您看这两个方案,哪一个更方便您?').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('history-phrases').getByRole('row').filter({ hasText: '周审核' }).first().waitFor();
    await still('console-phrases-published');
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${h.origin}/console/#/reference-preview`);
    const panel = page.getByTestId('preview-phrases');
    // Two steps of the in-store panel share its situation: the phrase shows under each.
    await panel.getByText('您看这两个方案,哪一个更方便您?').first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    await still('console-phrases-preview');

    // IT takes the permission back while the screen still offers publishing: head office refuses in words.
    await page.goto(`${h.origin}/console/#/phrases`);
    await page.getByTestId('lib-steps').waitFor();
    const rowOf = async (key: string) =>
      (await page.getByTestId('lib-steps').locator('.lib-row').allInnerTexts()).findIndex((r) => r.includes(key));
    const before = await rowOf('apologise');
    headoffice(['--db', h.demo.hqDb, 'reviewer', 'editor', 'reviewer', 'off']);
    await page.getByRole('button', { name: /^上移 apologise$/ }).click();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    const refusal = page.getByTestId('publish-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/权限/);
    // The edit stays: apologise is still one row up.
    expect(await rowOf('apologise')).toBe(before - 1);
    await still('console-phrases-refused');
    expect(pageErrors).toEqual([]);
  });
});
