import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding, applyInstruction, extendToNextDay } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { getCase } from '../../src-main/services/case-read';
import {
  escalateCase,
  fileCase,
  forwardCase,
  recordFeedback,
  resolveCase,
  resumeCase,
  reviewCase,
  submitCase,
} from '../../src-main/services/case-workflow';
import { listQueue } from '../../src-main/services/queues';
import { createSlip } from '../../src-main/services/slips';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;

describe('phone complaint closed the same day (procedure 1)', () => {
  it('runs registered → in progress → resolved → fed back → awaiting instruction → filed', () => {
    s = openTestStore();
    const { secretary, staff } = s.users;
    const c = phoneCase(s);
    expect(c.number).toBe('SH01-YY-202611-0001');
    expect(c.status).toBe('registered');
    // Same-day limit: closing time 21:00 Shanghai on the day of receipt.
    expect(c.dueAt).toBe(Date.parse('2026-11-24T21:00:00+08:00'));

    s.clock.t += HOUR;
    const fwd = forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋部核实' });
    expect(fwd.status).toBe('in_progress');
    s.clock.t += HOUR;
    const res = resolveCase(s.ctx, staff, {
      caseId: c.id,
      type: 'refund',
      summary: '确认质量问题,同意退货',
      amountFen: 45900,
    });
    expect(res.status).toBe('resolved');
    s.clock.t += HOUR;
    recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    const fb = recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    expect(fb.status).toBe('fed_back');
    // Fed back before closing: the handling limit is met and leaves the queues.
    expect(fb.dueAt).toBeNull();
    expect(fb.firstFedBackAt).toBeLessThan(Date.parse('2026-11-24T21:00:00+08:00'));

    const sub = submitCase(s.ctx, secretary, { caseId: c.id });
    expect(sub.status).toBe('awaiting_instruction');
    expect(() => fileCase(s.ctx, secretary, { caseId: c.id })).toThrow(/instruction has not arrived/);
    // The instruction arrives days later through sync; the case can then be filed.
    s.clock.t += 72 * HOUR;
    const ins = {
      instructionId: '01936f5e-0000-7000-8000-000000000001',
      caseId: c.id,
      text: '同意处理意见,建档。',
      reviewerName: '部本部 周经理',
      instructedAt: new Date(s.clock.t).toISOString(),
    };
    expect(applyInstruction(s.ctx, ins).applied).toBe(true);
    expect(applyInstruction(s.ctx, ins).applied).toBe(false); // delivered twice, recorded once
    const filed = fileCase(s.ctx, secretary, { caseId: c.id });
    expect(filed.status).toBe('filed');
    expect(filed.instructions).toHaveLength(1);
    expect(filed.events.map((e) => e.kind)).toEqual([
      'intake',
      'forward',
      'resolve',
      'finding',
      'feedback',
      'submit',
      'instruction',
      'file',
    ]);
    expect(listQueue(s.ctx, secretary, { queue: 'filed' }).rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('is overdue after closing time when not fed back, and a recorded reason moves it to the next day', () => {
    s = openTestStore();
    const { secretary } = s.users;
    const late = phoneCase(s);
    const extended = phoneCase(s, { customer: { name: '李四', phone: '13900139000' } });
    extendToNextDay(s.ctx, secretary, { caseId: extended.id, reason: '需厂家检测,顾客知悉' });
    s.clock.t = Date.parse('2026-11-24T21:30:00+08:00');
    expect(getCase(s.ctx, secretary, { caseId: late.id }).due?.overdue).toBe(true);
    const ext = getCase(s.ctx, secretary, { caseId: extended.id });
    expect(ext.due).toMatchObject({ at: Date.parse('2026-11-25T21:00:00+08:00'), overdue: false });
    expect(listQueue(s.ctx, secretary, { queue: 'overdue' }).rows.map((r) => r.id)).toEqual([late.id]);
    // Past the same-day limit an extension can no longer excuse it.
    expect(() => extendToNextDay(s.ctx, secretary, { caseId: late.id, reason: '补登' })).toThrow(
      /same-day limit has passed/,
    );
  });
});

describe('in-store complaint resolved the next day with consent (procedure 2)', () => {
  it('needs the consent to move the limit, then closes through manager-free head-office sign-off', () => {
    s = openTestStore({ at: Date.parse('2026-11-24T20:00:00+08:00') });
    const { clerk, staff, secretary } = s.users;
    const c = createCase(s.ctx, clerk, {
      channel: 'in_store',
      customer: { name: '王女士' },
      content: '鞋码不合适,店员态度差',
      categoryCode: 'service_attitude',
      complainedUnitId: s.units.shoes,
      handlingUnitId: s.units.shoes,
    });
    expect(() => extendToNextDay(s.ctx, staff, { caseId: c.id, reason: '顾客明天再来' })).toThrow(/consent/);
    const ext = extendToNextDay(s.ctx, staff, { caseId: c.id, reason: '顾客明天再来换货', customerConsent: true });
    expect(ext.extensionConsent).toBe(true);
    expect(ext.dueAt).toBe(Date.parse('2026-11-25T21:00:00+08:00'));
    s.clock.t = Date.parse('2026-11-25T10:00:00+08:00');
    // The exchange slip exists before its number can be named in the resolution.
    const slip = createSlip(
      s.ctx,
      staff,
      returnInput(s, {
        type: 'exchange',
        refundFen: undefined,
        refundMethod: undefined,
        issuedLines: [{ itemCode: '6901234567891', name: '男士皮鞋', spec: '43码', quantity: 1, unitPriceFen: 45_900 }],
        caseId: c.id,
      }),
    );
    resolveCase(s.ctx, staff, {
      caseId: c.id,
      type: 'exchange',
      summary: '换货并道歉',
      slipNumbers: [slip.number],
    });
    recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'basically_satisfied', disputed: false });
    expect(submitCase(s.ctx, secretary, { caseId: c.id }).status).toBe('awaiting_instruction');
  });

  it('a customer who disputes the result is escalated to the duty supervisor and handled again', () => {
    s = openTestStore();
    const { clerk, staff, secretary, supervisor } = s.users;
    const c = createCase(s.ctx, clerk, {
      channel: 'in_store',
      customer: { phone: '021-6234 5678' },
      content: '退货被拒',
      categoryCode: 'other',
      complainedUnitId: s.units.shoes,
    });
    resolveCase(s.ctx, staff, { caseId: c.id, type: 'explanation', summary: '已过退货期' });
    const d = recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'unsatisfied', disputed: true });
    expect(d.status).toBe('disputed');
    expect(listQueue(s.ctx, secretary, { queue: 'disputed' }).rows).toHaveLength(1);
    expect(() => resumeCase(s.ctx, secretary, { caseId: c.id, to: 'in_progress', reason: '重新处理' })).toThrow(
      /escalated before/,
    );
    escalateCase(s.ctx, supervisor, {
      caseId: c.id,
      kind: 'duty_supervisor',
      note: '值班主管到场协调',
      outcome: '同意按质量问题退货',
    });
    expect(
      resumeCase(s.ctx, supervisor, { caseId: c.id, to: 'in_progress', reason: '按主管意见重新处理' }).status,
    ).toBe('in_progress');
    resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '退货', amountFen: 12000 });
    const ok = recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    expect(ok.status).toBe('fed_back');
    expect(ok.escalations).toHaveLength(1);
  });
});

