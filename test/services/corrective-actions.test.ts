// 纠正预防措施 (issue 18 §1) on a real store: set on a founded case, done by the responsible, sent back, done
// again, confirmed by a supervisor; each refusal in both languages naming its field, with nothing changed;
// the actions ride on the case's snapshot in the outbox and read back at head office (older snapshots too).
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecordOf } from '../../src-headoffice/console/case-record-of';
import { capaQueue } from '../../src-main/services/capa-queue';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase } from '../../src-main/services/case-workflow';
import {
  confirmCorrectiveAction,
  createCorrectiveAction,
  markCorrectiveActionDone,
  returnCorrectiveAction,
} from '../../src-main/services/corrective-actions';
import { AppError } from '../../src-main/shared/errors';
import { timelineWords } from '../../src-main/shared/event-label';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { mergeHeldRecord } from '../../src-main/sync/record-merge';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const DAY = 86_400_000;
const capaRows = () =>
  s.db.prepare('SELECT count(*) AS n, ifnull(sum(version), 0) AS v FROM corrective_actions').get() as object;

function refusal(call: () => unknown): AppError {
  const before = { ...storeCounts(s.db), capa: capaRows() };
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  expect({ ...storeCounts(s.db), capa: capaRows() }, 'a refused change leaves nothing behind').toEqual(before);
  return err as AppError;
}

function foundedCase(finding: 'founded' | 'partly_founded' | 'unfounded' = 'founded') {
  const c = phoneCase(s, { complainedStaffName: '刘鞋部', complainedStaffNo: 'U001' });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding });
  return c;
}

const newAction = (caseId: string, over: Record<string, unknown> = {}) =>
  createCorrectiveAction(s.ctx, s.users.secretary, {
    caseId,
    responsibleUserId: s.users.staff.id,
    actionText: '鞋部开展商品验收培训,上架前逐双检查胶合',
    dueOn: '2026-11-30',
    ...over,
  });

