// Issue 22 at the branch: cases of one matter linked (each keeps number, status, deadline), unlinked with a
// reason, a duplicate merged into a primary (closed as 重复, its promise and a 12315 body's deadline carried to
// the primary, its notes and slips shown there), a mistaken merge undone; every refusal leaves the store as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, promiseReply } from '../../src-main/services/case-details';
import { declineCase } from '../../src-main/services/case-acceptance';
import { createCase } from '../../src-main/services/case-intake';
import { linkCases, mergeCases, undoMerge, unlinkCase } from '../../src-main/services/case-links';
import { getCase } from '../../src-main/services/case-read';
import { caseHistory } from '../../src-main/services/case-history';
import { anonymisePerson } from '../../src-main/services/anonymise-person';
import { fileCase, forwardCase, recordFeedback, reopenCase, resolveCase } from '../../src-main/services/case-workflow';
import { FORM_TEXT_EN } from '../../src-main/pdf/form-text-en';
import { FORM_TEXT_ZH } from '../../src-main/pdf/form-text-zh';
import { timelineLabels } from '../../src-main/pdf/form-text';
import { isLinkEvent } from '../../src-main/shared/case-links';
import { AppError } from '../../src-main/shared/errors';
import type { CaseRecord } from '../../src-main/shared/types';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

function refused(call: () => unknown, code?: string): AppError {
  const before = storeCounts(s.db);
  const merges = s.db.prepare('SELECT count(*) AS n FROM case_merges').get();
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  const e = err as AppError;
  if (code) expect(e.code).toBe(code);
  expect(e.messages.zh.length).toBeGreaterThan(0);
  expect(e.messages.en.length).toBeGreaterThan(0);
  expect(storeCounts(s.db)).toEqual(before);
  expect(s.db.prepare('SELECT count(*) AS n FROM case_merges').get()).toEqual(merges);
  return e;
}

/** The same customer's 12315 complaint, forwarded by the body (deadline: the body's working days). */
const governmentCase = (over: { phone?: string; name?: string } = {}) =>
  createCase(s.ctx, s.users.clerk, {
    channel: 'government',
    government: { body: '12315', referenceNo: 'GS-2026-118', contactPerson: '周科员', contactPhone: '12315' },
    customer: { name: over.name ?? '张三', phone: over.phone ?? '13800138000' },
    content: '顾客投诉购买的皮鞋开胶,商场未予退货',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.shoes,
  });

function filedCase(): CaseRecord {
  s.settings.signOff.phone = 'none';
  const c = phoneCase(s, { customer: { name: '李四', phone: '13900139000' }, categoryCode: 'service_attitude' });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '已向顾客解释' });
  recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  return fileCase(s.ctx, s.users.secretary, { caseId: c.id });
}

const outboxOf = (id: string) =>
  s.db
    .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
    .get(id) as { payload: string } | undefined;

