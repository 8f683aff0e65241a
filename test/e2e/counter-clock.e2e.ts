// The in-store clock in a real browser whose PC clock is in another time zone (New York): a case
// resolved at the counter with the customer there has no deadline left, and a feedback time typed
// as 北京时间 is stored as that branch time. Screenshot: docs/screenshots/resolve-at-counter.png.
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/shared/ipc/contract';
import type { Result } from '../../src-main/shared/result';
import { choose, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

/** Calls a channel as the signed-in page's user, through the same HTTP seam the screens use. */
async function api<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const raw: unknown = await page.evaluate(
    async ([ch, json]) => {
      const res = await fetch(`api/${ch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      });
      return (await res.json()) as unknown;
    },
    [channel, JSON.stringify(input)],
  );
  // The envelope lib/api.ts reads: the contract types its value.
  const r = raw as Result<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('the in-store clock on screen', () => {
  it('resolving at the counter meets the limit; a typed feedback time is branch time on a PC in New York', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '周敏', phone: '13912345678' },
      content: '购买的电饭煲内胆有划痕,要求当场更换。',
      categoryCode: 'product_quality',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    await page.locator('[data-action="resolve"]').click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'action-type', '换货');
    await page.locator('#action-summary').fill('当场为顾客更换同型号新品,顾客认可。');
    await page.locator('#action-amount').fill('399');
    await dialog.locator('#action-atCounter').getByText('是').click();
    await shot(page, 'resolve-at-counter');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.locator('[data-testid="status"]').textContent()) ?? '').toBe('已处理');
    const resolved = await api(page, 'cases.get', { caseId: c.id });
    expect(resolved.counterResolvedAt).not.toBeNull();
    // The limit was met at the counter: no deadline is chased any more.
    expect(resolved.due).toBeNull();

    // Feedback typed as branch wall time, two minutes from now (after the resolution, within the 5 minutes allowed).
    const typed = DateTime.now().setZone('Asia/Shanghai').plus({ minutes: 2 }).toFormat('yyyy-MM-dd HH:mm');
    await page.locator('[data-action="feedback"]').click();
    await choose(page, 'action-satisfaction', '满意');
    await dialog.locator('#action-disputed').getByText('否').click();
    await page.locator('#action-fedBackAt').fill(typed);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' }).catch(async (e: Error) => {
      throw new Error(`feedback dialog stayed open: ${await dialog.innerText()}`, { cause: e });
    });
    const fed = await api(page, 'cases.get', { caseId: c.id });
    expect(fed.firstFedBackAt).toBe(
      DateTime.fromFormat(typed, 'yyyy-MM-dd HH:mm', { zone: 'Asia/Shanghai' }).toMillis(),
    );
    await ctx.close();
  });
});