describe('纠正预防措施: the cycle', () => {
  it('is set, done, sent back, done again and confirmed; the timeline, audit and snapshot follow', () => {
    s = openTestStore();
    const c = foundedCase();
    const outboxBefore = storeCounts(s.db).outbox;
    const set = newAction(c.id);
    expect(set.action).toMatchObject({ state: 'open', responsibleName: '刘鞋部', dueDate: '2026-11-30' });
    // Due at the close of business on the 30th in Shanghai (21:00 by default), stored as UTC.
    expect(new Date(set.action.dueAt).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(storeCounts(s.db).outbox).toBeGreaterThan(outboxBefore);

    s.clock.t = T0 + DAY;
    const done = markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: set.action.id, doneNote: '已培训 6 人' });
    expect(done.action).toMatchObject({
      state: 'done',
      doneByName: '刘鞋部',
      doneNote: '已培训 6 人',
      doneAt: T0 + DAY,
    });

    const back = returnCorrectiveAction(s.ctx, s.users.supervisor, {
      actionId: set.action.id,
      returnReason: '抽查仍有开胶鞋上架',
    });
    expect(back.action).toMatchObject({
      state: 'open',
      doneAt: null,
      returnReason: '抽查仍有开胶鞋上架',
      returnCount: 1,
    });
    expect(back.action.returnedByName).toBe('赵主管');

    markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: set.action.id, doneNote: '逐双复检,下架 3 双' });
    const ok = confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: set.action.id, effectNote: '复查无开胶' });
    expect(ok.action).toMatchObject({
      state: 'confirmed',
      confirmedByName: '王店长',
      confirmNote: '复查无开胶',
      returnCount: 1,
    });

    const ops = ok.case.events.filter((e) => e.kind === 'corrective_action').map((e) => e.data?.op);
    expect(ops).toEqual(['create', 'done', 'return', 'done', 'confirm']);
    // The timeline words each step (record form, case screen and console read the same words).
    const words = timelineWords(ok.case).filter((_w, i) => ok.case.events[i]?.kind === 'corrective_action');
    expect(words).toEqual(['corrective_action', 'capa_done', 'capa_return', 'capa_done', 'capa_confirm']);
    const audits = s.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.corrective_action'").get();
    expect(audits).toEqual({ n: 5 });

    // The newest case snapshot in the outbox carries the action; head office reads it back.
    const row = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .get(c.id) as { payload: string };
    const snap = CaseRecordSnapshot.parse(JSON.parse(row.payload));
    const atHq = caseRecordOf(snap).correctiveActions ?? [];
    expect(atHq).toHaveLength(1);
    expect(atHq[0]).toMatchObject({
      state: 'confirmed',
      doneNote: '逐双复检,下架 3 双',
      returnReason: '抽查仍有开胶鞋上架',
    });
  });

  it('allows several actions per case, for a person or a unit, on a partly founded case too', () => {
    s = openTestStore();
    const c = foundedCase('partly_founded');
    newAction(c.id);
    const unit = newAction(c.id, {
      responsibleUserId: undefined,
      responsibleUnitId: s.units.shoes,
      dueOn: '2026-11-24',
    });
    expect(unit.action.responsibleName).toBe('鞋部');
    expect(unit.case.correctiveActions).toHaveLength(2);
    // A member of the responsible unit marks the unit's action done.
    const done = markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: unit.action.id, doneNote: '柜组例会通报' });
    expect(done.action.state).toBe('done');
  });

  it('comes back with its case when a lost branch PC recovers from head office', () => {
    s = openTestStore();
    const c = foundedCase();
    const a = newAction(c.id).action;
    markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: a.id, doneNote: '已培训' });
    const held = s.db
      .prepare(
        "SELECT record_id AS id, version, payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { id: string; version: number; payload: string };
    const lost = s;
    s = openTestStore();
    s.db.pragma('foreign_keys = OFF');
    expect(mergeHeldRecord(s.ctx, { type: 'case', schema: 1, ...held }).merged).toBe(true);
    s.db.pragma('foreign_keys = ON');
    expect(loadCase(s.db, c.id)?.correctiveActions).toEqual(loadCase(lost.db, c.id)?.correctiveActions);
    lost.close();
  });

  it('keeps an older snapshot without actions importing', () => {
    s = openTestStore();
    const c = foundedCase();
    const row = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .get(c.id) as { payload: string };
    const older = JSON.parse(row.payload);
    delete older.correctiveActions;
    expect(caseRecordOf(CaseRecordSnapshot.parse(older)).correctiveActions).toEqual([]);
  });
});

