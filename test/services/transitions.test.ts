// Every transition the status machine forbids is refused with a reason and changes nothing,
// and every action is refused to the roles SPEC §11 does not give it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-main/domain/case-machine';
import {
  addNote,
  applyInstruction,
  extendToNextDay,
  promiseReply,
  recordFinding,
  setTypical,
} from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import {
  escalateCase,
  fileCase,
  forwardCase,
  recordFeedback,
  reopenCase,
  resolveCase,
  resumeCase,
  reviewCase,
  submitCase,
} from '../../src-main/services/case-workflow';
import { scheduleFollowUp } from '../../src-main/services/follow-ups';
import type { CaseStatus } from '../../src-main/shared/enums';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
beforeAll(() => {
  s = openTestStore();
});
afterAll(() => s.close());

type Call = (actor: Actor, caseId: string) => unknown;
const ACTIONS: Record<string, Call> = {
  forward: (a, id) => forwardCase(s.ctx, a, { caseId: id, handlingUnitId: s.units.shoes }),
  resolve: (a, id) => resolveCase(s.ctx, a, { caseId: id, type: 'apology', summary: '当面道歉' }),
  feedback: (a, id) => recordFeedback(s.ctx, a, { caseId: id, satisfaction: 'satisfied', disputed: false }),
  escalate: (a, id) => escalateCase(s.ctx, a, { caseId: id, kind: 'duty_supervisor', note: '请值班主管协助' }),
  resume: (a, id) => resumeCase(s.ctx, a, { caseId: id, to: 'in_progress', reason: '继续处理' }),
  submit: (a, id) => submitCase(s.ctx, a, { caseId: id }),
  review: (a, id) => reviewCase(s.ctx, a, { caseId: id, text: '同意' }),
  file: (a, id) => fileCase(s.ctx, a, { caseId: id }),
  reopen: (a, id) => reopenCase(s.ctx, a, { caseId: id, reason: '顾客再次来电' }),
  note: (a, id) => addNote(s.ctx, a, { caseId: id, text: '已致电顾客' }),
  promise: (a, id) => promiseReply(s.ctx, a, { caseId: id, promisedAt: new Date(s.clock.t + 3_600_000).toISOString() }),
  extend: (a, id) => extendToNextDay(s.ctx, a, { caseId: id, reason: '需检测', customerConsent: true }),
  finding: (a, id) => recordFinding(s.ctx, a, { caseId: id, cause: 'staff', finding: 'partly_founded' }),
  typical: (a, id) => setTypical(s.ctx, a, { caseId: id, typical: true }),
  follow_up: (a, id) => scheduleFollowUp(s.ctx, a, { caseId: id, dueDate: '2026-11-30' }),
};

/** Where each action may start (SPEC §3), written out independently of the implementation. */
const ALLOWED_FROM: Record<string, CaseStatus[]> = {
  forward: ['registered', 'in_progress'],
  resolve: ['registered', 'in_progress'],
  feedback: ['resolved'],
  escalate: ['in_progress', 'resolved', 'disputed'],
  resume: ['disputed'],
  submit: ['fed_back'],
  review: ['awaiting_review'],
  file: ['fed_back', 'awaiting_instruction', 'awaiting_review'],
  reopen: ['filed'],
  promise: ['registered', 'in_progress', 'resolved', 'fed_back', 'disputed'],
  extend: ['registered', 'in_progress'],
  finding: ['in_progress', 'resolved', 'fed_back', 'disputed', 'awaiting_instruction', 'awaiting_review'],
  follow_up: ['resolved', 'fed_back', 'disputed', 'awaiting_instruction', 'awaiting_review', 'filed'],
};

const ALL: CaseStatus[] = [
  'registered',
  'in_progress',
  'resolved',
  'fed_back',
  'disputed',
  'awaiting_instruction',
  'awaiting_review',
  'filed',
];

let n = 0;
function caseIn(status: CaseStatus): string {
  const m = s.users.manager;
  const gov = status === 'awaiting_review';
  const c = createCase(s.ctx, m, {
    channel: gov ? 'government' : 'phone',
    customer: { name: `顾客${++n}`, phone: `1390000${String(n).padStart(4, '0')}` },
    ...(gov ? { government: { body: 'consumer_association' as const, referenceNo: `XW-${n}` } } : {}),
    content: '商品与描述不符',
    categoryCode: 'price',
  });
  if (status === 'registered') return c.id;
  forwardCase(s.ctx, m, { caseId: c.id, handlingUnitId: s.units.shoes });
  if (status === 'in_progress') return c.id;
  resolveCase(s.ctx, m, { caseId: c.id, type: 'explanation', summary: '已解释价格' });
  if (status === 'resolved') return c.id;
  recordFeedback(s.ctx, m, {
    caseId: c.id,
    satisfaction: status === 'disputed' ? 'unsatisfied' : 'satisfied',
    // A government body answers instead of the customer disputing (procedure 3).
    ...(gov
      ? { bodyAnswer: 'no_objection' as const, writtenReplyDate: '2026-11-24' }
      : { disputed: status === 'disputed' }),
  });
  if (status === 'disputed' || status === 'fed_back') return c.id;
  submitCase(s.ctx, m, { caseId: c.id });
  if (status !== 'filed') return c.id;
  applyInstruction(s.ctx, {
    instructionId: s.ctx.newId(),
    caseId: c.id,
    text: '同意',
    reviewerName: '部本部',
    instructedAt: new Date(s.clock.t).toISOString(),
  });
  fileCase(s.ctx, m, { caseId: c.id });
  return c.id;
}

