// Issue 18 §3: the seeds' signs recorded on a case (told the rules and persists, 纠缠, fabricated evidence)
// as audited timeline events that go out in the case snapshot; a 驳回 only with a reason, by the secretary
// or the manager, and only from the threshold counting this branch's and other branches' unfounded
// findings; registration is never refused. Every refusal changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { declineCase } from '../../src-main/services/case-acceptance';
import { recordFinding } from '../../src-main/services/case-details';
import { intakeCheck } from '../../src-main/services/case-intake';
import { forwardCase } from '../../src-main/services/case-workflow';
import { recordComplainantSign } from '../../src-main/services/complainant-signs';
import { AppError } from '../../src-main/shared/errors';
import { phoneHash, storeCrossBranchFlags } from '../../src-main/db/repositories/cross-branch-repo';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s.close());

const KEY = 'ab'.repeat(32);

function refusedUnchanged(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  try {
    fn();
  } catch (e) {
    expect(storeCounts(s.db)).toEqual(before);
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A case of the 张三 customer (138 0013 8000) found unfounded here. */
function unfoundedCase() {
  const c = phoneCase(s);
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  return recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'customer', finding: 'unfounded' });
}

/** Head office's list as a sync would store it: the customer unfounded `n` times at other branches. */
const otherBranches = (n: number) =>
  storeCrossBranchFlags(s.db, {
    asOf: s.clock.t,
    phoneKey: KEY,
    complainants: [{ h: phoneHash(KEY, '13800138000'), unfounded: n }],
    doubleRefunds: [],
  });

describe('complainant signs and 驳回', () => {
  it('records each sign as an audited event that goes out in the case snapshot', () => {
    s = openTestStore();
    const c = phoneCase(s);
    for (const sign of ['persists_after_rules', 'pestering', 'fabricated_evidence'] as const)
      recordComplainantSign(s.ctx, s.users.clerk, {
        caseId: c.id,
        sign,
        reason: sign === 'pestering' ? '一天来电 12 次' : undefined,
      });
    const after = recordComplainantSign(s.ctx, s.users.clerk, { caseId: c.id, sign: 'pestering' });
    const signs = after.events.filter((e) => e.kind === 'complainant_sign');
    expect(signs.map((e) => e.data?.sign)).toEqual([
      'persists_after_rules',
      'pestering',
      'fabricated_evidence',
      'pestering',
    ]);
    expect(signs[1]?.text).toBe('一天来电 12 次');
    const audited = s.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.complainant_sign' AND entity_id = ?")
      .get(c.id) as { n: number };
    expect(audited.n).toBe(4);
    const { payload } = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1")
      .get() as { payload: string };
    expect(payload).toContain('"fabricated_evidence"');
  });

  it('refuses bad input naming the field, in both languages', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const bad = refusedUnchanged(() => recordComplainantSign(s.ctx, s.users.clerk, { caseId: c.id, sign: 'rude' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues[0]?.field).toBe('sign');
    otherBranches(5);
    const noReason = refusedUnchanged(() =>
      recordComplainantSign(s.ctx, s.users.secretary, { caseId: c.id, sign: 'rejected', reason: '   ' }),
    );
    expect(noReason.issues[0]).toEqual({
      field: 'reason',
      message: { zh: '原因:驳回须写明理由', en: 'Reason is required for a rejection' },
    });
    const anon = phoneCase(s, { anonymous: true, customer: undefined });
    const anonymous = refusedUnchanged(() =>
      recordComplainantSign(s.ctx, s.users.clerk, { caseId: anon.id, sign: 'pestering' }),
    );
    expect(anonymous.messages).toEqual({
      zh: '匿名个案没有可记录的投诉人',
      en: 'An anonymous case names no complainant',
    });
    // A declined case (不予受理) takes a note only.
    const declined = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: declined.id,
      declineReason: 'not_consumer_dispute',
      declineText: '属租赁纠纷,不属于消费者权益争议。',
      referTo: '商场物业管理处',
    });
    const closed = refusedUnchanged(() =>
      recordComplainantSign(s.ctx, s.users.secretary, { caseId: declined.id, sign: 'pestering' }),
    );
    expect(closed.code).toBe('INVALID_TRANSITION');
    expect(closed.messages.en).toContain("record the complainant's conduct");
  });

  it('a 驳回 is refused below the threshold, saying the counts; allowed from it, local and other branches together', () => {
    s = openTestStore();
    unfoundedCase();
    const c = phoneCase(s);
    const below = refusedUnchanged(() =>
      recordComplainantSign(s.ctx, s.users.secretary, {
        caseId: c.id,
        sign: 'rejected',
        reason: '所述情况经核实不属实',
      }),
    );
    expect(below.code).toBe('CONFLICT');
    expect(below.messages.zh).toContain('失实达到 3 次');
    expect(below.messages.zh).toContain('本店 1 次,其他门店 0 次');
    expect(below.messages.en).toContain('1 here, 0 at other branches');
    expect(below.issues[0]?.field).toBe('sign');
    // Other branches' one more: still 2.
    otherBranches(1);
    expect(
      refusedUnchanged(() =>
        recordComplainantSign(s.ctx, s.users.secretary, { caseId: c.id, sign: 'rejected', reason: '不属实' }),
      ).messages.en,
    ).toContain('1 here, 1 at other branches');
    otherBranches(2);
    // A clerk may record signs but not reject.
    const clerk = refusedUnchanged(() =>
      recordComplainantSign(s.ctx, s.users.clerk, { caseId: c.id, sign: 'rejected', reason: '不属实' }),
    );
    expect(clerk.code).toBe('FORBIDDEN');
    expect(clerk.messages.en).toBe('Only the secretary or the manager may reject');
    const rejected = recordComplainantSign(s.ctx, s.users.secretary, {
      caseId: c.id,
      sign: 'rejected',
      reason: '已告知相关规定,所诉经三次核实均不属实',
    });
    const ev = rejected.events.at(-1);
    expect(ev).toMatchObject({ kind: 'complainant_sign', text: '已告知相关规定,所诉经三次核实均不属实' });
    expect(ev?.data?.sign).toBe('rejected');
    expect(rejected.status).toBe(c.status);
  });

  it('never refuses registration: a flagged customer’s complaint is registered like any other', () => {
    s = openTestStore();
    unfoundedCase();
    otherBranches(4);
    const check = intakeCheck(s.ctx, s.users.clerk, { phone: '138-0013-8000' });
    expect(check).toMatchObject({ unfoundedLast12Months: 1, flagged: true, otherBranches: { unfounded: 4 } });
    const c = phoneCase(s, { content: '又来反映鞋子开胶。' }, s.users.clerk);
    expect(c.status).toBe('registered');
  });
});