describe('link and unlink', () => {
  it('links cases as one matter, each keeping its number, status and deadline; synced and audited', () => {
    s = openTestStore();
    const a = phoneCase(s);
    const g = governmentCase();
    const linked = linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, g.id], note: '同一双鞋' });
    expect(linked.id).toBe(a.id);
    expect(linked.matterId).toBeTruthy();
    const ga = getCase(s.ctx, s.users.clerk, { caseId: g.id });
    expect(ga.matterId).toBe(linked.matterId);
    expect(ga).toMatchObject({ number: g.number, status: g.status, dueAt: g.dueAt });
    const va = getCase(s.ctx, s.users.secretary, { caseId: a.id });
    expect(va.linkedCases).toEqual([
      expect.objectContaining({ id: g.id, number: g.number, status: 'registered', dueAt: g.dueAt, govBody: '12315' }),
    ]);
    expect(va.linkActions).toEqual(expect.arrayContaining(['link', 'unlink', 'merge']));
    expect(va.linkActions).not.toContain('undo_merge');
    expect(getCase(s.ctx, s.users.clerk, { caseId: a.id }).linkActions).toEqual([]);
    expect(va.events.at(-1)).toMatchObject({ kind: 'link' });
    expect(va.events.at(-1)?.text).toBe('同一双鞋');
    expect(va.events.at(-1)?.data?.numbers).toContain(g.number);
    const audit = s.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.link'").get();
    expect(audit).toEqual({ n: 2 });
    const snap = CaseRecordSnapshot.parse(JSON.parse(String(outboxOf(g.id)?.payload)));
    expect(snap.matterId).toBe(linked.matterId);

    // A third case joins the same matter.
    const b = phoneCase(s, { channel: 'in_store' });
    const m = linkCases(s.ctx, s.users.supervisor, { caseIds: [b.id, a.id] });
    expect(m.matterId).toBe(linked.matterId);
    expect(getCase(s.ctx, s.users.manager, { caseId: b.id }).linkedCases.map((x) => x.number)).toEqual([
      a.number,
      g.number,
    ]);
  });

  it('refuses a clerk, unit staff, one case, a declined case, two matters (naming them) and a repeat link', () => {
    s = openTestStore();
    const a = phoneCase(s);
    const b = phoneCase(s);
    const e1 = refused(() => linkCases(s.ctx, s.users.clerk, { caseIds: [a.id, b.id] }), 'FORBIDDEN');
    expect(e1.messages.zh).toContain('无权关联');
    refused(() => linkCases(s.ctx, s.users.staff, { caseIds: [a.id, b.id] }), 'FORBIDDEN');
    refused(() => linkCases(s.ctx, s.users.secretary, { caseIds: [a.id] }), 'VALIDATION');
    refused(() => linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, a.id] }), 'VALIDATION');
    const d = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: d.id,
      declineReason: 'not_consumer_dispute',
      declineText: '不属于消费者权益争议',
      referTo: '区人民法院',
    });
    expect(refused(() => linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, d.id] })).messages.zh).toContain(
      '不予受理',
    );
    const c = phoneCase(s);
    const e = phoneCase(s);
    linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id] });
    linkCases(s.ctx, s.users.secretary, { caseIds: [c.id, e.id] });
    const two = refused(() => linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, c.id] }), 'CONFLICT');
    expect(two.messages.zh).toContain(a.number);
    expect(two.messages.zh).toContain(c.number);
    refused(() => linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id] }), 'CONFLICT');
  });

  it('unlinks with a reason; a matter left with one case is no matter', () => {
    s = openTestStore();
    const [a, b, c] = [phoneCase(s), phoneCase(s), phoneCase(s)];
    const matter = linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id, c.id] }).matterId;
    refused(() => unlinkCase(s.ctx, s.users.secretary, { caseId: a.id, reason: '错' }).matterId, 'VALIDATION');
    refused(() => unlinkCase(s.ctx, s.users.clerk, { caseId: a.id, reason: '不是同一事项' }), 'FORBIDDEN');
    const u = unlinkCase(s.ctx, s.users.secretary, { caseId: a.id, reason: '不是同一双鞋' });
    expect(u.matterId ?? null).toBeNull();
    expect(u.events.at(-1)).toMatchObject({ kind: 'unlink' });
    expect(getCase(s.ctx, s.users.secretary, { caseId: b.id }).linkedCases.map((x) => x.id)).toEqual([c.id]);
    unlinkCase(s.ctx, s.users.supervisor, { caseId: b.id, reason: '另案处理' });
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id })).toMatchObject({ matterId: null, linkedCases: [] });
    expect(matter).toBeTruthy();
    refused(() => unlinkCase(s.ctx, s.users.secretary, { caseId: c.id, reason: '不是同一事项' }), 'INVALID_TRANSITION');
  });
});

