// 回避 (issue 18 §5) on a real store: the staff a case is about cannot be made its handler, resolve it or
// record its finding — refused in both languages with nothing changed — while another member of staff can;
// the case screen shows the blocked action with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, extendToNextDay, promiseReply, recordFinding } from '../../src-main/services/case-details';
import { getCase } from '../../src-main/services/case-read';
import { scheduleFollowUp } from '../../src-main/services/follow-ups';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { createUser } from '../../src-main/services/users';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, PIN, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const STAND_ASIDE = {
  zh: '您是本案被投诉的员工,须回避',
  en: 'You are the staff member this case is about and must stand aside',
};

function refusal(call: () => unknown): AppError {
  const before = storeCounts(s.db);
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  expect(storeCounts(s.db), 'a refused change leaves nothing behind').toEqual(before);
  return err as AppError;
}

/** A second member of the shoe counter, who may handle what her colleague may not. */
function colleague() {
  return createUser(s.ctx, s.users.manager, {
    staffNo: 'U003',
    name: '周鞋部',
    role: 'unit_staff',
    unitId: s.units.shoes,
    pin: PIN,
    mustChangePin: false,
  });
}

/** A case about 刘鞋部 (U001), her staff number typed in lower case as a clerk might. */
const caseAboutLiu = () => phoneCase(s, { complainedStaffName: '刘鞋部', complainedStaffNo: 'u001' });

describe('回避: the staff complained about', () => {
  it('is recorded at intake, and a staff number that is not one is refused naming the field', () => {
    s = openTestStore();
    const c = caseAboutLiu();
    expect(c.complainedStaffName).toBe('刘鞋部');
    expect(c.complainedStaffNo).toBe('u001');
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).complainedStaffNo).toBe('u001');
    const err = refusal(() => phoneCase(s, { complainedStaffNo: '刘-1' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues.map((i) => i.field)).toContain('complainedStaffNo');
  });

  it('cannot be made the handler; another member of staff can', () => {
    s = openTestStore();
    const c = caseAboutLiu();
    const err = refusal(() =>
      forwardCase(s.ctx, s.users.secretary, {
        caseId: c.id,
        handlingUnitId: s.units.shoes,
        assigneeId: s.users.staff.id,
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.issues[0]?.field).toBe('assigneeId');
    expect(err.messages.zh).toBe('刘鞋部(U001)是本案被投诉的员工,须回避,不能担任处理人');
    expect(err.messages.en).toMatch(/^刘鞋部 \(U001\) is the staff member this case is about and must stand aside/);
    const other = colleague();
    const after = forwardCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      handlingUnitId: s.units.shoes,
      assigneeId: other.id,
    });
    expect(after.assigneeId).toBe(other.id);
    expect(after.status).toBe('in_progress');
  });

  it('cannot resolve the case (the screen says why); a colleague of the same counter can', () => {
    s = openTestStore();
    const c = caseAboutLiu();
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const view = getCase(s.ctx, s.users.staff, { caseId: c.id });
    expect(view.allowedActions).not.toContain('resolve');
    expect(view.blockedActions).toContainEqual({ action: 'resolve', reason: STAND_ASIDE });
    const err = refusal(() =>
      resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'apology', summary: '已向顾客道歉' }),
    );
    expect(err.code).toBe('FORBIDDEN');
    expect(err.messages).toEqual(STAND_ASIDE);
    const other = colleague();
    expect(getCase(s.ctx, other, { caseId: c.id }).allowedActions).toContain('resolve');
    const done = resolveCase(s.ctx, other, { caseId: c.id, type: 'apology', summary: '已向顾客道歉' });
    expect(done.status).toBe('resolved');
    expect(done.resolvedBy).toBe(other.id);
  });

  it('cannot record the finding; the secretary office can', () => {
    s = openTestStore();
    // The complaint is about the duty supervisor herself.
    const c = phoneCase(s, { complainedStaffName: '赵主管', complainedStaffNo: 'D001' });
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const view = getCase(s.ctx, s.users.supervisor, { caseId: c.id });
    expect(view.blockedActions).toContainEqual({ action: 'finding', reason: STAND_ASIDE });
    expect(view.blockedActions).toContainEqual({ action: 'resolve', reason: STAND_ASIDE });
    const err = refusal(() =>
      recordFinding(s.ctx, s.users.supervisor, { caseId: c.id, cause: 'staff', finding: 'founded' }),
    );
    expect(err.code).toBe('FORBIDDEN');
    expect(err.messages).toEqual(STAND_ASIDE);
    const found = recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding: 'founded' });
    expect(found.finding).toBe('founded');
  });

  it('cannot promise a reply or extend her own case either; a note and passing it on stay open to her', () => {
    s = openTestStore();
    const c = caseAboutLiu();
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const view = getCase(s.ctx, s.users.staff, { caseId: c.id });
    for (const action of ['promise', 'extend'] as const) {
      expect(view.allowedActions).not.toContain(action);
      expect(view.blockedActions).toContainEqual({ action, reason: STAND_ASIDE });
    }
    const promised = refusal(() =>
      promiseReply(s.ctx, s.users.staff, { caseId: c.id, promisedAt: new Date(s.clock.t + 3_600_000).toISOString() }),
    );
    expect(promised.messages).toEqual(STAND_ASIDE);
    const extended = refusal(() => extendToNextDay(s.ctx, s.users.staff, { caseId: c.id, reason: '需厂家检测' }));
    expect(extended.messages).toEqual(STAND_ASIDE);
    expect(addNote(s.ctx, s.users.staff, { caseId: c.id, text: '本人说明:当时已按规定接待' }).events.at(-1)?.text).toBe(
      '本人说明:当时已按规定接待',
    );
    const other = colleague();
    expect(getCase(s.ctx, other, { caseId: c.id }).allowedActions).toEqual(
      expect.arrayContaining(['promise', 'extend']),
    );
  });

  it('is not given the follow-up call of her case; a colleague is', () => {
    s = openTestStore();
    const c = caseAboutLiu();
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const other = colleague();
    resolveCase(s.ctx, other, { caseId: c.id, type: 'apology', summary: '已向顾客道歉' });
    const err = refusal(() =>
      scheduleFollowUp(s.ctx, s.users.secretary, { caseId: c.id, dueDate: '2026-12-30', assigneeId: s.users.staff.id }),
    );
    expect(err.issues[0]?.field).toBe('assigneeId');
    expect(err.messages.zh).toBe('刘鞋部(U001)是本案被投诉的员工,须回避,不能担任处理人');
    const f = scheduleFollowUp(s.ctx, s.users.secretary, { caseId: c.id, dueDate: '2026-12-30', assigneeId: other.id });
    expect(f.followUp.assigneeId).toBe(other.id);
  });

  it('recuses no one on a case that names no staff number', () => {
    s = openTestStore();
    const c = phoneCase(s, { complainedStaffName: '刘鞋部' });
    forwardCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      handlingUnitId: s.units.shoes,
      assigneeId: s.users.staff.id,
    });
    const view = getCase(s.ctx, s.users.staff, { caseId: c.id });
    expect(view.blockedActions.map((b) => b.action)).not.toContain('resolve');
    expect(resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'apology', summary: '已道歉' }).status).toBe(
      'resolved',
    );
  });
});