describe('纠正预防措施: refusals', () => {
  it('not on an unfounded case, nor before the finding', () => {
    s = openTestStore();
    const unfounded = foundedCase('unfounded');
    let err = refusal(() => newAction(unfounded.id));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.issues[0]?.field).toBe('finding');
    expect(err.messages.zh).toBe('调查结论为失实,不能制定纠正预防措施');
    expect(err.messages.en).toBe('The finding is unfounded: no corrective action can be set');
    const open = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: open.id, handlingUnitId: s.units.shoes });
    err = refusal(() => newAction(open.id));
    expect(err.issues[0]?.field).toBe('finding');
    expect(err.messages.zh).toMatch(/^调查结论尚未登记/);
  });

  it('refuses an empty action, a past due date, both or neither responsible, naming the field', () => {
    s = openTestStore();
    const c = foundedCase();
    let err = refusal(() => newAction(c.id, { actionText: '   ' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues[0]?.field).toBe('actionText');
    expect(err.issues[0]?.message.zh).toMatch(/纠正预防措施/);
    err = refusal(() => newAction(c.id, { dueOn: '2026-11-23' }));
    expect(err.issues[0]).toEqual({
      field: 'dueOn',
      message: { zh: '完成期限:不能早于今天', en: 'Due date: cannot be in the past' },
    });
    err = refusal(() => newAction(c.id, { responsibleUnitId: s.units.shoes }));
    expect(err.issues[0]?.field).toBe('responsible');
    err = refusal(() => newAction(c.id, { responsibleUserId: undefined }));
    expect(err.issues[0]?.field).toBe('responsible');
  });

  it('refuses a clerk setting one, and anyone but the responsible or a supervisor marking it done', () => {
    s = openTestStore();
    const c = foundedCase();
    let err = refusal(() =>
      createCorrectiveAction(s.ctx, s.users.clerk, {
        caseId: c.id,
        responsibleUserId: s.users.staff.id,
        actionText: '培训',
        dueOn: '2026-11-30',
      }),
    );
    expect(err.code).toBe('FORBIDDEN');
    const a = newAction(c.id).action;
    for (const who of [s.users.otherStaff, s.users.clerk, s.users.secretary]) {
      err = refusal(() => markCorrectiveActionDone(s.ctx, who, { actionId: a.id, doneNote: '完成' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.messages.zh).toBe('只有责任人员(刘鞋部)或值班主管、店长可以登记完成');
    }
    err = refusal(() => markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: a.id, doneNote: '' }));
    expect(err.issues[0]?.field).toBe('doneNote');
  });

  it('refuses confirmation by a clerk or secretary, before done, by whoever did it, and twice', () => {
    s = openTestStore();
    const c = foundedCase();
    const a = newAction(c.id).action;
    let err = refusal(() => confirmCorrectiveAction(s.ctx, s.users.supervisor, { actionId: a.id, effectNote: '好' }));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.messages.zh).toBe('措施尚未完成,不能确认效果或退回');
    markCorrectiveActionDone(s.ctx, s.users.supervisor, { actionId: a.id, doneNote: '主管代为完成' });
    for (const who of [s.users.clerk, s.users.secretary, s.users.staff]) {
      err = refusal(() => confirmCorrectiveAction(s.ctx, who, { actionId: a.id, effectNote: '好' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.messages.en).toBe('Only a duty supervisor or the manager may confirm the effect or send it back');
    }
    err = refusal(() => confirmCorrectiveAction(s.ctx, s.users.supervisor, { actionId: a.id, effectNote: '好' }));
    expect(err.messages.zh).toBe('登记完成的人不能确认自己完成的措施');
    err = refusal(() => returnCorrectiveAction(s.ctx, s.users.manager, { actionId: a.id, returnReason: ' ' }));
    expect(err.issues[0]?.field).toBe('returnReason');
    err = refusal(() => confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: a.id, effectNote: '' }));
    expect(err.issues[0]?.field).toBe('effectNote');
    confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: a.id, effectNote: '有效' });
    err = refusal(() => confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: a.id, effectNote: '有效' }));
    expect(err.messages.en).toBe('This action is already confirmed');
    err = refusal(() => markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: a.id, doneNote: '再做' }));
    expect(err.code).toBe('CONFLICT');
    err = refusal(() =>
      confirmCorrectiveAction(s.ctx, s.users.manager, {
        actionId: '01900000-0000-7000-8000-000000000000',
        effectNote: '有效',
      }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('纠正预防措施: the queue', () => {
  it('lists open and unconfirmed actions, overdue marked, each person her own', () => {
    s = openTestStore();
    const c = foundedCase();
    const late = newAction(c.id, { dueOn: '2026-11-24' }).action;
    const later = newAction(c.id, { responsibleUserId: s.users.otherStaff.id, dueOn: '2026-12-05' }).action;
    const done = newAction(c.id, { responsibleUserId: undefined, responsibleUnitId: s.units.shoes }).action;
    markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: done.id, doneNote: '完成' });
    confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: done.id, effectNote: '有效' });
    s.clock.t = Date.parse('2026-11-25T09:00:00+08:00');
    const all = capaQueue(s.ctx, s.users.supervisor, {});
    expect(all.map((r) => [r.id, r.overdue, r.caseNumber])).toEqual([
      [late.id, true, c.number],
      [later.id, false, c.number],
    ]);
    expect(capaQueue(s.ctx, s.users.staff, {}).map((r) => r.id)).toEqual([late.id]);
    expect(capaQueue(s.ctx, s.users.clerk, {})).toEqual([]);
  });
});
