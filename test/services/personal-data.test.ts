// Masking by role in main (issue 20 §1): every role gets the customer's phone and other contact masked
// in the case view, its history, slips and the product call list; the roles personalDataRoles names may
// reveal one case or slip with a reason (logged); a follow-up's assignee sees her own case's phone;
// prints are masked for roles not named and logged when in full; ID copies follow the setting.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { listAccessLog } from '../../src-main/services/access-log';
import { recordFinding } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { renderPrintable } from '../../src-main/services/print';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { MONTH, seedReportCases } from '../helpers/report-seed';
import { createSlip } from '../../src-main/services/slips';
import type { Role } from '../../src-main/shared/enums';
import { attach } from '../helpers/attachments';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const FULL = '13800138000';
const MASKED = '138****8000';
const WECHAT = 'zhangsan_wx88';

const contactCase = () => phoneCase(s, { customer: { name: '张三', phone: '138 0013 8000', otherContact: WECHAT } });
const roles = ['clerk', 'staff', 'secretary', 'supervisor', 'manager'] as const;
const roleOf: Record<(typeof roles)[number], Role> = {
  clerk: 'clerk',
  staff: 'unit_staff',
  secretary: 'secretary',
  supervisor: 'supervisor',
  manager: 'manager',
};

describe('the case view', () => {
  it('is masked for every role; only the roles of the setting may reveal', () => {
    s = openTestStore();
    const c = contactCase();
    forwardCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      handlingUnitId: s.units.shoes,
      assigneeId: s.users.staff.id,
    });
    for (const who of roles) {
      const v = getCase(s.ctx, s.users[who], { caseId: c.id });
      expect(v.customerPhone, who).toBe(MASKED);
      expect(v.customerOtherContact, who).toBe('z******8');
      expect(v.personalData, who).toEqual({
        masked: true,
        mayReveal: ['secretary', 'supervisor', 'manager'].includes(roleOf[who]),
      });
      expect(JSON.stringify(v)).not.toContain(FULL);
      expect(JSON.stringify(v)).not.toContain(WECHAT);
    }
    s.settings.personalDataRoles = ['manager'];
    expect(getCase(s.ctx, s.users.supervisor, { caseId: c.id }).personalData.mayReveal).toBe(false);
  });

  it('shows the phone in full to the assignee of an open follow-up, until it is done', () => {
    s = openTestStore();
    const c = contactCase();
    const { secretary, staff } = s.users;
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes, assigneeId: staff.id });
    resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45900 });
    recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    const f = scheduleFollowUp(s.ctx, secretary, {
      caseId: c.id,
      dueDate: '2026-11-27',
      assigneeId: s.users.supervisor.id,
    });
    const mine = getCase(s.ctx, s.users.supervisor, { caseId: c.id });
    expect([mine.customerPhone, mine.customerOtherContact, mine.personalData.masked]).toEqual([FULL, WECHAT, false]);
    expect(getCase(s.ctx, s.users.manager, { caseId: c.id }).customerPhone).toBe(MASKED);
    completeFollowUp(s.ctx, s.users.supervisor, {
      followUpId: f.followUp.id,
      outcome: 'reached_satisfied',
      result: '顾客满意',
    });
    expect(getCase(s.ctx, s.users.supervisor, { caseId: c.id }).customerPhone).toBe(MASKED);
  });

  it('keeps the case history free of the phone and other contact', () => {
    s = openTestStore();
    const c = contactCase();
    forwardCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      handlingUnitId: s.units.shoes,
      assigneeId: s.users.staff.id,
    });
    const text = JSON.stringify(caseHistory(s.ctx, s.users.manager, { caseId: c.id }));
    expect(text).not.toContain(FULL);
    expect(text).not.toContain(WECHAT);
  });
});