describe('merge and undo', () => {
  it("merges a phone case into the 12315 case: closed as 重复, its promise moved, notes and slips shown, the body's deadline kept", () => {
    s = openTestStore();
    const g = governmentCase();
    const p = phoneCase(s, { customer: { name: '张三', phone: '138 0013 8000' } });
    const promisedAt = s.clock.t + 2 * HOUR;
    promiseReply(s.ctx, s.users.clerk, { caseId: p.id, promisedAt: iso(promisedAt), note: '两小时内回电' });
    addNote(s.ctx, s.users.clerk, { caseId: p.id, text: '顾客来电,情绪激动' });
    s.clock.t += 60_000;
    const primary = mergeCases(s.ctx, s.users.secretary, {
      duplicateId: p.id,
      primaryId: g.id,
      reason: '同一顾客同一双鞋',
    });
    expect(primary.id).toBe(g.id);
    // The promise moved: the primary's due is the earliest of its own and the duplicate's obligations.
    expect(primary.promises.map((x) => x.promisedAt)).toEqual([promisedAt]);
    expect(primary.dueAt).toBe(Math.min(promisedAt, g.dueAt as number));
    const dup = getCase(s.ctx, s.users.secretary, { caseId: p.id });
    expect(dup).toMatchObject({ status: 'filed', number: p.number, dueAt: null, promises: [] });
    expect(dup.mergedIntoCase).toMatchObject({
      caseId: g.id,
      number: g.number,
      reason: '同一顾客同一双鞋',
      byName: '李秘书',
    });
    expect(dup.allowedActions).toEqual(['note', 'print']);
    expect(dup.linkActions).toEqual([]);
    expect(getCase(s.ctx, s.users.supervisor, { caseId: p.id }).linkActions).toEqual(['undo_merge']);
    const view = getCase(s.ctx, s.users.secretary, { caseId: g.id });
    expect(view.mergedFrom).toHaveLength(1);
    const from = view.mergedFrom[0];
    expect(from).toMatchObject({
      caseId: p.id,
      number: p.number,
      statusBefore: 'registered',
      reason: '同一顾客同一双鞋',
    });
    expect(from?.notes.map((n) => n.text)).toEqual(['顾客来电,情绪激动']);
    expect(from?.promises.map((x) => x.promisedAt)).toEqual([promisedAt]);
    expect(from?.movedPromiseIds).toHaveLength(1);
    expect(view.events.at(-1)).toMatchObject({ kind: 'merged_from' });
    // The snapshot of the duplicate carries the pointer.
    const snap = CaseRecordSnapshot.parse(JSON.parse(String(outboxOf(p.id)?.payload)));
    expect(snap).toMatchObject({
      status: 'filed',
      mergedInto: g.id,
      mergedIntoNumber: g.number,
      mergeReason: '同一顾客同一双鞋',
    });
    // A merged duplicate takes a note, nothing else; reopening it is refused (undo the merge instead).
    addNote(s.ctx, s.users.secretary, { caseId: p.id, text: '已并入 12315 个案' });
    expect(
      refused(() => reopenCase(s.ctx, s.users.supervisor, { caseId: p.id, reason: '重新处理' })).messages.zh,
    ).toContain(g.number);
  });

  it("once the phone primary fed back, the 12315 body's deadline is met and still shown with the merged duplicate", () => {
    s = openTestStore();
    const p = phoneCase(s);
    const g = governmentCase();
    const bodyDue = g.dueAt as number;
    mergeCases(s.ctx, s.users.supervisor, { duplicateId: g.id, primaryId: p.id, reason: '12315 转来的同一投诉' });
    forwardCase(s.ctx, s.users.secretary, { caseId: p.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: p.id, type: 'refund', summary: '退货退款', amountFen: 45900 });
    const fed = recordFeedback(s.ctx, s.users.secretary, { caseId: p.id, satisfaction: 'satisfied', disputed: false });
    expect(fed.dueAt).toBeNull();
    // Fed back: the branch answered the customer, and with it the body's case (the limit counted until then).
    const before = getCase(s.ctx, s.users.secretary, { caseId: p.id });
    expect(before.mergedFrom[0]?.carriedDueAt).toBe(bodyDue);
  });

  it("the phone primary's due is the 12315 body's deadline while it is earlier than the primary's own", () => {
    s = openTestStore();
    const g = governmentCase();
    s.clock.t += 10 * 24 * HOUR;
    const p = phoneCase(s);
    expect(p.dueAt as number).toBeGreaterThan(g.dueAt as number);
    const merged = mergeCases(s.ctx, s.users.secretary, { duplicateId: g.id, primaryId: p.id, reason: '同一事项' });
    expect(merged.dueAt).toBe(g.dueAt);
    expect(getCase(s.ctx, s.users.secretary, { caseId: p.id }).due).toMatchObject({
      at: g.dueAt,
      kind: 'handling',
      overdue: true,
      why: { zh: `并入的 ${g.number} 的处理时限` },
    });
    const undone = undoMerge(s.ctx, s.users.manager, { duplicateId: g.id, reason: '合并错了' });
    expect(undone).toMatchObject({ status: 'registered', mergedInto: null, dueAt: g.dueAt });
    expect(getCase(s.ctx, s.users.secretary, { caseId: p.id }).dueAt).toBe(p.dueAt);
  });

  it('refuses: a filed duplicate, a filed or declined primary, different customers unconfirmed, a clerk, itself, a chain', () => {
    s = openTestStore();
    const a = phoneCase(s);
    const b = phoneCase(s);
    const filed = filedCase();
    const m = (duplicateId: string, primaryId: string, by = s.users.secretary, differentCustomerConfirmed = false) =>
      mergeCases(s.ctx, by, { duplicateId, primaryId, reason: '同一事项', differentCustomerConfirmed });
    expect(refused(() => m(filed.id, a.id)).messages.zh).toContain('已“已建档”');
    expect(refused(() => m(a.id, filed.id)).messages.en).toContain('reopen it first');
    const d = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: d.id,
      declineReason: 'not_consumer_dispute',
      declineText: '不属于',
      referTo: '法院',
    });
    refused(() => m(a.id, d.id), 'INVALID_TRANSITION');
    expect(refused(() => m(a.id, b.id, s.users.clerk), 'FORBIDDEN').messages.zh).toContain('无权合并');
    refused(() => m(a.id, b.id, s.users.staff), 'FORBIDDEN');
    refused(() => m(a.id, a.id), 'INVALID_TRANSITION');
    // Different customers (the phone differs): only with the confirmation.
    const other = governmentCase({ phone: '13600136000', name: '王五' });
    const diff = refused(() => m(other.id, a.id), 'CONFLICT');
    expect(diff.issues[0]?.field).toBe('differentCustomerConfirmed');
    const ok = m(other.id, a.id, s.users.secretary, true);
    expect(getCase(s.ctx, s.users.secretary, { caseId: other.id }).mergedIntoCase?.differentCustomerConfirmed).toBe(
      true,
    );
    expect(ok.id).toBe(a.id);
    // No chains: a into b while other is merged into a; b into the merged other; other merged again.
    expect(refused(() => m(a.id, b.id)).messages.zh).toContain(other.number);
    expect(refused(() => m(b.id, other.id)).messages.zh).toContain(a.number);
    refused(() => m(other.id, b.id), 'INVALID_TRANSITION');
  });

  it('undo: a supervisor or the manager, with a reason; the duplicate back where it was, its promise back', () => {
    s = openTestStore();
    const a = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: a.id, handlingUnitId: s.units.shoes });
    const t = s.clock.t + 3 * HOUR;
    promiseReply(s.ctx, s.users.clerk, { caseId: a.id, promisedAt: iso(t) });
    const b = phoneCase(s);
    linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id] });
    mergeCases(s.ctx, s.users.secretary, { duplicateId: a.id, primaryId: b.id, reason: '重复登记' });
    expect(getCase(s.ctx, s.users.secretary, { caseId: b.id }).dueAt).toBe(Math.min(t, b.dueAt as number));
    refused(() => undoMerge(s.ctx, s.users.secretary, { duplicateId: a.id, reason: '合并错了' }), 'FORBIDDEN');
    refused(() => undoMerge(s.ctx, s.users.clerk, { duplicateId: a.id, reason: '合并错了' }), 'FORBIDDEN');
    refused(() => undoMerge(s.ctx, s.users.supervisor, { duplicateId: a.id, reason: '错' }), 'VALIDATION');
    refused(
      () => undoMerge(s.ctx, s.users.supervisor, { duplicateId: b.id, reason: '合并错了' }),
      'INVALID_TRANSITION',
    );
    const back = undoMerge(s.ctx, s.users.supervisor, { duplicateId: a.id, reason: '不是同一次购买' });
    expect(back).toMatchObject({ status: 'in_progress', filedAt: null, mergedInto: null, mergedIntoNumber: null });
    expect(back.promises.map((x) => x.promisedAt)).toEqual([t]);
    expect(back.dueAt).toBe(Math.min(t, a.dueAt as number));
    expect(back.matterId).toBeTruthy();
    const pv = getCase(s.ctx, s.users.secretary, { caseId: b.id });
    expect(pv.mergedFrom).toEqual([]);
    expect(pv.promises).toEqual([]);
    expect(pv.events.at(-1)).toMatchObject({ kind: 'merge_undone' });
    const row = s.db.prepare('SELECT undone_by, undo_reason FROM case_merges WHERE duplicate_id = ?').get(a.id);
    expect(row).toEqual({ undone_by: s.users.supervisor.id, undo_reason: '不是同一次购买' });
    const audit = s.db
      .prepare("SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'case.%merge%' ORDER BY at, rowid")
      .all(a.id);
    expect(audit).toEqual([{ action: 'case.merge' }, { action: 'case.undo_merge' }]);
    // The history in words: the merge and its undo named, the reason and the primary's number shown.
    const history = caseHistory(s.ctx, s.users.secretary, { caseId: a.id });
    const merge = history.find((h) => h.action === 'case.merge');
    expect(merge?.label).toEqual({ zh: '合并为重复个案', en: 'Merged as a duplicate' });
    expect(merge?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'mergeReason', after: '重复登记' }),
        expect.objectContaining({ field: 'mergedIntoNumber', after: b.number }),
      ]),
    );
    expect(history.find((h) => h.action === 'case.undo_merge')?.label?.zh).toBe('撤销合并');
    // The timeline keeps the reason as typed; its name says the other case, in the form's language.
    const ev = getCase(s.ctx, s.users.secretary, { caseId: a.id }).events.filter((e) => isLinkEvent(e.kind));
    expect(ev.map((e) => [e.kind, e.text])).toEqual([
      ['link', null],
      ['merge', '重复登记'],
      ['undo_merge', '不是同一次购买'],
    ]);
    const c = { channel: 'phone', status: 'in_progress', events: ev };
    expect(timelineLabels(FORM_TEXT_ZH, c)).toEqual([
      `关联为同一事项:${a.number}、${b.number}`,
      `作为重复个案并入 ${b.number}`,
      `撤销并入 ${b.number}`,
    ]);
    expect(timelineLabels(FORM_TEXT_EN, { ...c, events: pv.events.slice(-2) })).toEqual([
      `${a.number} merged in as a duplicate`,
      `Merge of ${a.number} undone; taken back`,
    ]);
    // Merged again after the undo: history kept, one merge in force.
    mergeCases(s.ctx, s.users.secretary, { duplicateId: a.id, primaryId: b.id, reason: '核实后确为重复' });
    expect(s.db.prepare('SELECT count(*) AS n FROM case_merges WHERE duplicate_id = ?').get(a.id)).toEqual({ n: 2 });
  });

  it("a person's deletion request scrubs the merge's reasons (they may quote the customer)", () => {
    s = openTestStore();
    s.settings.signOff.phone = 'none';
    const who = { name: '孙八', phone: '13655556666' };
    const a = phoneCase(s, { customer: who, categoryCode: 'service_attitude' });
    const b = phoneCase(s, { customer: who, categoryCode: 'service_attitude' });
    mergeCases(s.ctx, s.users.secretary, { duplicateId: a.id, primaryId: b.id, reason: '孙八 13655556666 重复来电' });
    forwardCase(s.ctx, s.users.secretary, { caseId: b.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: b.id, type: 'explanation', summary: '已解释' });
    recordFeedback(s.ctx, s.users.secretary, { caseId: b.id, satisfaction: 'satisfied', disputed: false });
    fileCase(s.ctx, s.users.secretary, { caseId: b.id });
    anonymisePerson(s.ctx, s.users.manager, { phone: who.phone, reason: '本人书面申请删除' });
    const row = s.db.prepare('SELECT reason FROM case_merges WHERE duplicate_id = ?').get(a.id) as { reason: string };
    const kept = s.db.prepare('SELECT merge_reason FROM cases WHERE id = ?').get(a.id) as { merge_reason: string };
    for (const text of [row.reason, kept.merge_reason]) {
      expect(text).not.toContain('孙八');
      expect(text).not.toContain('13655556666');
      expect(text).toContain('重复来电');
    }
  });
});