describe('anonymous complaint', () => {
  it('is fed back without a satisfaction (there is nobody to ask) and can be filed', () => {
    s = openTestStore();
    const { clerk, secretary } = s.users;
    const c = createCase(s.ctx, clerk, {
      channel: 'letter',
      anonymous: true,
      content: '匿名来信反映收银台排队过长',
      categoryCode: 'service_facilities',
    });
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.food });
    resolveCase(s.ctx, secretary, { caseId: c.id, type: 'explanation', summary: '高峰期增开收银台' });
    const fb = recordFeedback(s.ctx, secretary, {
      caseId: c.id,
      disputed: false,
      note: '匿名来信,无法回访,处理结果已在店内公示',
    });
    expect(fb).toMatchObject({ status: 'fed_back', satisfaction: null });
    // A named customer must be asked.
    const named = phoneCase(s);
    resolveCase(s.ctx, secretary, { caseId: named.id, type: 'apology', summary: '致歉' });
    expect(() => recordFeedback(s.ctx, secretary, { caseId: named.id, disputed: false })).toThrow(
      /Satisfaction is required/,
    );
  });
});

describe('government-body complaint (procedure 3)', () => {
  it('has 5 days, and when the body objects staff go in person before the manager reviews and files', () => {
    s = openTestStore();
    const { clerk, secretary, manager, staff } = s.users;
    const c = createCase(s.ctx, clerk, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GS-2026-118', contactPerson: '周科员', contactPhone: '12315' },
      customer: { name: '匿名转办人', phone: '13700137000' },
      content: '顾客反映超市出售过期酸奶',
      categoryCode: 'product_quality',
      complainedUnitId: s.units.food,
    });
    // 5 working days (issue 21): 11-25, 26, 27, 30, 12-01.
    expect(c.dueAt).toBe(Date.parse('2026-12-01T21:00:00+08:00'));
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.food });
    // Unit staff of another unit may not resolve it.
    expect(() => resolveCase(s.ctx, staff, { caseId: c.id, type: 'apology', summary: 'x' })).toThrow(/own unit/);
    resolveCase(s.ctx, secretary, {
      caseId: c.id,
      type: 'compensation',
      summary: '下架同批次商品,赔偿顾客',
      amountFen: 100000,
    });
    // The body does not accept the written reply (有异议).
    const d = recordFeedback(s.ctx, secretary, {
      caseId: c.id,
      bodyAnswer: 'objection',
      writtenReplyDate: '2026-11-24',
      note: '工商局有异议',
    });
    expect(d.status).toBe('disputed');
    escalateCase(s.ctx, manager, {
      caseId: c.id,
      kind: 'visit_government',
      note: '营业干部陪同秘书室前往工商局说明',
      outcome: '工商局认可处理结果',
    });
    resumeCase(s.ctx, secretary, { caseId: c.id, to: 'resolved', reason: '面谈后部门无异议' });
    recordFeedback(s.ctx, secretary, { caseId: c.id, bodyAnswer: 'no_objection', note: '工商局无异议' });
    recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    // Government cases are reviewed by the branch manager instead of head office (a setting).
    expect(submitCase(s.ctx, secretary, { caseId: c.id }).status).toBe('awaiting_review');
    expect(() => fileCase(s.ctx, secretary, { caseId: c.id })).toThrow(/not reviewed/);
    expect(() => reviewCase(s.ctx, secretary, { caseId: c.id, text: '同意' })).toThrow(/role may not review/);
    reviewCase(s.ctx, manager, { caseId: c.id, text: '同意归档,食品部加强临期商品检查' });
    expect(fileCase(s.ctx, secretary, { caseId: c.id }).status).toBe('filed');
  });
});
