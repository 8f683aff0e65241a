// The training library (典型范例): typical cases (their approved text) for every member of staff, with the
// customer's name, phone, other contact, receipt number and the government contact left out
// of the DTO, the list, the search and the printed sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { addNote, recordFinding, setTypical } from '../../src-main/services/case-details';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { printTrainingCase } from '../../src-main/services/training';
import type { TrainingCase, TrainingCaseRow } from '../../src-main/shared/training-types';
import { readPdf, squash } from '../helpers/pdf-text';
import { seedReportCases } from '../helpers/report-seed';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { approveAsDrafted } from '../helpers/training';

let s: TestStore;
let typicalId: string;
let govId: string;
let plainId: string;

/** Every identifying value the seeded typical cases hold, in every spelling they may take. */
const SECRETS = [
  '李四',
  '139 0000 1111',
  '13900001111',
  'wx-lisi-88',
  'R20261120-0042',
  '赵科长',
  '12315-2026-0099',
  '010-8888 6666',
  '01088886666',
];

beforeAll(() => {
  s = openTestStore();
  const { a, b } = seedReportCases(s);
  typicalId = b.id;
  plainId = a.id;
  addNote(s.ctx, s.users.secretary, { caseId: b.id, text: '已电话联系李四女士(13900001111),说明处理结果。' });
  const gov = phoneCase(s, {
    channel: 'government',
    government: {
      body: '12315',
      referenceNo: '12315-2026-0099',
      contactPerson: '赵科长',
      contactPhone: '010-8888 6666',
    },
    customer: { name: '李四', phone: '139 0000 1111' },
    content: '12315 转来:顾客反映价格标签与结算价格不一致,赵科长要求五日内书面答复。',
    categoryCode: 'price',
  });
  forwardCase(s.ctx, s.users.secretary, { caseId: gov.id, handlingUnitId: s.units.food });
  resolveCase(s.ctx, s.users.secretary, {
    caseId: gov.id,
    type: 'explanation',
    summary: '书面答复 12315,并电话告知赵科长(010-8888 6666)处理结果。',
  });
  recordFinding(s.ctx, s.users.secretary, { caseId: gov.id, cause: 'staff', finding: 'partly_founded' });
  setTypical(s.ctx, s.users.secretary, { caseId: gov.id, typical: true });
  govId = gov.id;
  // The library lists a typical case once the secretary approved its text (training-approval.test.ts).
  approveAsDrafted(s, typicalId);
  approveAsDrafted(s, govId);
});
afterAll(() => s?.close());

const as = (who: keyof TestStore['users']): Session => ({ user: s.users[who] });

function expectClean(value: unknown): void {
  const json = JSON.stringify(value);
  for (const secret of SECRETS) expect(json, secret).not.toContain(secret);
}

describe('training library', () => {
  it('every staff role may list it; only typical cases, newest first', async () => {
    for (const who of ['clerk', 'staff', 'secretary', 'supervisor', 'manager'] as const) {
      const r = await dispatch(s.ctx, as(who), 'training.list', {});
      expect(r.ok, who).toBe(true);
      if (r.ok) {
        expect(r.value.map((x: TrainingCaseRow) => x.id)).toEqual([govId, typicalId]);
        expectClean(r.value);
      }
    }
  });

  it('filters by category and searches only what the reader sees', async () => {
    const byCat = await dispatch(s.ctx, as('clerk'), 'training.list', { categoryCode: 'price' });
    expect(byCat.ok && byCat.value.map((x) => x.id)).toEqual([govId]);
    const hit = await dispatch(s.ctx, as('clerk'), 'training.list', { q: '月饼' });
    expect(hit.ok && hit.value.map((x) => x.id)).toEqual([typicalId]);
    // The customer's name and phone find nothing: they are not in the library's text.
    for (const q of ['李四', '13900001111', 'wx-lisi']) {
      const none = await dispatch(s.ctx, as('clerk'), 'training.list', { q });
      expect(none.ok && none.value, q).toEqual([]);
    }
  });

  it('the case DTO has no name, phone, contact, receipt or government contact, and masks them in free text', async () => {
    for (const id of [typicalId, govId]) {
      const r = await dispatch(s.ctx, as('clerk'), 'training.get', { caseId: id });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const c: TrainingCase = r.value;
      expectClean(c);
      for (const key of [
        'customerName',
        'customerPhone',
        'customerOtherContact',
        'customerContactTime',
        'customerId',
        'receiptNo',
        'govContactPerson',
        'govContactPhone',
        'govReferenceNo',
        'slipNumbers',
      ]) {
        expect(Object.keys(c), key).not.toContain(key);
      }
    }
    const r = await dispatch(s.ctx, as('clerk'), 'training.get', { caseId: typicalId });
    if (!r.ok) throw new Error('refused');
    expect(r.value.content).toContain('月饼过期了');
    expect(r.value.content).toContain('＊＊＊');
    expect(r.value.notes.map((n) => n.text).join('')).toContain('说明处理结果');
    expect(r.value.escalations).toHaveLength(1);
  });

  it('a case that is not typical is not in the library', async () => {
    expect(await dispatch(s.ctx, as('clerk'), 'training.get', { caseId: plainId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('the printed sheet has the case and none of the identifiers', async () => {
    for (const id of [typicalId, govId]) {
      const { pdf, fileName } = await printTrainingCase(s.ctx, s.users.clerk, { caseId: id });
      expect(fileName).toMatch(/^典型范例-SH01-/);
      const text = (await readPdf(pdf)).map((p) => p.text).join('');
      expect(squash(text)).toContain('典型范例(培训用)');
      for (const secret of SECRETS) expect(squash(text), secret).not.toContain(squash(secret));
    }
    const text = squash(
      (await readPdf((await printTrainingCase(s.ctx, s.users.clerk, { caseId: typicalId })).pdf))
        .map((p) => p.text)
        .join(''),
    );
    expect(text).toContain('月饼过期了');
    expect(text).toContain('服务态度');
    const r = await dispatch(s.ctx, as('staff'), 'training.render', { caseId: govId });
    expect(r.ok && r.value.fileName).toMatch(/\.pdf$/);
    // The shared print path (preview, printer, save) prints the same sheet, and only for typical cases.
    const viaPrint = await dispatch(s.ctx, as('clerk'), 'print.render', { kind: 'training', id: typicalId });
    expect(viaPrint.ok).toBe(true);
    if (viaPrint.ok) {
      const printed = squash(
        (await readPdf(Buffer.from(viaPrint.value.pdfBase64, 'base64'))).map((p) => p.text).join(''),
      );
      expect(printed).toContain('月饼过期了');
      for (const secret of SECRETS) expect(printed, secret).not.toContain(squash(secret));
    }
    expect(await dispatch(s.ctx, as('clerk'), 'print.render', { kind: 'training', id: plainId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