describe('reveal', () => {
  it('answers the values in full to a permitted role with a reason, and logs who, when, what and why', async () => {
    s = openTestStore();
    const c = contactCase();
    const r = await dispatch(s.ctx, { user: s.users.supervisor }, 'personalData.reveal', {
      caseId: c.id,
      reason: '  回访顾客核实  ',
    });
    expect(r).toEqual({ ok: true, value: { customerPhone: FULL, customerOtherContact: WECHAT } });
    expect(listAccessLog(s.ctx)).toMatchObject([
      {
        userId: s.users.supervisor.id,
        at: s.clock.t,
        action: 'reveal',
        entityType: 'case',
        entityId: c.id,
        fields: ['customerPhone', 'customerOtherContact'],
        reason: '回访顾客核实',
      },
    ]);
    const sent = s.db.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'access_log'").get() as {
      n: number;
    };
    expect(sent.n).toBe(1);
  });

  it('refuses without a reason, for a role not named, for a case the user may not read; nothing logged', async () => {
    s = openTestStore();
    const c = contactCase();
    const before = storeCounts(s.db);
    const noReason = await dispatch(s.ctx, { user: s.users.manager }, 'personalData.reveal', {
      caseId: c.id,
      reason: ' x ',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const neither = await dispatch(s.ctx, { user: s.users.manager }, 'personalData.reveal', { reason: '核实身份' });
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const clerk = await dispatch(s.ctx, { user: s.users.clerk }, 'personalData.reveal', {
      caseId: c.id,
      reason: '核实身份',
    });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Unit staff named by the setting still reveal only their own unit's cases.
    s.settings.personalDataRoles = ['unit_staff', 'manager'];
    forwardCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      handlingUnitId: s.units.shoes,
      assigneeId: s.users.staff.id,
    });
    const other = await dispatch(s.ctx, { user: s.users.otherStaff }, 'personalData.reveal', {
      caseId: c.id,
      reason: '核实身份',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const missing = await dispatch(s.ctx, { user: s.users.manager }, 'personalData.reveal', {
      caseId: 'nope',
      reason: '核实身份',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(listAccessLog(s.ctx)).toEqual([]);
    expect(storeCounts(s.db).outbox).toBe(before.outbox + 2); // the forward's own audit and case records only
    const own = await dispatch(s.ctx, { user: s.users.staff }, 'personalData.reveal', {
      caseId: c.id,
      reason: '核实身份',
    });
    expect(own).toMatchObject({ ok: true, value: { customerPhone: FULL } });
  });
});

describe('slips', () => {
  it('carry the phone masked on every slip channel; a reveal answers it and is logged', async () => {
    s = openTestStore();
    const created = await dispatch(s.ctx, { user: s.users.clerk }, 'slips.create', returnInput(s));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(created.value.customerPhone).toBe(MASKED);
    for (const ch of ['slips.get', 'slips.view'] as const) {
      const r = await dispatch(s.ctx, { user: s.users.manager }, ch, { slipId: created.value.id });
      expect(r.ok && r.value.customerPhone, ch).toBe(MASKED);
    }
    const byNo = await dispatch(s.ctx, { user: s.users.clerk }, 'slips.getByNumber', { number: created.value.number });
    expect(byNo.ok && byNo.value.customerPhone).toBe(MASKED);
    const view = await dispatch(s.ctx, { user: s.users.clerk }, 'slips.view', { slipId: created.value.id });
    expect(view.ok && view.value.personalData).toEqual({ masked: true, mayReveal: false });
    const clerk = await dispatch(s.ctx, { user: s.users.clerk }, 'personalData.reveal', {
      slipId: created.value.id,
      reason: '退款核实',
    });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await dispatch(s.ctx, { user: s.users.manager }, 'personalData.reveal', {
      slipId: created.value.id,
      reason: '退款核实',
    });
    expect(r).toEqual({ ok: true, value: { customerPhone: FULL, customerOtherContact: null } });
    expect(listAccessLog(s.ctx)[0]).toMatchObject({
      entityType: 'slip',
      entityId: created.value.id,
      fields: ['customerPhone'],
    });
  });
});

describe('a slip opened from a case', () => {
  it('takes the case’s phone in main when the screen sends none (it only had it masked)', () => {
    s = openTestStore();
    const c = contactCase();
    const input = returnInput(s, { caseId: c.id, customer: { name: '张三' } });
    const slip = createSlip(s.ctx, s.users.clerk, input);
    expect(slip.customerPhone).toBe(FULL);
  });
});

describe('prints', () => {
  const text = async (pdf: Buffer) => squash((await readPdf(pdf)).map((p) => p.text).join(''));

  it('print the record form and the slip masked for roles not named, unlogged', async () => {
    s = openTestStore();
    const c = contactCase();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s));
    const form = await text((await renderPrintable(s.ctx, s.users.clerk, { kind: 'case_record', id: c.id })).pdf);
    expect(form).toContain(MASKED);
    expect(form).toContain('z******8');
    expect(form).not.toContain(FULL);
    expect(form).not.toContain(WECHAT);
    const slipText = await text((await renderPrintable(s.ctx, s.users.clerk, { kind: 'slip', id: slip.id })).pdf);
    expect(slipText).toContain(MASKED);
    expect(slipText).not.toContain(FULL);
    expect(listAccessLog(s.ctx)).toEqual([]);
  });

  it('print in full for a named role, each print in the access log', async () => {
    s = openTestStore();
    const c = contactCase();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s));
    const form = await text((await renderPrintable(s.ctx, s.users.secretary, { kind: 'case_record', id: c.id })).pdf);
    expect(form).toContain(FULL);
    expect(form).toContain(WECHAT);
    const slipText = await text((await renderPrintable(s.ctx, s.users.manager, { kind: 'slip', id: slip.id })).pdf);
    expect(slipText).toContain(FULL);
    expect(listAccessLog(s.ctx).map((r) => [r.userName, r.action, r.entityType, r.fields])).toEqual([
      ['王店长', 'print', 'slip', ['customerPhone']],
      ['李秘书', 'print', 'case', ['customerPhone', 'customerOtherContact']],
    ]);
  });
});

