// The secretary approves a typical case's training text before the library shows it (issue 17 §6):
// queue, redacted draft, edit + approve, send back, refusals (role, recorded name/phone, empty,
// changed case), the library and the printed sheet show only the approved text, the case is untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { addNote, recordFinding, setTypical } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { approveTraining, returnTraining, trainingDraft } from '../../src-main/services/training-approval';
import { printTrainingCase } from '../../src-main/services/training';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';
import { asInput } from '../helpers/training';

let s: TestStore;
let caseId: string;
const as = (who: keyof TestStore['users']): Session => ({ user: s.users[who] });

const CONTENT =
  '顾客欧阳娜娜(微信 ouyang_nn88,电话 139 0000 1111)反映:在本店购买的美的电饭煲MB-FB40(¥399.00,2026-11-20)内胆脱落。' +
  '欧阳女士要求退货,娜娜说货送到上海市浦东新区张杨路1234号5栋2单元1201室。身份证310101199001011234,' +
  '卡号6222 0212 3456 7890,邮箱 nana@example.com,备用号码１３８００１３８０００。';
const NOTE = '已电话联系欧阳女士(+86 138 0013 8000),娜娜同意换货,小娜说谢谢。';

/** Every form of the customer's data the case holds; none may reach the library or the sheet. */
const PERSONAL = [
  '欧阳娜娜',
  '欧阳女士',
  '娜娜',
  '小娜',
  'ouyang_nn88',
  '13900001111',
  '13800138000',
  '１３８００１３８０００',
  '张杨路1234号',
  '1201室',
  '310101199001011234',
  '6222021234567890',
  'nana@example.com',
];

beforeAll(() => {
  s = openTestStore();
  const c = phoneCase(s, {
    customer: { name: '欧阳娜娜', phone: '13900001111' },
    content: CONTENT,
    categoryCode: 'product_quality',
  });
  addNote(s.ctx, s.users.secretary, { caseId: c.id, text: NOTE });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, s.users.secretary, {
    caseId: c.id,
    type: 'exchange',
    summary: '为欧阳女士换新电饭煲,顾客满意。',
    amountFen: 39900,
  });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  setTypical(s.ctx, s.users.secretary, { caseId: c.id, typical: true });
  caseId = c.id;
});
afterAll(() => s?.close());

/** Where the handling note written above sits among the case's texted events. */
const noteAt = (notes: string[]) => notes.findIndex((n) => n.includes('同意换货'));
const draft = () => trainingDraft(s.ctx, s.users.secretary, { caseId });
const sheetText = async () =>
  squash((await readPdf((await printTrainingCase(s.ctx, s.users.clerk, { caseId })).pdf)).map((p) => p.text).join(''));

