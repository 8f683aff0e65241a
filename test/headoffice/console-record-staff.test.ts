// 回避 at head office (issue 18 §5): a branch's case naming the staff complained about arrives by sync and
// head office's printed record names her; a snapshot from an older branch (no such fields) still imports
// and prints the label empty — on every head-office store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'the staff complained about at head office (%s)',
  (_n, backend) => {
    let hq: Hq;
    let client: ConsoleClient;
    let keys: Record<string, string>;
    beforeEach(async () => {
      ({ hq, client, keys } = await startConsole(backend));
      await client.signIn();
    });
    afterEach(() => hq.close());

    const recordText = async (id: unknown) => {
      const res = await fetch(`${hq.url}/console/api/cases/SH01/${String(id)}/record.pdf`, {
        headers: { cookie: client.cookie ?? '' },
      });
      expect(res.status).toBe(200);
      return squash((await readPdf(Buffer.from(await res.arrayBuffer()))).map((p) => p.text).join(''));
    };

    it('prints her name and staff number; an older snapshot without them imports and prints the label empty', async () => {
      const named = caseSnapshot('SH01', 1, { complainedStaffName: '刘喆', complainedStaffNo: 'U001' });
      const older = caseSnapshot('SH01', 2, {});
      await pushRecords(hq, keys.SH01 as string, 'SH01', [
        { type: 'case', data: named },
        { type: 'case', data: older },
      ]);
      expect(await recordText(named.id)).toContain('被投诉员工刘喆工号U001处理单位');
      expect(await recordText(older.id)).toContain('被投诉员工处理单位');
    });
  },
);
