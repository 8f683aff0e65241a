// Head office accepts the slip fields of branch migration 0018 (收款方式, who voided, who settled)
// from a real branch, and still imports a slip snapshot of an older branch without them, on
// every head-office store.
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src-headoffice/console/api-contract';
import { createSlip, voidSlip } from '../../src-main/services/slips';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { type ConsoleClient, pushRecords, useConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('slip snapshot fields (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  it('carries 收款方式 and who voided from a real branch; an older snapshot without them still imports', async () => {
    const s = openTestStore();
    try {
      const c = phoneCase(s);
      const slip = createSlip(
        s.ctx,
        s.users.clerk,
        returnInput(s, {
          caseId: c.id,
          type: 'exchange',
          refundFen: undefined,
          refundMethod: undefined,
          paymentMethod: 'cash',
          returnedLines: [{ itemCode: 'S42', name: '运动鞋', quantity: 1, unitPriceFen: 29_900 }],
          issuedLines: [{ itemCode: 'S43', name: '运动鞋', quantity: 1, unitPriceFen: 33_900 }],
        }),
      );
      voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: '录入错误' });
      const transport = new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${c.id}`);
      expect(d.status).toBe(200);
      expect(d.json.slips[0]).toMatchObject({
        paymentMethod: 'cash',
        status: 'void',
        voidedByName: s.users.supervisor.name,
      });

      // The same slip as a branch before 0018 sent it: no paymentMethod, no voidedByName.
      const old: Record<string, unknown> = { ...d.json.slips[0], id: 'slip-old', number: 'SH01-TH-202611-0999' };
      delete old.paymentMethod;
      delete old.voidedByName;
      delete old.settledByName;
      const answer = await pushRecords(hq, keys.SH01 as string, 'SH01', [{ type: 'slip', data: old }]);
      expect(answer.status).toBe(200);
      const again = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${c.id}`);
      expect(again.json.slips.map((x) => x.number)).toContain('SH01-TH-202611-0999');
    } finally {
      s.close();
    }
  });
});
