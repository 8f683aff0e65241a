// The console's case detail carries the acceptance decision as the branch synced it, over real HTTP
// on every head-office store: a declined case its reason (code and words), the grounds, the competent
// body, who decided (the decline event's name) and when; an accepted case no decision and its intake.
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src-headoffice/console/api-contract';
import { declineCase } from '../../src-main/services/case-acceptance';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { type ConsoleClient, useConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console acceptance (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  it('shows 不予受理 with reason, words, body, who and when; an accepted case with its intake', async () => {
    const s = openTestStore();
    try {
      const accepted = phoneCase(s);
      const declined = phoneCase(s, {
        content: '门口马路上共享单车乱停乱放,要求你们店派人清理。',
        categoryCode: 'other',
      });
      s.clock.t += 3_600_000;
      declineCase(s.ctx, s.users.secretary, {
        caseId: declined.id,
        declineReason: 'not_consumer_dispute',
        declineText: '共享单车停放属市容管理事项,不涉及您在本店购买的商品或接受的服务。',
        referTo: '街道城市管理执法中队(12345 市民服务热线)',
      });
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH01',
        transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string }),
      });

      const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${declined.id}`);
      expect(d.status).toBe(200);
      expect(d.json.case).toMatchObject({
        status: 'not_accepted',
        declineReasonCode: 'not_consumer_dispute',
        declineReasonZh: '不属于消费者权益争议',
        declineReasonEn: 'Not a consumer dispute',
        declineText: '共享单车停放属市容管理事项,不涉及您在本店购买的商品或接受的服务。',
        declineReferTo: '街道城市管理执法中队(12345 市民服务热线)',
        declinedAt: s.clock.t,
        declinedBy: s.users.secretary.id,
      });
      // Closed: no deadline is sent for it.
      expect(d.json.case.dueAt ?? null).toBeNull();
      expect(d.json.case.events.map((e) => [e.kind, e.actorName])).toEqual([
        ['intake', s.users.secretary.name],
        ['decline', s.users.secretary.name],
      ]);

      const a = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${accepted.id}`);
      expect(a.json.case.status).toBe('registered');
      expect(a.json.case.declineReasonCode ?? null).toBeNull();
      expect(a.json.case.declinedAt ?? null).toBeNull();
      expect(a.json.case.events[0]).toMatchObject({ kind: 'intake', actorName: s.users.secretary.name });
    } finally {
      s.close();
    }
  });
});
