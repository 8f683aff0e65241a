// The 顾客异议处理记录表 printed from head office: the branch's template filled from the snapshot head office
// holds (units by the case's own branch, the 批示, the customer's earlier cases), the phone masked, zh-CN or
// en; refused without a session, for an unknown case or an unknown language — on every head-office store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const UNIT = 'unit-shared-id';
const unit = (name: string) => ({ id: UNIT, code: 'U1', name, active: true, version: 1 });

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'record form printed at head office (%s)',
  (_n, backend) => {
    let hq: Hq;
    let client: ConsoleClient;
    let keys: Record<string, string>;
    beforeEach(async () => {
      ({ hq, client, keys } = await startConsole(backend));
      await client.signIn();
    });
    afterEach(() => hq.close());

    const pdfOf = async (path: string, cookie = client.cookie) => {
      const res = await fetch(`${hq.url}${path}`, { headers: cookie ? { cookie } : {} });
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        body: Buffer.from(await res.arrayBuffer()),
      };
    };

    async function seed() {
      const earlier = caseSnapshot('SH01', 1, { status: 'filed', finding: 'unfounded' });
      const c = caseSnapshot('SH01', 2, {
        complainedUnitId: UNIT,
        handlingUnitId: UNIT,
        severity: 'major',
        content: '电饭煲使用三天后无法加热,顾客要求换货。',
        instructions: [
          {
            id: 'ins-1',
            text: '请三日内上门回访并书面答复',
            reviewerName: '李审核',
            instructedAt: Date.parse('2026-11-02T01:00:00Z'),
            appliedAt: Date.parse('2026-11-02T02:00:00Z'),
          },
        ],
      });
      // The same unit id at another branch names another unit: the form names the case's own branch's.
      await pushRecords(hq, keys.SH02 as string, 'SH02', [{ type: 'unit', data: unit('小家电柜') }]);
      await pushRecords(hq, keys.SH01 as string, 'SH01', [
        { type: 'unit', data: unit('家电部') },
        { type: 'case', data: earlier },
        { type: 'case', data: c },
      ]);
      return { earlier, c };
    }

    it("prints the branch's form from the snapshot: its units, the 批示, the earlier case, the phone masked", async () => {
      const { earlier, c } = await seed();
      const r = await pdfOf(`/console/api/cases/SH01/${String(c.id)}/record.pdf`);
      expect(r.status).toBe(200);
      expect(r.type).toContain('application/pdf');
      const text = squash((await readPdf(r.body)).map((p) => p.text).join(''));
      expect(text).toContain('顾客异议处理记录表');
      expect(text).toContain(String(c.number));
      expect(text).toContain('家电部');
      expect(text).not.toContain('小家电柜');
      expect(text).toContain('请三日内上门回访并书面答复');
      expect(text).toContain(String(earlier.number));
      expect(text).toContain('139****0000');
      expect(text).not.toContain('13900000000');
      expect(text).toContain(squash('电饭煲使用三天后无法加热'));
    });

    it('prints in English when asked', async () => {
      const { c } = await seed();
      const r = await pdfOf(`/console/api/cases/SH01/${String(c.id)}/record.pdf?lang=en`);
      expect(r.status).toBe(200);
      const text = (await readPdf(r.body)).map((p) => p.text).join('');
      expect(text).toContain('Customer Objection Record');
    });

    it('refuses without a session, an unknown case and an unknown language, in both languages', async () => {
      const { c } = await seed();
      const path = `/console/api/cases/SH01/${String(c.id)}/record.pdf`;
      expect((await pdfOf(path, '')).status).toBe(401);

      const unknown = await pdfOf('/console/api/cases/SH01/no-such-case/record.pdf');
      expect(unknown.status).toBe(404);
      const u = JSON.parse(unknown.body.toString('utf8')) as { message: { zh: string; en: string } };
      expect(u.message.zh).toContain('SH01');
      expect(u.message.en).toContain('SH01');

      const fr = await pdfOf(`${path}?lang=fr`);
      expect(fr.status).toBe(400);
      const f = JSON.parse(fr.body.toString('utf8')) as { issues: { field: string }[] };
      expect(f.issues.map((i) => i.field)).toContain('lang');
    });
  },
);
