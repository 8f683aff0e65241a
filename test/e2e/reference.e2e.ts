// Head office's calendar reaching a branch (issue 21 §1, §4), in real browsers: the demo reviewer, once made an
// editor (`reviewer editor`), publishes 2027's 调休 through the console's API from the signed-in console page (a
// reviewer without the permission was refused 403 in words first); the preview shows it; the demo branch's own
// store pulls it from the real head-office server, and its sync line says 日历已更新 2027 (screenshot).
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_REVIEWER } from '../../scripts/console-demo-store';
import type { ReferencePreviewAnswer } from '../../src-headoffice/console/contract-reference';
import { setEditsReference } from '../../src-headoffice/reference-store';
import { openHqStore } from '../../src-headoffice/store';
import { SHIPPED_CALENDAR } from '../../src-main/db/repositories/reference-repo';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { type ConsoleHarness, getJson, sendJson, useConsolePage } from './console-harness';
import {
  axeProblems,
  BROWSER_MODE,
  BROWSER_MODE_URL,
  capturePages,
  shot,
  signIn,
  spawnServer,
  stopProcess,
} from './harness';

let h: ConsoleHarness;
let page: Page;
let branchApp: { proc: ChildProcess; url: string; output: () => string } | null = null;
let branchPage: Page | null = null;
const pageErrors = useConsolePage((c) => ({ h, page } = c));
afterAll(() => stopProcess(branchApp?.proc));
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  if (branchApp) console.error('branch app output at failure:\n', branchApp.output().slice(-4000));
  if (branchPage) console.error('branch at failure:', await capturePages([branchPage], 'reference-e2e-failure'));
});

/** PUT from the signed-in console page with its CSRF token: the status and the JSON. */
const putJson = (path: string, body: unknown) =>
  sendJson<{ message?: { zh: string }; record?: { version: number } }>(page, 'PUT', path, body);

const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027);
const completed = {
  ...y2027,
  provisional: false,
  days: [...(y2027?.days ?? []), { date: '2027-02-20', kind: 'workday', name: { zh: '春节', en: 'Spring Festival' } }],
};

describe('the calendar published at head office reaches the branch', () => {
  it('refused without the editor permission, published with it, previewed', async () => {
    const refused = await putJson('/console/api/reference/calendar/2027', { body: completed });
    expect(refused.status).toBe(403);
    expect(refused.json.message?.zh).toContain('没有编辑日历和话术库的权限');
    const hq = await openHqStore(h.demo.hqDb);
    try {
      expect(await setEditsReference(hq, DEMO_REVIEWER.username, true)).toBe(true);
    } finally {
      await hq.close();
    }
    const published = await putJson('/console/api/reference/calendar/2027', { body: completed });
    expect(published.status).toBe(201);
    expect(published.json.record?.version).toBe(2);
    const preview = await getJson<ReferencePreviewAnswer>(page, '/console/api/reference/preview');
    expect(preview.reference.map((r) => `${r.record.kind}/${r.record.key}@${r.record.version}`)).toEqual([
      'calendar/2027@2',
    ]);
  });

  it('the branch pulls it; its sync line says 日历已更新 2027', async () => {
    const file = h.demo.branchDbs.SH01 as string;
    const { db } = openDatabase(file);
    try {
      const t = new HttpTransport({ url: h.origin, branch: 'SH01', key: h.demo.keys.SH01 as string });
      expect((await pullInstructions(createContext(db), t)).reference).toBe(1);
    } finally {
      db.close();
    }
    branchApp = await spawnServer([...BROWSER_MODE, '--db', file], BROWSER_MODE_URL, 'npm start (browser mode)');
    const bp = await (
      await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    ).newPage();
    branchPage = bp;
    await signIn(bp, branchApp.url, 'M001');
    const news = bp.getByTestId('sync-reference-news');
    await news.waitFor();
    expect(await news.innerText()).toContain('日历已更新 2027');
    await shot(bp, 'reference-sync-line');
    expect(await axeProblems(bp)).toEqual([]);
    branchPage = null;
    await bp.close();
    await stopProcess(branchApp.proc);
    branchApp = null;
    expect(pageErrors).toEqual([]);
  });
});
