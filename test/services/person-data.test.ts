// A person's request at the branch (issue 20 §3): on a real store holding the phone on cases, a customer
// record, slips, follow-ups, attachments and a draft, beside other people's records that must not appear;
// the same find however the phone is written; refusals in words; the PDF read back; the JSON's shape; the
// export written to the access log (access_log, masked, with its outbox record).
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { findPersonData } from '../../src-main/services/person-data';
import { exportPersonData } from '../../src-main/services/person-data-export';
import { PERSON_DATA_FORMAT, type PersonData } from '../../src-main/shared/person-data-types';
import { readPdf, squash } from '../helpers/pdf-text';
import { HERS, OTHER, seedPerson } from '../helpers/person-data';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('personalData.find at the branch', () => {
  it('finds every record held under her phone and nobody else’s', () => {
    s = openTestStore();
    const x = seedPerson(s);
    const d = findPersonData(s.ctx, s.users.secretary, { phone: HERS });
    expect(d.format).toBe(PERSON_DATA_FORMAT);
    expect(d.phone).toBe(HERS);
    expect(d.holder).toEqual({ code: 'SH01', name: '上海一店' });
    expect(d.cases.map((c) => [c.number, c.ownCase, c.matchedBy])).toEqual([
      [x.mine.number, true, ['customer_phone', 'customer_record']],
      [x.anon.number, true, ['customer_phone', 'customer_record']],
      [x.mentions.number, false, ['text']],
      [x.gov.number, false, ['gov_contact_phone']],
    ]);
    const mine = d.cases[0]!;
    expect(mine).toMatchObject({
      customerName: '林晓',
      customerPhone: HERS,
      status: 'resolved',
      categoryCode: 'product_quality',
      purchaseAmountFen: 45_900,
      resolutionAmountFen: 45_900,
      purchaseItems: [{ name: '男士皮鞋', code: '6901234567890', quantity: 1 }],
    });
    expect(d.cases[1]).toMatchObject({ customerName: null, content: '收银台排队四十分钟无人处理' });
    // A case that only mentions her number is someone else's: no name, phone or text of theirs.
    expect(d.cases[2]).toMatchObject({ customerName: null, customerPhone: null, content: null, purchaseItems: [] });
    expect(d.slips.map((sl) => [sl.number, sl.caseNumber])).toEqual([
      [x.slipOfCase.number, x.mine.number],
      [x.slipAlone.number, null],
    ]);
    expect(d.slips[0]).toMatchObject({ refundFen: 45_900, returnedTotalFen: 45_900, returnedLines: [{ quantity: 1 }] });
    expect(d.followUps).toEqual([
      {
        branch: 'SH01',
        caseNumber: x.mine.number,
        dueDate: '2026-11-28',
        doneAt: new Date(s.clock.t).toISOString(),
        outcome: 'reached_satisfied',
        note: '询问退款是否到账',
        result: '已到账,满意',
      },
    ]);
    // Both added at the same instant (ordered by id then): compared by kind.
    const byKind = [...d.attachments].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind.map((a) => [a.ownerNumber, a.kind, a.name])).toEqual([
      [x.mine.number, 'goods_photo', '开胶照片.jpg'],
      [x.mine.number, 'id_copy', '身份证复印件.jpg'],
    ]);
    expect(d.drafts).toEqual([{ form: 'intake.phone', staffNo: 'C001', savedAt: new Date(s.clock.t).toISOString() }]);
    const text = JSON.stringify(d);
    for (const foreign of [OTHER, '张三', '王五', '赵六', '周科员', '13700001111', 'R-3003', '邻居'])
      expect(text).not.toContain(foreign);
  });

  it('finds the same however the phone is written: +86, spaces, dashes, full-width digits', () => {
    s = openTestStore();
    seedPerson(s);
    const plain = findPersonData(s.ctx, s.users.manager, { phone: HERS });
    for (const typed of ['+86 139 1234 5678', '0086-139-1234-5678', '１３９１２３４５６７８', ' 139　1234　5678 '])
      expect(findPersonData(s.ctx, s.users.manager, { phone: typed })).toEqual(plain);
  });

  it('refuses a text that is not a phone on its field, and every role but the secretary office and the manager', async () => {
    s = openTestStore();
    seedPerson(s);
    for (const phone of ['abc', '1234', '139123456781234567'])
      expect(await dispatch(s.ctx, { user: s.users.secretary }, 'personalData.find', { phone })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ field: 'phone', message: { zh: expect.stringContaining('电话') } }] },
      });
    for (const user of [s.users.clerk, s.users.staff, s.users.supervisor]) {
      for (const [channel, input] of [
        ['personalData.find', { phone: HERS }],
        ['personalData.export', { phone: HERS, reason: '本人来店申请' }],
      ] as const)
        expect(await dispatch(s.ctx, { user }, channel, input)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: { zh: '个人信息请求由秘书室或店长办理' } },
        });
    }
    expect(await dispatch(s.ctx, { user: s.users.manager }, 'personalData.find', { phone: HERS })).toMatchObject({
      ok: true,
    });
  });

  it('an unknown phone finds nothing (and says so in every list)', () => {
    s = openTestStore();
    seedPerson(s);
    const d = findPersonData(s.ctx, s.users.secretary, { phone: '13311112222' });
    expect([d.cases, d.slips, d.followUps, d.attachments, d.drafts]).toEqual([[], [], [], [], []]);
  });
});