describe('ID copies', () => {
  it('follow the setting: named roles open them (logged), others see only that one exists', async () => {
    s = openTestStore();
    const c = contactCase();
    const a = attach(s, c.id, { kind: 'id_copy', name: '身份证.jpg' });
    const rec = attach(s, c.id, { kind: 'recording', name: '录音.m4a', mime: 'audio/mp4', thumb: null });
    s.settings.personalDataRoles = ['manager'];
    const sup = await dispatch(s.ctx, { user: s.users.supervisor }, 'attachments.content', {
      id: a.snapshot.id,
      variant: 'file',
    });
    expect(sup).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await dispatch(s.ctx, { user: s.users.supervisor }, 'attachments.list', {
      owner: { type: 'case', id: c.id },
    });
    expect(list.ok && list.value.map((v) => [v.kind, v.name])).toEqual([
      ['id_copy', null],
      ['recording', '录音.m4a'],
    ]);
    const rec2 = await dispatch(s.ctx, { user: s.users.supervisor }, 'attachments.content', {
      id: rec.snapshot.id,
      variant: 'file',
    });
    expect(rec2.ok).toBe(true);
    const mgr = await dispatch(s.ctx, { user: s.users.manager }, 'attachments.content', {
      id: a.snapshot.id,
      variant: 'file',
    });
    expect(mgr.ok).toBe(true);
    expect(listAccessLog(s.ctx)).toMatchObject([
      { action: 'reveal', entityType: 'case', entityId: c.id, fields: ['id_copy'], reason: null },
    ]);
  });
});

describe('exports', () => {
  it('the summary (CSV, PDF) carries no phone or contact: nothing to mask or log', async () => {
    s = openTestStore();
    seedReportCases(s);
    contactCase();
    const report = computeSummary(s.ctx, s.users.manager, MONTH);
    const csv = summaryCsv(report).toString('utf8');
    const pdf = squash((await readPdf(await summaryPdf(report, 'zh-CN'))).map((p) => p.text).join(''));
    for (const text of [csv, pdf, JSON.stringify(report)]) {
      expect(text).not.toContain(FULL);
      expect(text).not.toContain(MASKED);
      expect(text).not.toContain(WECHAT);
    }
  });
});
