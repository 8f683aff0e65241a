// Evidence in Chromium (issue 19): on a new case the clerk attaches a photo by the file picker and a
// screenshot by paste (a ClipboardEvent holding a PNG), sees both with thumbnails, and opens the photo;
// a file over the limit and a renamed program are refused on the panel in words; the secretary attaches
// an ID copy, which the clerk sees as restricted (no name, no view); voiding needs a reason; the record
// form's print preview lists the evidence and has its annex page; the slip view has the same panel.
// Screenshots: docs/screenshots/attachments-*.png.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { letterPdf } from '../helpers/attachment-files';
import { api, axeProblems, choose, type Harness, shot, signIn, useHarness, openManagerScreen } from './harness';

let h: Harness;
useHarness((started) => (h = started));

/** A photo of the goods as a phone sends it: a drawn shoe sole, JPEG; `tint` makes another photo (other bytes). */
const photo = (tint = '#d9d4c7'): Promise<Buffer> =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="100%" height="100%" fill="${tint}"/><ellipse cx="800" cy="600" rx="620" ry="260" fill="#5b3a1e"/><path d="M300 640 Q800 540 1300 660" stroke="#f2e6c9" stroke-width="26" fill="none"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer();

/** A screenshot as the clipboard holds one: a PNG of a chat message. */
const screenshotPng = (): Promise<Buffer> =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="100%" height="100%" fill="#ededed"/><rect x="60" y="80" width="560" height="120" rx="14" fill="#95ec69"/><rect x="60" y="260" width="420" height="90" rx="14" fill="#fff"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

const panel = (page: Page) => page.getByTestId('attachments-panel');

async function pastePng(page: Page, png: Buffer): Promise<void> {
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
}

