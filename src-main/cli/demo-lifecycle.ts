// One demo case's life, written as a generator: each `yield` is "wait this many minutes"
// (the simulation moves the clock to the next business moment), everything between yields
// is real service calls. The case stops where its plan says, or where today is reached.
import { loadCase } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { handlingDeadline } from '../domain/deadlines';
import { applyInstruction, extendToNextDay, promiseReply, recordFinding, setTypical } from '../services/case-details';
import { declineCase } from '../services/case-acceptance';
import { createCase } from '../services/case-intake';
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
} from '../services/case-workflow';
import type { ServiceContext } from '../services/context';
import { completeFollowUp, scheduleFollowUp } from '../services/follow-ups';
import { approveDrafted } from '../services/training-approval';
import type { Cause, CaseStatus } from '../shared/enums';
import type { CaseRecord } from '../shared/types';
import type { BusinessCalendar } from './demo-calendar';
import { declinedIntake, declineStory } from './demo-declines';
import { type DemoIntake, shiftDate } from './demo-intake';
import { DISPUTE_NOTES, FEEDBACK_NOTES, INSTRUCTIONS, resolutionFor, REVIEWERS } from './demo-text';
import type { Rng } from './prng';
import { demoSlip } from './demo-slips';

export type Wait = number;

export interface DemoActors {
  manager: Actor;
  secretary: Actor;
  supervisor: Actor;
  clerk: Actor;
  /** Unit staff by unit id. */
  unitStaff: Map<string, Actor>;
}

export interface LifeEnv {
  ctx: ServiceContext;
  rng: Rng;
  actors: DemoActors;
  calendar: BusinessCalendar;
  /** Starts a side story (a follow-up call) that runs alongside the case. */
  spawn(story: Generator<Wait, void, void>): void;
}

export interface CasePlan {
  /** Where the case should end up if time allows. */
  target: CaseStatus;
  dispute: boolean;
  unfounded: boolean;
  typical: boolean;
  reopen: boolean;
}

/** How far along the path each status is; disputed and fed back are both "after feedback". */
const STAGE: Record<CaseStatus, number> = {
  registered: 0,
  in_progress: 1,
  resolved: 2,
  fed_back: 3,
  disputed: 3,
  awaiting_instruction: 4,
  awaiting_review: 4,
  filed: 5,
  /** 不予受理 closes the case, as filing does. */
  not_accepted: 5,
};
const HOUR = 3_600_000;
const DAY_MIN = 24 * 60;
const iso = (t: number) => new Date(t).toISOString();

