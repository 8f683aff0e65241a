// What the case screen reads beyond the record: the blocked actions with their reasons, where an
// action leads, the case's history from the audit log, and escalation outcomes added later.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { recordEscalationOutcome, recordFinding } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { escalateCase, forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** A product-quality phone case resolved and fed back, without a finding yet. */
function fedBackWithoutFinding() {
  const { secretary, staff } = s.users;
  const c = phoneCase(s);
  forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45900 });
  recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  return c;
}

describe('blocked actions', () => {
  it('says why 报部本部 is blocked on a product-quality case without a finding, then allows it', () => {
    s = openTestStore();
    const c = fedBackWithoutFinding();
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.allowedActions).not.toContain('submit');
    expect(v.blockedActions).toContainEqual({
      action: 'submit',
      reason: {
        zh: '典型范例及商品质量个案须先填写原因归属和调查结论',
        en: 'Typical and product-quality cases need the cause and finding before submission',
      },
    });
    expect(v.blockedActions.find((b) => b.action === 'file')?.reason.zh).toMatch(/呈报/);
    recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    const after = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(after.allowedActions).toContain('submit');
    expect(after.blockedActions.map((b) => b.action)).not.toContain('submit');
    // Where it leads: a phone case goes to head office; a government case to the manager.
    expect(after.actionTargets.submit).toBe('awaiting_instruction');
  });

  it('names the next step for actions the case is not ready for, and nothing for roles that may not act', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.blockedActions).toContainEqual({
      action: 'feedback',
      reason: { zh: '请先记录处理结果', en: 'Record the resolution first' },
    });
    expect(v.blockedActions.find((b) => b.action === 'submit')?.reason.zh).toBe('请先记录处理结果');
    expect(v.actionTargets.forward).toBe('in_progress');
    // The clerk may not submit at all: it is not offered as blocked either.
    const clerk = getCase(s.ctx, s.users.clerk, { caseId: c.id });
    expect(clerk.blockedActions.map((b) => b.action)).not.toContain('submit');
    for (const b of clerk.blockedActions) expect(clerk.allowedActions).not.toContain(b.action);
  });

  it('says a government case goes to the manager on submission', () => {
    s = openTestStore();
    const c = phoneCase(s, {
      channel: 'government',
      government: { body: 'consumer_association', referenceNo: 'XW-1' },
      categoryCode: 'service_attitude',
    });
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'explanation', summary: '已解释' });
    recordFeedback(s.ctx, s.users.secretary, {
      caseId: c.id,
      bodyAnswer: 'no_objection',
      writtenReplyDate: '2026-11-24',
    });
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).actionTargets.submit).toBe('awaiting_review');
  });

  it('gives names for the ids the case carries', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.names[v.receivedBy]).toBe('李秘书');
    expect(v.names[s.units.shoes]).toBe('鞋部');
  });
});

describe('escalation outcome', () => {
  function escalated() {
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const e = escalateCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      kind: 'duty_supervisor',
      note: '顾客要求主管出面',
    });
    return { c, escalationId: e.escalations[0]?.id ?? '' };
  }

  it('is recorded once, audited and synced, and shown on the case', () => {
    s = openTestStore();
    const { c, escalationId } = escalated();
    const before = storeCounts(s.db);
    const after = recordEscalationOutcome(s.ctx, s.users.supervisor, {
      caseId: c.id,
      escalationId,
      outcome: '主管当面致歉,顾客接受退货',
    });
    expect(after.escalations[0]?.outcome).toBe('主管当面致歉,顾客接受退货');
    const counts = storeCounts(s.db);
    expect(counts.audit_log).toBe(before.audit_log + 1);
    expect(counts.outbox).toBeGreaterThan(before.outbox);
    expect(after.events.at(-1)).toMatchObject({ kind: 'escalate', text: '主管当面致歉,顾客接受退货' });
    // In the history the outcome is a change of an escalation that existed before (the screen names it so).
    const last = caseHistory(s.ctx, s.users.secretary, { caseId: c.id }).at(-1);
    expect(last?.action).toBe('case.escalate');
    expect(last?.changes).toContainEqual({ field: 'escalations', before: 1, after: 1 });
  });

  it('refuses a second outcome, an unknown escalation, a role that may not escalate and bad input, changing nothing', async () => {
    s = openTestStore();
    const { c, escalationId } = escalated();
    recordEscalationOutcome(s.ctx, s.users.secretary, { caseId: c.id, escalationId, outcome: '已处理' });
    const before = storeCounts(s.db);
    expect(() =>
      recordEscalationOutcome(s.ctx, s.users.secretary, { caseId: c.id, escalationId, outcome: '再次' }),
    ).toThrow(/already has an outcome/);
    expect(() =>
      recordEscalationOutcome(s.ctx, s.users.secretary, {
        caseId: c.id,
        escalationId: '01936f5e-0000-7000-8000-00000000abcd',
        outcome: '结果',
      }),
    ).toThrow(/no such escalation/);
    expect(() =>
      recordEscalationOutcome(s.ctx, s.users.clerk, { caseId: c.id, escalationId, outcome: '结果' }),
    ).toThrow(/may not record an escalation outcome/);
    const bad = await dispatch(s.ctx, { user: s.users.secretary }, 'cases.escalationOutcome', {
      caseId: c.id,
      escalationId,
      outcome: '   ',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const twice = await dispatch(s.ctx, { user: s.users.secretary }, 'cases.escalationOutcome', {
      caseId: c.id,
      escalationId,
      outcome: '再次',
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { zh: '该升级处理已有结果,不能再次登记' } },
    });
    expect(storeCounts(s.db)).toEqual(before);
  });
});

describe('case history', () => {
  it('lists who changed what from the audit log, through the channel', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    s.clock.t += 60_000;
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请核实' });
    const r = await dispatch(s.ctx, { user: s.users.staff }, 'cases.history', { caseId: c.id });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.map((e) => e.action)).toEqual(['case.create', 'case.forward']);
    const fwd = r.value[1];
    expect(fwd?.actorName).toBe('李秘书');
    expect(fwd?.changes).toContainEqual({ field: 'status', before: 'registered', after: 'in_progress' });
    expect(fwd?.changes).toContainEqual({ field: 'handlingUnitId', before: null, after: s.units.shoes });
    expect(fwd?.changes.map((x) => x.field)).not.toContain('version');
  });

  it('withholds an anonymous case content from a role that may not read it', () => {
    s = openTestStore();
    const c = phoneCase(s, { anonymous: true, customer: undefined });
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: c.id })).toHaveLength(1);
    // A change of content on record shows to the secretary and not to unit staff.
    s.db
      .prepare(
        "INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES ('a1', 1, NULL, NULL, '测试', 'case.edit', 'case', ?, ?, ?)",
      )
      .run(c.id, JSON.stringify({ content: '旧' }), JSON.stringify({ content: '新的内容' }));
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: c.id })[1]?.changes).toEqual([
      { field: 'content', before: '旧', after: '新的内容' },
    ]);
    expect(caseHistory(s.ctx, s.users.staff, { caseId: c.id })[1]?.changes).toEqual([
      { field: 'content', before: null, after: null },
    ]);
  });

  it('refuses an unknown case', () => {
    s = openTestStore();
    expect(() => caseHistory(s.ctx, s.users.secretary, { caseId: '01936f5e-0000-7000-8000-00000000dead' })).toThrow(
      /Case not found/,
    );
  });
});
