// Offering choices at head office (issue 21 §3): a real branch resolves a case with the options offered and
// the one chosen, syncs, and head office keeps them on the case snapshot: the console's case detail holds
// them and head office's printed record form lists them; a snapshot from an older branch has none.
import { describe, expect, it } from 'vitest';
import type { CaseDetail, ConsoleSummary } from '../../src-headoffice/console/api-contract';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, useConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('options offered at head office (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  const recordText = async (id: string) => {
    const res = await fetch(`${hq.url}/console/api/cases/SH01/${id}/record.pdf`, {
      headers: { cookie: client.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    return squash((await readPdf(Buffer.from(await res.arrayBuffer()))).map((p) => p.text).join(''));
  };

  it("keeps a real branch's options and choice on the case, shows and prints them; an older snapshot has none", async () => {
    const s = openTestStore();
    try {
      const c = phoneCase(s);
      forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
      resolveCase(s.ctx, s.users.staff, {
        caseId: c.id,
        type: 'exchange',
        summary: '顾客选择换货',
        amountFen: 45_900,
        offer: {
          options: [
            { kind: 'exchange', text: '换同款 40 码' },
            { kind: 'refund', amountFen: '459' },
          ],
          chosen: 0,
        },
      });
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH01',
        transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string }),
      });
    } finally {
      s.close();
    }
    const older = caseSnapshot('SH01', 7, {});
    await pushRecords(hq, keys.SH01 as string, 'SH01', [{ type: 'case', data: older }]);
    const list = await client.call<{ rows: { id: string; number: string }[] }>('GET', '/console/api/cases?branch=SH01');
    const synced = list.json.rows.find((r) => r.id !== older.id);
    if (!synced) throw new Error('the branch case did not reach head office');
    const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${synced.id}`);
    expect(d.status).toBe(200);
    expect(d.json.case.resolutionOffer).toEqual({
      options: [
        { kind: 'exchange', text: '换同款 40 码' },
        { kind: 'refund', amountFen: 45_900 },
      ],
      chosen: 0,
    });
    const printed = await recordText(synced.id);
    expect(printed).toContain('1换货换同款40码■顾客选择2退货退款¥459.00□');
    const old = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${String(older.id)}`);
    expect(old.json.case.resolutionOffer ?? null).toBeNull();
    expect(await recordText(String(older.id))).not.toContain('提供给顾客的方案');
    // 方案被接受 in the consolidated summary: both cases are November's, one with options, the first chosen.
    const sum = await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-15');
    expect(sum.json.summary.total).toBe(2);
    expect(sum.json.summary.offers).toMatchObject({ offered: 1, accepted: 1, firstChosen: 1, noneAccepted: 0 });
    expect(sum.json.summary.offers?.chosenKinds.exchange).toBe(1);
  });
});