describe('before approval', () => {
  it('a typical case waits in the secretary queue and is not in the library, view or sheet', async () => {
    const q = await dispatch(s.ctx, as('secretary'), 'training.queue', {});
    expect(q.ok && q.value.map((r) => [r.caseId, r.status])).toEqual([[caseId, 'pending']]);
    const list = await dispatch(s.ctx, as('clerk'), 'training.list', {});
    expect(list.ok && list.value).toEqual([]);
    expect(await dispatch(s.ctx, as('clerk'), 'training.get', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(printTrainingCase(s.ctx, s.users.clerk, { caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the draft is the redacted text, with products, amounts and dates readable', () => {
    const d = draft();
    expect(d.status).toBe('pending');
    const json = JSON.stringify(d.text);
    for (const p of PERSONAL) expect(json, p).not.toContain(p);
    for (const kept of ['美的电饭煲MB-FB40', '¥399.00', '2026-11-20', '内胆脱落', '同意换货'])
      expect(json, kept).toContain(kept);
  });

  it.each(['manager', 'supervisor', 'clerk', 'staff'] as const)('%s may not see the queue or approve', async (who) => {
    const before = storeCounts(s.db);
    expect(await dispatch(s.ctx, as(who), 'training.queue', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const r = await dispatch(s.ctx, as(who), 'training.approve', asInput(caseId, draft().text));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(s.ctx, as(who), 'training.return', { caseId, reason: '不适合' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(storeCounts(s.db)).toEqual(before);
    expect(draft().status).toBe('pending');
  });
});

describe('refusals leave everything as it was', () => {
  const refusals = [
    {
      why: "the customer's name in a note",
      edit: {
        notes: (notes: string[]) => notes.map((n, i) => (i === noteAt(notes) ? '已联系欧阳娜娜,同意换货。' : n)),
      },
      field: 'notes.0',
      zh: '「处理经过」仍含顾客或联系人的姓名',
      en: '"How it was handled" still contains the customer\'s or contact\'s name',
    },
    {
      why: 'surname + 女士 in the summary',
      edit: { resolutionSummary: '为欧阳女士换新。' },
      field: 'resolutionSummary',
      zh: '「处理说明」仍含顾客或联系人的姓名',
      en: '"Summary" still contains',
    },
    {
      why: 'the phone, spaced, in the objection',
      edit: { content: '顾客来电 139 0000 1111 反映内胆脱落。' },
      field: 'content',
      zh: '「异议内容」仍含顾客或联系人的电话或联系方式',
      en: '"The objection" still contains the customer\'s or contact\'s phone or contact',
    },
    {
      why: 'an empty objection',
      edit: { content: '   ' },
      field: 'content',
      zh: '「异议内容」不能为空',
      en: 'needs "The objection"',
    },
  ];
  it.each(refusals)('$why', async ({ edit, field, zh, en }) => {
    const before = storeCounts(s.db);
    const input = asInput(caseId, draft().text);
    const notes = typeof edit.notes === 'function' ? edit.notes(input.notes) : input.notes;
    const r = await dispatch(s.ctx, as('secretary'), 'training.approve', { ...input, ...edit, notes });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.issues[0]?.field).toBe(field);
    expect(r.error.message.zh).toContain(zh);
    expect(r.error.message.en).toContain(en);
    expect(storeCounts(s.db)).toEqual(before);
    expect(draft().status).toBe('pending');
  });

  it('a send-back needs a reason', async () => {
    const r = await dispatch(s.ctx, as('secretary'), 'training.return', { caseId, reason: ' ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(draft().status).toBe('pending');
  });
});

describe('approve, edit, send back', () => {
  it('the edited text is what the library, the view and the sheet show; the case is unchanged', async () => {
    const d = draft();
    const edited = '顾客反映新买的电饭煲内胆脱落,要求退货。EDITED-BY-SECRETARY';
    const r = await dispatch(s.ctx, as('secretary'), 'training.approve', {
      ...asInput(caseId, d.text),
      content: edited,
    });
    expect(r.ok && r.value.status).toBe('approved');
    const list = await dispatch(s.ctx, as('clerk'), 'training.list', {});
    expect(list.ok && list.value.map((x) => [x.id, x.excerpt])).toEqual([[caseId, edited]]);
    const view = await dispatch(s.ctx, as('clerk'), 'training.get', { caseId });
    expect(view.ok && view.value.content).toBe(edited);
    expect(view.ok && [view.value.approvedByName, view.value.approvedAt]).toEqual([
      s.users.secretary.name,
      s.ctx.now(),
    ]);
    expect(getCase(s.ctx, s.users.secretary, { caseId }).content).toBe(CONTENT);
    const queue = await dispatch(s.ctx, as('secretary'), 'training.queue', {});
    expect(queue.ok && queue.value).toEqual([]);
    const text = await sheetText();
    expect(text).toContain('EDITED-BY-SECRETARY');
    // Who approved the text, and when, prints under the sheet's note.
    expect(text).toContain(squash(`培训文本核准:${s.users.secretary.name}`));
    expect(text).toContain(squash(d.text.notes[noteAt(d.text.notes.map((n) => n.text))]?.text ?? 'missing'));
    for (const p of PERSONAL) expect(text, p).not.toContain(squash(p));
  });

  it('records the decision in the audit log and the case history', () => {
    const audit = s.db
      .prepare(
        "SELECT action, after FROM audit_log WHERE entity = 'case' AND entity_id = ? AND action LIKE 'training.%'",
      )
      .all(caseId) as { action: string; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['training.approve']);
    expect(audit[0]?.after).toContain('EDITED-BY-SECRETARY');
    // The case's history names the decision in words.
    const history = caseHistory(s.ctx, s.users.secretary, { caseId });
    expect(history.find((e) => e.action === 'training.approve')?.label).toEqual({
      zh: '核准培训文本',
      en: 'Training text approved',
    });
  });

  it('an emptied note is left off the sheet; the draft keeps the decided text', async () => {
    const d = draft();
    expect(d.text.content).toContain('EDITED-BY-SECRETARY');
    const input = asInput(caseId, d.text);
    const at = noteAt(input.notes);
    const lastSeq = () => (s.db.prepare('SELECT max(seq) AS n FROM outbox').get() as { n: number }).n;
    const seq = lastSeq();
    approveTraining(s.ctx, s.users.secretary, { ...input, notes: input.notes.map((n, i) => (i === at ? '' : n)) });
    // Branch-only: the decision sends head office its audit entry and nothing else (no case version either).
    const sent = s.db.prepare('SELECT record_type FROM outbox WHERE seq > ?').all(seq);
    expect(sent).toEqual([{ record_type: 'audit' }]);
    expect(lastSeq()).toBe(seq + 1);
    const view = await dispatch(s.ctx, as('clerk'), 'training.get', { caseId });
    expect(view.ok && view.value.notes).toHaveLength(input.notes.length - 1);
    expect(draft().text.notes[at]?.text).toBe('');
    expect(await sheetText()).not.toContain('同意换货');
  });

  it('a case changed since the draft refuses the stale edit', async () => {
    const stale = draft();
    addNote(s.ctx, s.users.secretary, { caseId, text: '回访:顾客满意。' });
    const r = await dispatch(s.ctx, as('secretary'), 'training.approve', asInput(caseId, stale.text));
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(draft().text.notes).toHaveLength(stale.text.notes.length + 1);
  });

  it('sent back: leaves the library and shows in the queue with its reason', async () => {
    returnTraining(s.ctx, s.users.secretary, { caseId, reason: '情节不典型' });
    const list = await dispatch(s.ctx, as('clerk'), 'training.list', {});
    expect(list.ok && list.value).toEqual([]);
    const q = await dispatch(s.ctx, as('secretary'), 'training.queue', {});
    expect(q.ok && q.value.map((r) => [r.status, r.returnReason])).toEqual([['returned', '情节不典型']]);
    await expect(printTrainingCase(s.ctx, s.users.clerk, { caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
