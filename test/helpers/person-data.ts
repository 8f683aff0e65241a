// A branch store holding one person's phone on two of her cases (one without her name), a customer record,
// slips (one of her case, one alone), a follow-up, attachments and a draft; a case that only mentions her
// number (in its text) and a government case whose contact has it; and other people's records beside them.
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { saveDraft } from '../../src-main/services/drafts';
import { createSlip } from '../../src-main/services/slips';
import { attach } from './attachments';
import { returnInput } from './slips';
import { phoneCase, type TestStore } from './store';

export const HERS = '13912345678';
export const OTHER = '13800138000';

/** Her two cases (one without her name), a case that only mentions her number, and other people's records. */
export function seedPerson(st: TestStore) {
  const sec = st.users.secretary;
  const mine = phoneCase(st, { customer: { name: '林晓', phone: '139 1234 5678' } });
  const anon = phoneCase(st, {
    customer: { phone: '13912345678' },
    content: '收银台排队四十分钟无人处理',
    categoryCode: 'service_attitude',
  });
  const mentions = phoneCase(st, {
    customer: { name: '王五', phone: '137 0000 1111' },
    content: '顾客称其邻居(电话13912345678)也买到同批次问题鞋',
  });
  const gov = phoneCase(st, {
    channel: 'government',
    customer: { name: '赵六', phone: '136 2222 3333' },
    government: { body: '12315', referenceNo: 'GOV-7', contactPerson: '周科员', contactPhone: '139-1234-5678' },
  });
  const others = phoneCase(st, { customer: { name: '张三', phone: OTHER } });
  forwardCase(st.ctx, sec, { caseId: mine.id, handlingUnitId: st.units.shoes });
  resolveCase(st.ctx, sec, { caseId: mine.id, type: 'refund', summary: '全额退款 ¥459', amountFen: 45_900 });
  const f = scheduleFollowUp(st.ctx, sec, { caseId: mine.id, dueDate: '2026-11-28', note: '询问退款是否到账' });
  completeFollowUp(st.ctx, sec, { followUpId: f.followUp.id, outcome: 'reached_satisfied', result: '已到账,满意' });
  forwardCase(st.ctx, sec, { caseId: others.id, handlingUnitId: st.units.shoes });
  resolveCase(st.ctx, sec, { caseId: others.id, type: 'repair', summary: '免费维修' });
  scheduleFollowUp(st.ctx, sec, { caseId: others.id, dueDate: '2026-11-28', note: '张三的回访' });
  const slipOfCase = createSlip(
    st.ctx,
    sec,
    returnInput(st, { caseId: mine.id, customer: { name: '林晓', phone: HERS } }),
  );
  const slipAlone = createSlip(
    st.ctx,
    sec,
    returnInput(st, { customer: { name: '林晓', phone: '+86 139-1234-5678' }, receiptNo: 'R-2002' }),
  );
  const slipOther = createSlip(st.ctx, sec, returnInput(st, { receiptNo: 'R-3003' }));
  attach(st, mine.id, { name: '开胶照片.jpg' });
  attach(st, mine.id, { kind: 'id_copy', name: '身份证复印件.jpg' });
  attach(st, others.id, { name: '张三的小票.jpg' });
  attach(st, mentions.id, { name: '王五的照片.jpg' });
  saveDraft(st.ctx, st.users.clerk.id, { form: 'intake.phone', value: { customer: { phone: '139 1234 5678' } } });
  saveDraft(st.ctx, st.users.supervisor.id, { form: 'intake.phone', value: { customer: { phone: OTHER } } });
  return { mine, anon, mentions, gov, others, slipOfCase, slipAlone, slipOther };
}
