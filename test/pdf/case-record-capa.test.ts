// 纠正预防措施 on paper (issue 18 §1): the record form prints each action (responsible, action, due date,
// done by whom and when, effect confirmed by whom and when), read back from the real PDF in both languages.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase } from '../../src-main/services/case-workflow';
import {
  confirmCorrectiveAction,
  createCorrectiveAction,
  markCorrectiveActionDone,
  returnCorrectiveAction,
} from '../../src-main/services/corrective-actions';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

async function text(id: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const pdf = await printCaseRecord(s.ctx, s.users.secretary, id, { ...FIXED, lang });
  if (process.env.CAPA_PDF_OUT) writeFileSync(`${process.env.CAPA_PDF_OUT}-${lang}.pdf`, pdf);
  return squash((await readPdf(pdf)).map((p) => p.text).join(''));
}

describe('顾客异议处理记录表: 纠正预防措施', () => {
  it('prints each action with its responsible, due date, done and confirmation', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding: 'founded' });
    const a = createCorrectiveAction(s.ctx, s.users.secretary, {
      caseId: c.id,
      responsibleUserId: s.users.staff.id,
      actionText: '鞋部开展商品验收培训',
      dueOn: '2026-11-30',
    }).action;
    createCorrectiveAction(s.ctx, s.users.secretary, {
      caseId: c.id,
      responsibleUnitId: s.units.food,
      actionText: '食品部核对保质期标签',
      dueOn: '2026-12-02',
    });
    markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: a.id, doneNote: '已培训6人' });
    returnCorrectiveAction(s.ctx, s.users.supervisor, { actionId: a.id, returnReason: '抽查仍有问题' });
    s.clock.t = T0 + 3_600_000;
    markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: a.id, doneNote: '逐双复检' });
    s.clock.t = T0 + 7_200_000;
    confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: a.id, effectNote: '复查无开胶' });

    const zh = await text(c.id, 'zh-CN');
    expect(zh).toContain('纠正预防措施');
    expect(zh).toContain('责任人员/单位:刘鞋部完成期限:2026-11-30效果已确认退回1次');
    expect(zh).toContain(
      '鞋部开展商品验收培训完成:2026-11-2411:00刘鞋部逐双复检效果确认:2026-11-2412:00王店长复查无开胶',
    );
    expect(zh).toContain('责任人员/单位:食品部完成期限:2026-12-02待完成食品部核对保质期标签');
    const en = await text(c.id, 'en');
    expect(en).toContain('Responsible:刘鞋部Due:2026-11-30Effectconfirmedsentback1×');
  });

  it('prints 无 when the case has none', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(await text(c.id, 'zh-CN')).toContain('纠正预防措施无');
  });
});
