// The record form's timeline names a government case's steps as they happened: the reply to the body
// (答复部门) and the submission to the manager's review (呈领导审核), never 反馈顾客 or 报部本部 — read back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import {
  forwardCase,
  recordFeedback,
  resolveCase,
  reviewCase,
  submitCase,
} from '../../src-main/services/case-workflow';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

describe('顾客异议处理记录表: the timeline of a government case', () => {
  it('prints 答复部门 and 呈领导审核 where the case replied to the body and went to the manager', async () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const c = createCase(s.ctx, s.users.clerk, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GS-2026-301', contactPerson: '周科员', contactPhone: '12315' },
      customer: { name: '吴女士', phone: '13700137000' },
      content: '顾客反映超市出售过期酸奶',
      categoryCode: 'product_quality',
      complainedUnitId: s.units.food,
    });
    forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.food });
    resolveCase(s.ctx, sec, { caseId: c.id, type: 'compensation', summary: '赔偿顾客', amountFen: 10000 });
    recordFinding(s.ctx, sec, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    recordFeedback(s.ctx, sec, { caseId: c.id, bodyAnswer: 'no_objection', writtenReplyDate: '2026-11-24' });
    submitCase(s.ctx, sec, { caseId: c.id });
    reviewCase(s.ctx, s.users.manager, { caseId: c.id, text: '同意归档' });

    const pdf = await printCaseRecord(s.ctx, sec, c.id, FIXED);
    if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, 'government-record.pdf'), pdf);
    const t = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    // The timeline's heads: time, who, and the step's name.
    expect(t).toMatch(/2026-11-24\d\d:\d\d李秘书答复部门/);
    expect(t).toMatch(/2026-11-24\d\d:\d\d李秘书呈领导审核/);
    expect(t).toMatch(/2026-11-24\d\d:\d\d\S{1,4}领导审核同意归档/);
    expect(t).not.toContain('反馈顾客');
    expect(t).not.toContain('报部本部');
  });
});
