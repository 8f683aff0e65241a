// The secretary approves a typical case's training text from the screen (issue 17 §6), in a real browser
// against the demo store: the queue tab with its count, the redacted draft, a refusal when the
// customer's recorded name is typed back in, the edited text approved, then found in the library and
// on the printed sheet; a clerk has no queue tab.
// Screenshots: docs/screenshots/training-queue.png, training-approve.png, training-refused.png, training-approved.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, axeProblems, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

const MARK = '培训要点:先致歉再核实';
// Ant Design's button can keep its spinner's "loading" label while the spinner fades out after a
// refusal: the button is found by how its name ends.
const approveButton = (page: Page) => page.getByRole('button', { name: /核\s?准$/ });

describe('training text approval', () => {
  it('the secretary edits and approves a queued case; it then shows in the library and on the sheet', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await page.getByRole('button', { name: '典型范例' }).click();
    await page.getByRole('heading', { name: '典型范例(培训资料)' }).waitFor();
    await page.getByRole('tab', { name: /待审定/ }).click();
    const rows = page.getByTestId('training-queue').locator('.ant-card');
    await rows.first().waitFor();
    const queue = await api(page, 'training.queue', {});
    const pending = queue.filter((r) => r.status === 'pending');
    expect(pending.length, 'the demo leaves some typical cases waiting').toBeGreaterThan(0);
    const badge = page.getByTestId('training-queue-count');
    expect(await badge.innerText()).toContain(String(pending.length));
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'training-queue');

    // The first waiting case that names its customer (the demo also has anonymous ones).
    let first: (typeof pending)[number] | undefined;
    let name = '';
    for (const r of pending) {
      const whole = await api(page, 'cases.getByNumber', { number: r.number });
      name = whole.customerName?.trim() ?? '';
      if (name.length > 1) {
        first = r;
        break;
      }
    }
    if (!first) throw new Error('no waiting case names its customer');
    await rows
      .filter({ hasText: first.number })
      .getByRole('button', { name: /^审\s?定$/ })
      .click();
    const editor = page.getByTestId('training-editor');
    await editor.waitFor();
    const content = page.locator('#training-content');
    const drafted = await content.inputValue();
    // The draft already hides the name; its words are there to be checked and edited.
    expect(drafted).not.toContain(name);
    expect(await page.locator('#main').innerText()).not.toContain(name);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'training-approve');

    // Typing the customer's name back in is refused, naming the field; nothing is approved.
    await content.fill(`${name}来电反映:${drafted}`);
    await approveButton(page).click();
    const alert = editor.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('「异议内容」仍含顾客或联系人的姓名');
    await shot(page, 'training-refused');
    expect((await api(page, 'training.queue', {})).some((r) => r.caseId === first.caseId)).toBe(true);

    await content.fill(`${MARK}。${drafted}`);
    await approveButton(page).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await badge.innerText()).replace(/\D/g, '') || '0').toBe(String(pending.length - 1));
    expect((await api(page, 'training.queue', {})).some((r) => r.caseId === first.caseId)).toBe(false);

    // The library shows the approved words; the printed sheet carries them and not the name.
    await page.getByRole('tab', { name: '典型范例' }).click();
    await page.locator('#training-search').fill(MARK);
    await page.locator('#training-search').press('Enter');
    const found = page.getByTestId('training-list').locator('.ant-card').filter({ hasText: first.number });
    await found.waitFor();
    await found.click();
    await page.getByTestId('training-case').waitFor();
    expect(await page.getByTestId('training-case').innerText()).toContain(MARK);
    expect(await page.getByTestId('training-approved-by').innerText()).toMatch(
      /于 \d{4}\D\d{2}\D\d{2} \d{2}:\d{2} 核准/,
    );
    await shot(page, 'training-approved');
    await page.getByRole('button', { name: '打印预览' }).click();
    await page.locator('canvas[data-page="1"]').waitFor({ timeout: 30_000 });
    const pdfText = (
      await page
        .locator('[aria-label]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').join(' '))
    ).replace(/\s+/g, '');
    expect(pdfText).toContain(MARK.replace(/\s+/g, ''));
    expect(pdfText).not.toContain(name);
  });

  it('a clerk sees the library without the queue tab and may not approve', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.getByRole('button', { name: '典型范例' }).click();
    await page.getByTestId('training-list').waitFor();
    expect(await page.getByRole('tab', { name: /待审定/ }).count()).toBe(0);
    await expect(api(page, 'training.queue', {})).rejects.toThrow(/FORBIDDEN/);
  });
});
