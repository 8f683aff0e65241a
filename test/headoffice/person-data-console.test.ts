// A person's request at head office (issue 20 §3), on SQLite and PostgreSQL: a real branch store holding the
// phone on cases, slips, a follow-up and attachments is synced to head office (with another branch's case of
// the same phone, pushed as its batch); the console finds every branch's records under the phone however it
// is typed, and nobody else's; the export's JSON and PDF carry the same; a reviewer not allowed personal data,
// a non-phone and an export without a reason are refused in words; every find and export is logged, masked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSeesPersonal } from '../../src-headoffice/console/personal-data';
import type { PersonExportAnswer, PersonFindAnswer } from '../../src-headoffice/console/api-contract';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { findPersonData } from '../../src-main/services/person-data';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import { HERS, OTHER, seedPerson } from '../helpers/person-data';
import { openTestStore, type TestStore } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, ConsoleClient, PASSWORD, pushRecords, startConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('a person’s request at head office (%s)', (_n, backend) => {
  let hq: Hq;
  let li: ConsoleClient;
  let s: TestStore;
  let seeded: ReturnType<typeof seedPerson>;
  let sh02: Record<string, unknown>;
  beforeEach(async () => {
    const c = await startConsole(backend);
    hq = c.hq;
    li = c.client;
    await li.signIn();
    await setSeesPersonal(hq.db, 'li', true);
    s = openTestStore();
    seeded = seedPerson(s);
    await syncOnce({
      ctx: s.ctx,
      branch: 'SH01',
      transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: c.keys.SH01 as string }),
    });
    sh02 = caseSnapshot('SH02', 7, {
      customerPhone: '+86 139 1234 5678',
      customerName: '林晓',
      content: '二店的投诉',
      receivedAt: Date.parse('2026-11-25T02:00:00Z'),
    });
    await pushRecords(hq, c.keys.SH02 as string, 'SH02', [
      { type: 'case', data: sh02 },
      { type: 'case', data: caseSnapshot('SH02', 8, { customerPhone: OTHER, customerName: '张三' }) },
    ]);
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const logRows = () =>
    hq.db.all<{ reviewer: string; action: string; phone_masked: string; reason: string | null; counts: string }>(
      'SELECT reviewer, action, phone_masked, reason, counts FROM hq_person_requests ORDER BY seq',
    );

  it('finds every branch’s records under the phone, the branch’s own as the branch finds them, and nobody else’s', async () => {
    const r = await li.call<PersonFindAnswer>('POST', '/console/api/personal-data/find', {
      phone: '0086 139-1234-5678',
    });
    expect(r.status).toBe(200);
    const d = r.json;
    expect(d.holder).toEqual({ code: 'HQ', name: '总部' });
    expect(d.phone).toBe(HERS);
    const atBranch = findPersonData(s.ctx, s.users.secretary, { phone: HERS });
    const own = atBranch.cases.filter((c) => c.ownCase);
    expect(d.cases.map((c) => [c.branch, c.number])).toEqual([
      ...own.map((c) => ['SH01', c.number]),
      ['SH02', sh02.number],
    ]);
    // Head office holds the same facts of her cases as the branch (it knows them by the phone only).
    expect(d.cases.slice(0, own.length).map(({ matchedBy: _m, ...c }) => c)).toEqual(
      own.map(({ matchedBy: _m, ...c }) => c),
    );
    expect(d.slips).toEqual(atBranch.slips);
    expect(d.followUps).toEqual(atBranch.followUps);
    expect(d.attachments).toEqual(atBranch.attachments);
    expect(d.drafts).toEqual([]);
    const text = JSON.stringify(d);
    for (const foreign of [OTHER, '张三', '王五', '赵六', String(seeded.mentions.number), String(seeded.gov.number)])
      expect(text).not.toContain(foreign);
    // The same however it is typed.
    for (const phone of [HERS, '１３９１２３４５６７８', '+86 139 1234 5678']) {
      const again = await li.call<PersonFindAnswer>('POST', '/console/api/personal-data/find', { phone });
      expect({ ...again.json, generatedAt: '' }).toEqual({ ...d, generatedAt: '' });
    }
    expect((await logRows())[0]).toEqual({
      reviewer: 'li',
      action: 'person_find',
      phone_masked: '139****5678',
      reason: null,
      counts: JSON.stringify({ cases: 3, slips: 2, followUps: 1, attachments: 2 }),
    });
  });

  it('exports the JSON and the PDF of the same data, with the reason logged', async () => {
    const r = await li.call<PersonExportAnswer>('POST', '/console/api/personal-data/export', {
      phone: HERS,
      reason: '本人书面申请(总部收件)',
    });
    expect(r.status).toBe(200);
    const data = JSON.parse(r.json.json) as PersonFindAnswer;
    expect(data.cases.map((c) => c.branch)).toEqual(['SH01', 'SH01', 'SH02']);
    expect(r.json.pdfFileName).toMatch(/^个人信息查询结果-5678-\d{8}\.pdf$/);
    const pages = await readPdf(Buffer.from(r.json.pdfBase64, 'base64'));
    const all = squash(pages.map((p) => p.text).join(''));
    for (const expected of ['个人信息查询结果', '总部(HQ)', HERS, String(sh02.number), '二店的投诉', '开胶照片.jpg'])
      expect(all).toContain(squash(expected));
    expect(all).not.toContain('张三');
    expect(await logRows()).toEqual([
      {
        reviewer: 'li',
        action: 'person_export',
        phone_masked: '139****5678',
        reason: '本人书面申请(总部收件)',
        counts: JSON.stringify({ cases: 3, slips: 2, followUps: 1, attachments: 2 }),
      },
    ]);
  });

  it('refuses a reviewer not allowed personal data, a non-phone and an export without a reason, logging none', async () => {
    await addReviewer(hq.db, { username: 'zhou', name: '周审核', password: PASSWORD }, Date.now());
    const zhou = new ConsoleClient(hq);
    await zhou.signIn('zhou');
    for (const [path, body] of [
      ['find', { phone: HERS }],
      ['export', { phone: HERS, reason: '本人申请' }],
    ] as const) {
      const r = await zhou.call('POST', `/console/api/personal-data/${path}`, body);
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({
        code: 'FORBIDDEN',
        message: { zh: '个人信息请求只能由获准查看个人信息的审核人员办理' },
      });
    }
    const bad = await li.call('POST', '/console/api/personal-data/find', { phone: '没有号码' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('电话号码格式不正确');
    const noReason = await li.call('POST', '/console/api/personal-data/export', { phone: HERS, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.json)).toContain('reason');
    // Without the CSRF token the console refuses it like every state-changing request.
    expect((await li.call('POST', '/console/api/personal-data/find', { phone: HERS }, { csrf: null })).status).toBe(
      403,
    );
    expect(await logRows()).toEqual([]);
  });
});