function expectRefused(call: () => unknown, code: string) {
  const before = storeCounts(s.db);
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).messages.zh.length).toBeGreaterThan(0);
  expect((err as AppError).messages.en.length).toBeGreaterThan(0);
  expect(storeCounts(s.db)).toEqual(before);
}

describe('forbidden transitions', () => {
  const cases: [string, CaseStatus][] = [];
  for (const [action, from] of Object.entries(ALLOWED_FROM))
    for (const st of ALL) if (!from.includes(st)) cases.push([action, st]);

  it.each(cases)('%s from %s is refused and changes nothing', (action, status) => {
    const id = caseIn(status);
    expectRefused(() => ACTIONS[action]!(s.users.manager, id), 'INVALID_TRANSITION');
  });

  /** What each action needs besides the status (SPEC §3), set up before the call. */
  const prepare = (action: string, status: CaseStatus, id: string) => {
    const m = s.users.manager;
    if (action === 'resume') escalateCase(s.ctx, m, { caseId: id, kind: 'secretary_office', note: '秘书室协调' });
    if (action === 'file' && status === 'awaiting_instruction') {
      applyInstruction(s.ctx, {
        instructionId: s.ctx.newId(),
        caseId: id,
        text: '同意',
        reviewerName: '部本部',
        instructedAt: new Date(s.clock.t).toISOString(),
      });
    }
    if (action === 'file' && status === 'awaiting_review') reviewCase(s.ctx, m, { caseId: id, text: '同意归档' });
  };

  it.each(Object.entries(ALLOWED_FROM))('%s is accepted from every status it may start from', (action, from) => {
    for (const st of from) {
      const id = caseIn(st);
      prepare(action, st, id);
      // Filing straight from "fed back" is for channels whose sign-off setting is "none".
      const saved = s.settings.signOff.phone;
      if (action === 'file' && st === 'fed_back') s.settings.signOff.phone = 'none';
      try {
        expect(() => ACTIONS[action]!(s.users.manager, id), `${action} from ${st}`).not.toThrow();
      } finally {
        s.settings.signOff.phone = saved;
      }
    }
  });
});

describe('roles (SPEC §11)', () => {
  const ROLE_REFUSALS: [string, keyof TestStore['users'], CaseStatus][] = [
    ['forward', 'clerk', 'registered'],
    ['forward', 'staff', 'registered'],
    ['resolve', 'clerk', 'in_progress'],
    ['resolve', 'otherStaff', 'in_progress'],
    ['feedback', 'clerk', 'resolved'],
    ['feedback', 'staff', 'resolved'],
    ['escalate', 'clerk', 'disputed'],
    ['resume', 'staff', 'disputed'],
    ['submit', 'clerk', 'fed_back'],
    ['submit', 'staff', 'fed_back'],
    ['review', 'secretary', 'awaiting_review'],
    ['review', 'supervisor', 'awaiting_review'],
    ['file', 'clerk', 'fed_back'],
    ['reopen', 'secretary', 'filed'],
    ['reopen', 'clerk', 'filed'],
    ['finding', 'clerk', 'in_progress'],
    ['typical', 'staff', 'in_progress'],
    ['follow_up', 'clerk', 'fed_back'],
    ['extend', 'clerk', 'registered'],
  ];
  it.each(ROLE_REFUSALS)('%s by %s is forbidden', (action, who, status) => {
    const id = caseIn(status);
    expectRefused(() => ACTIONS[action]!(s.users[who], id), 'FORBIDDEN');
  });

  it('unit staff resolve cases of their own unit', () => {
    const id = caseIn('in_progress');
    expect(() => ACTIONS.resolve!(s.users.staff, id)).not.toThrow();
  });

  it('a supervisor reopens a filed case with a reason', () => {
    const id = caseIn('filed');
    const r = reopenCase(s.ctx, s.users.supervisor, { caseId: id, reason: '顾客再次投诉同一问题' });
    expect(r.status).toBe('in_progress');
    expect(r.reopenCount).toBe(1);
    // The old instruction predates the reopening: a new one is needed before filing again.
    resolveCase(s.ctx, s.users.supervisor, { caseId: id, type: 'apology', summary: '再次致歉' });
    recordFeedback(s.ctx, s.users.supervisor, { caseId: id, satisfaction: 'satisfied', disputed: false });
    submitCase(s.ctx, s.users.supervisor, { caseId: id });
    expectRefused(() => fileCase(s.ctx, s.users.supervisor, { caseId: id }), 'INVALID_TRANSITION');
  });

  it('filing with an unkept promise, or a typical case without a finding, is refused', () => {
    const id = caseIn('fed_back');
    setTypical(s.ctx, s.users.secretary, { caseId: id, typical: true });
    expectRefused(() => submitCase(s.ctx, s.users.secretary, { caseId: id }), 'INVALID_TRANSITION');
    promiseReply(s.ctx, s.users.secretary, { caseId: id, promisedAt: new Date(s.clock.t + 86_400_000).toISOString() });
    recordFinding(s.ctx, s.users.secretary, { caseId: id, cause: 'customer', finding: 'unfounded' });
    submitCase(s.ctx, s.users.secretary, { caseId: id });
    applyInstruction(s.ctx, {
      instructionId: s.ctx.newId(),
      caseId: id,
      text: '同意',
      reviewerName: '部本部',
      instructedAt: new Date(s.clock.t).toISOString(),
    });
    expectRefused(() => fileCase(s.ctx, s.users.secretary, { caseId: id }), 'INVALID_TRANSITION');
  });
});