describe('evidence attachments on screen', () => {
  let caseId = '';

  it('attaches by the picker and by paste, refuses oversize and a renamed program, shows thumbnails', async () => {
    const clerk = await h.newPage();
    await signIn(clerk, h.url, 'C001');
    const shoes = (await api(clerk, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(clerk, 'cases.create', {
      channel: 'in_store',
      customer: { name: '周女士', phone: '13911115555' },
      content: '新买的皮鞋穿了三天鞋底开胶,要求退货。',
      categoryCode: 'product_quality',
      complainedUnitId: shoes,
    });
    caseId = c.id;
    await clerk.goto(`${h.url}#/case/${c.id}`);
    await panel(clerk).getByText('尚无附件').waitFor();

    // The picker: a photo of the goods (the default kind).
    await panel(clerk)
      .getByTestId('attachment-input')
      .setInputFiles({ name: '开胶鞋底.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await panel(clerk).locator('li[data-kind="goods_photo"]').waitFor();
    // Paste: a screenshot of the customer's chat, as a receipt.
    await choose(clerk, `attachment-kind-${c.id}`, '购物小票');
    await pastePng(clerk, await screenshotPng());
    await panel(clerk).locator('li[data-kind="receipt"]').waitFor();
    expect(await panel(clerk).locator('li[data-kind="receipt"]').innerText()).toMatch(/粘贴图片-\d{8}-\d{6}\.png/);
    await expect.poll(async () => panel(clerk).getByTestId('attachment-thumb').count(), { timeout: 20_000 }).toBe(2);
    const row = await panel(clerk).locator('li[data-kind="goods_photo"]').innerText();
    expect(row).toContain('开胶鞋底.jpg');
    expect(row).toContain('陈');

    // A program renamed .jpg: main decides from the bytes and refuses it in words.
    await panel(clerk)
      .getByTestId('attachment-input')
      .setInputFiles({
        name: '发票.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00program'),
      });
    const refusals = panel(clerk).getByTestId('attachment-refusals');
    await refusals.waitFor();
    expect(await refusals.innerText()).toContain('发票.jpg');
    // Over the limit (20 MB by default): refused before sending, with the sizes.
    await panel(clerk)
      .getByTestId('attachment-input')
      .setInputFiles({ name: '录像.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(21 * 1024 * 1024, 1) });
    await expect
      .poll(async () => refusals.innerText(), { timeout: 20_000 })
      .toContain('“录像.wav”有 21.0 MB,超过上限 20 MB,未添加');
    await refusals.scrollIntoViewIfNeeded();
    await shot(clerk, 'attachments-refused');
    await clerk.locator('[data-testid="attachment-refusals"] .ant-alert-close-icon').click();

    await panel(clerk).scrollIntoViewIfNeeded();
    await shot(clerk, 'attachments-case');
    expect(await axeProblems(clerk)).toEqual([]);

    // The viewer shows the re-encoded photo.
    await panel(clerk).getByRole('button', { name: '查看 开胶鞋底.jpg' }).click();
    const viewer = clerk.getByRole('dialog');
    await viewer.getByTestId('attachment-image').waitFor();
    await expect
      .poll(async () => viewer.getByTestId('attachment-image').evaluate((i: HTMLImageElement) => i.naturalWidth), {
        timeout: 20_000,
      })
      .toBe(1600);
    await shot(clerk, 'attachments-viewer');
    expect(await axeProblems(clerk)).toEqual([]);
    await viewer.getByRole('button', { name: /关\s*闭/ }).click();
  });

  it('shows an ID copy as restricted to a clerk, by name to the secretary; void needs a reason', async () => {
    const secretary = await h.newPage();
    await signIn(secretary, h.url, 'S001');
    await secretary.goto(`${h.url}#/case/${caseId}`);
    await panel(secretary).locator('li[data-kind="goods_photo"]').waitFor();
    await choose(secretary, `attachment-kind-${caseId}`, '身份证复印件');
    await panel(secretary)
      .getByTestId('attachment-input')
      .setInputFiles({ name: '周女士身份证.jpg', mimeType: 'image/jpeg', buffer: await photo('#cfe3f2') });
    await panel(secretary).locator('li[data-kind="id_copy"]').getByText('周女士身份证.jpg').waitFor();

    const clerk = await h.newPage();
    await signIn(clerk, h.url, 'C001');
    await clerk.goto(`${h.url}#/case/${caseId}`);
    const idRow = panel(clerk).locator('li[data-kind="id_copy"]');
    await idRow.waitFor();
    expect(await idRow.innerText()).toContain('仅秘书室、值班主管、店长可查看');
    expect(await idRow.innerText()).not.toContain('周女士身份证');
    expect(await idRow.getByRole('button').count()).toBe(0);
    await idRow.scrollIntoViewIfNeeded();
    await shot(clerk, 'attachments-restricted');

    // Void: an empty reason is refused on its field, the typed reason kept after a refusal.
    await panel(secretary).getByRole('button', { name: '作废 开胶鞋底.jpg' }).click();
    const dialog = secretary.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写作废原因(至少 2 个字)').waitFor();
    await dialog.locator('#attachmentVoidReason').fill('照片不清楚,已重拍');
    await shot(secretary, 'attachments-void');
    expect(await axeProblems(secretary)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const voided = panel(secretary).locator('li[data-kind="goods_photo"][data-voided]');
    await voided.waitFor();
    expect(await voided.innerText()).toContain('照片不清楚,已重拍');
  });

  it('prints the record with the evidence list and its annex page', async () => {
    const secretary = await h.newPage();
    await signIn(secretary, h.url, 'S001');
    await secretary.goto(`${h.url}#/print/case_record/${caseId}`);
    const pages = secretary.locator('.pdf-pages canvas[data-page]');
    await expect
      .poll(async () => Number(await secretary.locator('.pdf-pages').getAttribute('data-pages')), { timeout: 60_000 })
      .toBeGreaterThan(1);
    const texts = await pages.evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
    const all = texts.join('').replace(/\s+/g, '');
    expect(all).toContain('证据附件');
    expect(all).toContain('周女士身份证.jpg');
    expect(all).toContain('已作废:照片不清楚,已重拍');
    const annex = texts.findIndex((t) => t.replace(/\s+/g, '').includes('附页:证据图片'));
    expect(annex).toBeGreaterThan(0);
    await pages.nth(annex).evaluate((c) => c.scrollIntoView({ block: 'start' }));
    await shot(secretary, 'attachments-print-annex');
  });

  it('has the same panel on a slip', async () => {
    const clerk = await h.newPage();
    await signIn(clerk, h.url, 'C001');
    // A slip that is not void (a void slip takes no evidence); the demo, seeded on today's clock, may list one first.
    const slips = await api(clerk, 'slips.list', { queue: 'all', limit: 50 });
    const slip = slips.rows.find((r) => r.status !== 'void');
    if (!slip) throw new Error('the demo store has slips that are not void');
    await clerk.goto(`${h.url}#/slip/${slip.id}`);
    await panel(clerk).waitFor();
    await panel(clerk)
      .getByTestId('attachment-input')
      .setInputFiles({ name: '退回商品.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await panel(clerk).locator('li[data-kind="goods_photo"]').getByText('退回商品.jpg').waitFor();
    // A letter as PDF: its page-1 thumbnail in the list, the pages in the print preview's pdf.js viewer.
    await choose(clerk, `attachment-kind-${slip.id}`, '部门来函');
    await panel(clerk)
      .getByTestId('attachment-input')
      .setInputFiles({ name: '转办函.pdf', mimeType: 'application/pdf', buffer: await letterPdf() });
    await panel(clerk).locator('li[data-kind="body_letter"]').getByText('转办函.pdf').waitFor();
    await expect.poll(async () => panel(clerk).getByTestId('attachment-thumb').count(), { timeout: 20_000 }).toBe(2);
    await panel(clerk).scrollIntoViewIfNeeded();
    await shot(clerk, 'attachments-slip');
    expect(await axeProblems(clerk)).toEqual([]);
    await panel(clerk).getByRole('button', { name: '查看 转办函.pdf' }).click();
    const viewer = clerk.getByRole('dialog');
    await expect
      .poll(async () => viewer.locator('.pdf-pages').getAttribute('data-pages'), { timeout: 30_000 })
      .toBe('1');
    expect(await viewer.locator('canvas[data-page="1"]').getAttribute('aria-label')).toContain(
      'Letter of the consumer body',
    );
    await shot(clerk, 'attachments-pdf-viewer');
  });

  it('lets the manager set the largest attachment: out of range refused on its field, kept as typed', async () => {
    const manager = await h.newPage();
    await signIn(manager, h.url, 'M001');
    await openManagerScreen(manager, '设置');
    const max = manager.locator('#attachmentMaxMb');
    await max.fill('150');
    await manager.getByRole('button', { name: '保存设置' }).click();
    const item = manager.locator('.ant-form-item').filter({ has: max });
    await expect.poll(async () => item.innerText(), { timeout: 20_000 }).toContain('单个附件上限(MB):');
    expect(await max.inputValue()).toBe('150');
    await max.scrollIntoViewIfNeeded();
    await shot(manager, 'attachments-settings-refused');
    expect(await axeProblems(manager)).toEqual([]);
    await max.fill('5');
    await manager.getByRole('button', { name: '保存设置' }).click();
    await manager.getByText('设置已保存').waitFor();
    expect((await api(manager, 'settings.get', {})).attachmentMaxMb).toBe(5);
  });
});