describe('personalData.export', () => {
  it('gives the PDF and the JSON of the same data and writes who, when, why to the access log', async () => {
    s = openTestStore();
    const x = seedPerson(s);
    const before = s.db.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number };
    const r = await dispatch(s.ctx, { user: s.users.secretary }, 'personalData.export', {
      phone: '+86 139 1234 5678',
      reason: '本人来店书面申请复制',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.pdfFileName).toBe('个人信息查询结果-5678-20261124.pdf');
    expect(r.value.jsonFileName).toBe('个人信息查询结果-5678-20261124.json');
    const json = JSON.parse(r.value.json) as PersonData;
    expect(json).toEqual(findPersonData(s.ctx, s.users.secretary, { phone: HERS }));
    // Documented shape: money in fen (integers), times as UTC ISO strings.
    expect(json.generatedAt).toBe('2026-11-24T02:00:00.000Z');
    expect(Object.keys(json)).toEqual([
      'format',
      'holder',
      'phone',
      'generatedAt',
      'cases',
      'slips',
      'followUps',
      'attachments',
      'drafts',
    ]);
    expect(json.cases[0]!.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Number.isInteger(json.slips[0]!.refundFen)).toBe(true);

    const pdf = Buffer.from(r.value.pdfBase64, 'base64');
    writeFileSync('/tmp/person-data-sample.pdf', pdf);
    const pages = await readPdf(pdf);
    const all = squash(pages.map((p) => p.text).join(''));
    for (const expected of [
      '个人信息查询结果',
      '上海一店(SH01)',
      `查询电话:${HERS}`,
      '生成时间:2026-11-2410:00',
      x.mine.number,
      x.anon.number,
      x.mentions.number,
      x.slipOfCase.number,
      x.slipAlone.number,
      '林晓',
      '皮鞋穿了两天就开胶',
      '全额退款',
      '¥459.00',
      '已到账,满意',
      '开胶照片.jpg',
      '身份证复印件.jpg',
      '登记表',
      'C001',
      '该个案仅提及此号码',
    ])
      expect(all).toContain(squash(expected));
    for (const foreign of [OTHER, '张三', '王五', '赵六', '邻居', x.others.number, x.slipOther.number])
      expect(all).not.toContain(foreign);
    expect(pages[0]!.text).toContain(`第 1 页 / 共 ${pages.length} 页`);

    const log = s.db
      .prepare(
        "SELECT user_id, user_staff_no, action, entity_type, entity_id, fields, reason FROM access_log WHERE action = 'person_export'",
      )
      .all();
    expect(log).toEqual([
      {
        user_id: s.users.secretary.id,
        user_staff_no: 'S001',
        action: 'person_export',
        entity_type: 'person',
        entity_id: '139****5678',
        fields: JSON.stringify(['cases:4', 'slips:2', 'followUps:1', 'attachments:2', 'drafts:1']),
        reason: '本人来店书面申请复制',
      },
    ]);
    expect((s.db.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n).toBe(before.n + 1);
    // Synced to head office like every record, in the same transaction.
    expect(s.db.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'access_log'").get()).toEqual({ n: 1 });
  });

  it('refuses an export without a reason and logs nothing', async () => {
    s = openTestStore();
    seedPerson(s);
    for (const reason of ['', ' ', '查'])
      expect(
        await dispatch(s.ctx, { user: s.users.manager }, 'personalData.export', { phone: HERS, reason }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'reason' }] } });
    expect(s.db.prepare("SELECT count(*) AS n FROM access_log WHERE action = 'person_export'").get()).toEqual({ n: 0 });
  });

  it('continues over pages cleanly: many cases with long texts, the header on every page', async () => {
    s = openTestStore();
    const long = '顾客反映所购商品存在质量问题,多次联系未果,要求退货并赔偿往返交通费用。'.repeat(12);
    for (let i = 0; i < 14; i++) {
      phoneCase(s, { customer: { name: '林晓', phone: HERS }, content: `第${i + 1}次:${long}` });
      s.clock.t += 3_600_000;
    }
    const r = await exportPersonData(s.ctx, s.users.manager, { phone: HERS, reason: '本人申请', lang: 'en' });
    const pdf = Buffer.from(r.pdfBase64, 'base64');
    writeFileSync('/tmp/person-data-long.pdf', pdf);
    const pages = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => {
      expect(p.text).toContain('Personal data held');
      expect(p.text).toContain(`Phone: ${HERS}`);
      expect(p.text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = squash(pages.map((p) => p.text).join(''));
    for (let i = 0; i < 14; i++) expect(all).toContain(squash(`第${i + 1}次:`));
    expect(r.pdfFileName).toMatch(/^personal-data-5678-\d{8}\.pdf$/);
  });
});