export function* caseLife(env: LifeEnv, intake: DemoIntake, plan: CasePlan): Generator<Wait, void, void> {
  const { ctx, rng, actors } = env;
  const { channel, categoryCode } = intake.input;
  const unitId = intake.input.complainedUnitId as string;
  const staff = actors.unitStaff.get(unitId);
  const stage = STAGE[plan.target];
  const gov = channel === 'government';
  const intaker =
    channel === 'in_store'
      ? rng.pick([actors.clerk, actors.clerk, staff ?? actors.clerk])
      : channel === 'other'
        ? actors.clerk
        : rng.chance(0.8)
          ? actors.secretary
          : actors.clerk;
  const story = plan.target === 'not_accepted' ? declineStory(rng, intake.input.anonymous === true) : null;
  const c: CaseRecord = createCase(ctx, intaker, story ? declinedIntake(intake.input, story) : intake.input);
  const caseId = c.id;
  if (story) {
    // The secretary reads it within hours and decides not to accept it (SPEC §12); the case is closed.
    yield rng.int(20, 180);
    declineCase(ctx, rng.chance(0.8) ? actors.secretary : actors.manager, {
      caseId,
      declineReason: story.reason,
      declineText: story.text,
      referTo: story.referTo,
    });
    return;
  }

  // Phone: next day with a reason; in store: with the customer's consent (SPEC §4).
  if ((channel === 'phone' || channel === 'in_store') && rng.chance(0.08)) {
    yield rng.int(5, 30);
    if (ctx.now() < handlingDeadline({ channel, receivedAt: c.receivedAt, extendedToNextDay: false }, ctx.settings())) {
      const by = channel === 'in_store' ? (staff ?? actors.supervisor) : actors.secretary;
      const reason =
        channel === 'in_store'
          ? '顾客同意明天到店处理'
          : rng.pick(['需厂家检测,已告知顾客', '当事营业员今日休息,明日核实']);
      extendToNextDay(ctx, by, { caseId, reason, ...(channel === 'in_store' ? { customerConsent: true } : {}) });
    }
  }
  if (stage < 1) return;

  // In store the unit often settles it on the spot, without the secretary forwarding it.
  if (!(channel === 'in_store' && stage >= 2 && rng.chance(0.4))) {
    yield rng.int(10, 90);
    forwardCase(ctx, rng.chance(0.85) ? actors.secretary : actors.supervisor, {
      caseId,
      handlingUnitId: unitId,
      assigneeId: (staff ?? actors.secretary).id,
      note: rng.pick(['请柜组核实后回复', '请尽快联系顾客', '请今日内处理完毕', undefined]),
    });
  }
  if (rng.chance(0.12)) {
    yield rng.int(5, 60);
    promiseReply(ctx, actors.secretary, {
      caseId,
      promisedAt: iso(ctx.now() + rng.int(3, 26) * HOUR),
      note: rng.pick(['顾客要求明天上午前答复', '约定核实后回电', '顾客下班后方便接听']),
    });
  }
  if (stage < 2) return;

  const resolver = () => staff ?? (rng.chance(0.7) ? actors.secretary : actors.supervisor);
  yield rng.int(30, 300);
  const resolution = resolutionFor(rng, categoryCode, intake.text.item, plan.unfounded);
  const handler = resolver();
  // Goods taken back are written on a return/exchange slip, linked to the case.
  const slip =
    resolution.type === 'refund' || resolution.type === 'exchange'
      ? demoSlip(
          ctx,
          rng,
          { handler, supervisor: actors.supervisor, manager: actors.manager },
          intake,
          caseId,
          resolution.type,
        )
      : null;
  resolveCase(ctx, handler, { caseId, ...resolution, ...(slip ? { slipNumbers: [slip.number] } : {}) });
  const needsFinding = plan.unfounded || plan.typical || categoryCode === 'product_quality' || rng.chance(0.4);
  if (stage < 3) return;
  if (needsFinding) {
    yield rng.int(5, 120);
    recordFinding(ctx, actors.secretary, { caseId, ...findingFor(rng, categoryCode, plan.unfounded) });
  }

  yield rng.int(20, 180);
  if (plan.dispute || plan.target === 'disputed') {
    // A government body answers the written reply (有异议); a customer disputes (有疑义).
    recordFeedback(ctx, actors.secretary, {
      caseId,
      ...(gov
        ? {
            bodyAnswer: 'objection',
            writtenReplyDate: env.calendar.localDate(ctx.now()),
            bodyAnswerNote: '受理部门有异议,要求当面说明',
          }
        : { disputed: true, satisfaction: 'unsatisfied', note: rng.pick(DISPUTE_NOTES) }),
    });
    const escalateNow = plan.target !== 'disputed' || rng.chance(0.5);
    if (!escalateNow) return;
    yield rng.int(60, DAY_MIN);
    if (gov)
      escalateCase(ctx, actors.manager, {
        caseId,
        kind: 'visit_government',
        note: '营业干部陪同秘书室前往受理部门说明情况',
        outcome: '受理部门认可处理结果',
      });
    else
      escalateCase(ctx, actors.supervisor, {
        caseId,
        kind: rng.pick(['duty_supervisor', 'secretary_office', 'consult_12315'] as const),
        note: '值班主管与顾客面谈协调',
        outcome: rng.pick(['同意按质量问题处理', '顾客接受补偿方案', undefined]),
      });
    if (plan.target === 'disputed') return;
    yield rng.int(30, 240);
    const to = rng.chance(0.5) ? 'in_progress' : 'resolved';
    resumeCase(ctx, actors.supervisor, {
      caseId,
      to,
      reason: to === 'in_progress' ? '按主管意见重新处理' : '面谈后维持原处理结果',
    });
    if (to === 'in_progress') {
      yield rng.int(30, 300);
      resolveCase(ctx, resolver(), {
        caseId,
        type: 'compensation',
        summary: '按主管意见追加补偿,顾客认可',
        amountFen: rng.int(50, 500) * 100,
      });
    }
    yield rng.int(20, 180);
  }
  recordFeedback(ctx, actors.secretary, {
    caseId,
    ...(gov
      ? { bodyAnswer: 'no_objection', writtenReplyDate: env.calendar.localDate(ctx.now()), note: '受理部门无异议' }
      : {
          disputed: false,
          satisfaction: rng.weighted([
            ['satisfied', 6],
            ['basically_satisfied', 3],
          ] as const),
          note: intake.input.anonymous ? '匿名投诉,处理结果已在网站公开回复' : rng.pick(FEEDBACK_NOTES),
        }),
  });
  if (!intake.input.anonymous && rng.chance(0.2)) {
    yield rng.int(10, 120);
    const dueDate = shiftDate(env.calendar.localDate(ctx.now()), rng.int(1, 7));
    const { followUp } = scheduleFollowUp(ctx, actors.secretary, {
      caseId,
      dueDate,
      note: rng.pick(['回访退款是否到账', '回访商品使用情况', '回访顾客满意度']),
    });
    env.spawn(followUpCall(env, followUp.id, followUp.dueAt));
  }
  if (stage < 4) return;

  // A typical case needs its finding first; needsFinding saw to that above.
  if (plan.typical) {
    yield rng.int(10, 600);
    setTypical(ctx, actors.secretary, { caseId, typical: true });
  }
  yield* signOffAndFile(env, caseId, plan);
  // The secretary approves most typical cases' training text as drafted; every third waits in her
  // queue (issue 17 §6). No random draw and no wait here, so the rest of the demo is unchanged.
  const typical = loadCase(ctx.db, caseId);
  if (plan.typical && typical?.typical && Number(typical.number.slice(-4)) % 3 !== 0)
    approveDrafted(ctx, actors.secretary, caseId);
  if (!plan.reopen) return;

  yield rng.int(1, 10) * DAY_MIN;
  reopenCase(ctx, actors.supervisor, {
    caseId,
    reason: rng.pick(['顾客再次来电,称问题未彻底解决', '部本部抽查发现处理记录不完整', '维修后同一问题再次出现']),
  });
  if (rng.chance(0.4)) return;
  yield rng.int(30, 600);
  resolveCase(ctx, resolver(), {
    caseId,
    type: 'exchange',
    summary: '再次核实后为顾客换新',
    amountFen: intake.text.item?.priceFen ?? 10000,
  });
  yield rng.int(20, 180);
  recordFeedback(ctx, actors.secretary, {
    caseId,
    ...(gov
      ? { bodyAnswer: 'no_objection', note: '受理部门无异议' }
      : { disputed: false, satisfaction: 'satisfied', note: '顾客表示满意' }),
  });
  yield* signOffAndFile(env, caseId, plan);
}

