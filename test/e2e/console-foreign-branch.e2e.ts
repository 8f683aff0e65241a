// Issue 15 §1 in a real browser against the real head-office server (demo store): a batch
// signed by SH02 that carries an SH01 case is refused whole, and the console's sync health
// shows SH02's refusal naming both branches, with its next step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeBatch } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { caseSnapshot } from '../headoffice/console-harness';
import { type ConsoleHarness, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
const pageErrors = useConsolePage((c) => ({ h, page } = c));

describe('console sync health: another branch’s records', () => {
  it('shows the refused batch of SH02 holding an SH01 case, naming both branches', async () => {
    const theirs = caseSnapshot('SH02', 9001, { branchCode: 'SH01' });
    const body = encodeBatch('SH02', 'E2E-FOREIGN', [
      { seq: 1, type: 'case', id: String(theirs.id), version: 1, schema: 1, data: JSON.stringify(theirs) },
    ]).body;
    const key = h.demo.keys.SH02 as string;
    const headers = signRequest(key, { method: 'POST', path: '/v1/batches', branch: 'SH02', body, now: Date.now() });
    const res = await fetch(`${h.origin}/v1/batches`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'FOREIGN_BRANCH', recordBranch: 'SH01' });

    await page.goto(`${h.origin}/console/#/health`);
    const problem = page.locator('[data-testid="problem-SH02-FOREIGN_BRANCH"]');
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toContain('门店 SH02 签名的批次里有 1 条记录属于门店 SH01');
    expect(text).toContain('处理办法:');
    await problem.scrollIntoViewIfNeeded();
    await shot(page, 'console-foreign-branch');
    expect(await axeProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
