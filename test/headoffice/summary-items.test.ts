// Head office's consolidated summary counts 按商品 from the synced case records (their purchase lines), keyed as
// the branch keys them: one barcode typed two ways at two branches is one item; a case without items counts
// nowhere there. On every head-office store (SQLite, and PostgreSQL when HQ_TEST_DATABASE_URL is set).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSummary } from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const NOV = '/console/api/summary?period=month&date=2026-11-15';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office 按商品 (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  beforeEach(async () => {
    let keys: Record<string, string>;
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      {
        type: 'case',
        data: caseSnapshot('SH01', 1, {
          receivedAt: sh('2026-11-03T10:00:00'),
          purchaseItems: [{ name: '电饭煲', code: '6901-234 567' }],
          finding: 'founded',
        }),
      },
      { type: 'case', data: caseSnapshot('SH01', 2, { receivedAt: sh('2026-11-04T10:00:00'), purchaseItems: [] }) },
    ]);
    await pushRecords(hq, keys.SH02 as string, 'SH02', [
      {
        type: 'case',
        data: caseSnapshot('SH02', 1, {
          receivedAt: sh('2026-11-05T10:00:00'),
          purchaseItems: [{ name: '电饭煲 5L', code: '6901234567' }],
        }),
      },
      {
        type: 'case',
        data: caseSnapshot('SH02', 2, {
          receivedAt: sh('2026-11-06T10:00:00'),
          purchaseItems: [{ name: 'Ａ牌  牛奶' }],
        }),
      },
    ]);
  });
  afterEach(() => hq.close());

  it('counts the items of every branch by key, the latest name shown', async () => {
    const s = (await client.call<ConsoleSummary>('GET', NOV)).json.summary;
    expect(s.total).toBe(4);
    expect(s.byItemTotal).toBe(2);
    expect(s.byItem).toEqual([
      { key: 'code:6901234567', name: '电饭煲 5L', code: '6901234567', count: 2, founded: 1 },
      { key: 'name:a牌 牛奶', name: 'Ａ牌  牛奶', code: null, count: 1, founded: 0 },
    ]);
  });

  it("counts one branch's items only when asked for that branch", async () => {
    const s = (await client.call<ConsoleSummary>('GET', `${NOV}&branch=SH01`)).json.summary;
    expect(s.byItem).toEqual([{ key: 'code:6901234567', name: '电饭煲', code: '6901234567', count: 1, founded: 1 }]);
  });
});