/** Submit for the head-office instruction or the manager's review, then file when it comes. */
function* signOffAndFile(env: LifeEnv, caseId: string, plan: CasePlan): Generator<Wait, void, void> {
  const { ctx, rng, actors } = env;
  yield rng.int(30, DAY_MIN);
  const submitted = submitCase(ctx, actors.secretary, { caseId });
  if (plan.target !== 'filed') {
    // Some reviewed cases simply wait for the secretary to file them.
    if (submitted.status === 'awaiting_review' && rng.chance(0.3)) {
      yield rng.int(120, 2 * DAY_MIN);
      reviewCase(ctx, actors.manager, { caseId, text: '同意,待建档' });
    }
    return;
  }
  if (submitted.status === 'awaiting_instruction') {
    // The instruction arrives through sync, days later: the branch is offline most of the time.
    yield rng.int(1, 5) * DAY_MIN + rng.int(0, 600);
    applyInstruction(ctx, {
      instructionId: ctx.newId(),
      caseId,
      text: rng.pick(INSTRUCTIONS),
      reviewerName: rng.pick(REVIEWERS),
      instructedAt: iso(ctx.now() - rng.int(1, 60) * 60_000),
    });
  } else {
    yield rng.int(120, 2 * DAY_MIN);
    reviewCase(ctx, actors.manager, {
      caseId,
      text: rng.pick(['同意归档', '同意,请相关柜组引以为戒', '处理得当,同意建档']),
    });
  }
  yield rng.int(10, DAY_MIN);
  fileCase(ctx, actors.secretary, { caseId });
}

/** The follow-up call on its due day; now and then it is forgotten and stays in the queue. */
function* followUpCall(env: LifeEnv, followUpId: string, dueAt: number): Generator<Wait, void, void> {
  const { ctx, rng, actors } = env;
  yield Math.max(0, (dueAt - ctx.now()) / 60_000 - rng.int(60, 600));
  if (rng.chance(0.15)) return;
  // A reopened case is back in handling; the call waits for the next round.
  const status = (
    stmt(ctx.db, 'SELECT c.status FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.id = ?').get(
      followUpId,
    ) as { status: CaseStatus }
  ).status;
  if (status === 'registered' || status === 'in_progress') return;
  const [outcome, result] = rng.pick([
    ['reached_satisfied', '顾客表示问题已解决,感谢回访'],
    ['reached_satisfied', '退款已到账,顾客满意'],
    ['reached_satisfied', '商品使用正常'],
    ['unreachable', '顾客未接听,短信告知'],
  ] as const);
  completeFollowUp(ctx, actors.secretary, { followUpId, outcome, result });
}

function findingFor(
  rng: Rng,
  category: string,
  unfounded: boolean,
): { cause: Cause; finding: 'founded' | 'partly_founded' | 'unfounded' } {
  if (unfounded) return { cause: 'customer', finding: 'unfounded' };
  const cause: Cause =
    category === 'service_attitude' || category === 'staff_service'
      ? 'staff'
      : category === 'other' && rng.chance(0.5)
        ? 'customer'
        : 'product_or_service';
  return { cause, finding: rng.chance(0.65) ? 'founded' : 'partly_founded' };
}
