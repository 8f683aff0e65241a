// Cases, follow-ups, queues and search through the contract. Every case a handler answers with
// goes through `toView`: the output type is CaseView, so a raw record does not compile.
import type { Actor } from '../domain/case-machine';
import {
  addNote,
  extendToNextDay,
  answerPromise,
  recordEscalationOutcome,
  promiseReply,
  recordFinding,
  setTypical,
} from '../services/case-details';
import { declineCase } from '../services/case-acceptance';
import { caseHistory } from '../services/case-history';
import { caseReminders, markRemindersSeen, remindersWaiting } from '../services/case-reminders';
import { createCase, intakeCheck } from '../services/case-intake';
import { getCase, getCaseByNumber, toView } from '../services/case-read';
import { intakeMatches } from '../services/intake-matches';
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
import { fileUnreachable } from '../services/follow-up-tasks';
import { completeFollowUp, scheduleFollowUp } from '../services/follow-ups';
import { listQueue, queueCounts } from '../services/queues';
import { searchCases } from '../services/search';
import type { CaseRecord, CaseView, FollowUp } from '../shared/types';
import type { PrivateHandlers, SignedIn } from './types';

/** A case mutation answered with the case as this user may see it. */
const viewing =
  <I>(fn: (ctx: ServiceContext, actor: Actor, input: I) => CaseRecord) =>
  (ctx: ServiceContext, s: SignedIn, input: I): CaseView =>
    toView(ctx, s.actor, fn(ctx, s.actor, input));

/** A follow-up change answered with its case as this user may see it. */
const followUpView =
  <I>(fn: (ctx: ServiceContext, actor: Actor, input: I) => { case: CaseRecord; followUp: FollowUp }) =>
  (ctx: ServiceContext, s: SignedIn, input: I) => {
    const r = fn(ctx, s.actor, input);
    return { case: toView(ctx, s.actor, r.case), followUp: r.followUp };
  };

export const caseHandlers = {
  'intake.check': (ctx, s, input) => intakeCheck.parsed(ctx, s.actor, input),
  'intake.matches': (ctx, s, input) => intakeMatches.parsed(ctx, s.actor, input),
  'cases.create': viewing(createCase.parsed),
  'cases.get': (ctx, s, input) => getCase.parsed(ctx, s.actor, input),
  'cases.getByNumber': (ctx, s, input) => getCaseByNumber.parsed(ctx, s.actor, input),
  'cases.forward': viewing(forwardCase.parsed),
  'cases.decline': viewing(declineCase.parsed),
  'cases.resolve': (ctx, s, input) => {
    const r = resolveCase.parsed(ctx, s.actor, input);
    return { ...toView(ctx, s.actor, r), warnings: r.warnings };
  },
  'cases.feedback': viewing(recordFeedback.parsed),
  'cases.escalate': viewing(escalateCase.parsed),
  'cases.resume': viewing(resumeCase.parsed),
  'cases.submit': viewing(submitCase.parsed),
  'cases.review': viewing(reviewCase.parsed),
  'cases.file': viewing(fileCase.parsed),
  'cases.reopen': viewing(reopenCase.parsed),
  'cases.addNote': viewing(addNote.parsed),
  'cases.promise': viewing(promiseReply.parsed),
  'cases.answerPromise': viewing(answerPromise.parsed),
  'cases.extend': viewing(extendToNextDay.parsed),
  'cases.finding': viewing(recordFinding.parsed),
  'cases.typical': viewing(setTypical.parsed),
  'cases.escalationOutcome': viewing(recordEscalationOutcome.parsed),
  'cases.history': (ctx, s, input) => caseHistory.parsed(ctx, s.actor, input),
  'followUps.schedule': followUpView(scheduleFollowUp.parsed),
  'followUps.complete': followUpView(completeFollowUp.parsed),
  'cases.fileUnreachable': viewing(fileUnreachable.parsed),
  'queues.list': (ctx, s, input) => listQueue.parsed(ctx, s.actor, input),
  'queues.counts': (ctx, s) => queueCounts(ctx, s.actor),
  'reminders.ofCase': (ctx, s, input) => caseReminders.parsed(ctx, s.actor, input),
  'reminders.markSeen': (ctx, s, input) => markRemindersSeen.parsed(ctx, s.actor, input),
  'reminders.waiting': (ctx, s) => remindersWaiting(ctx, s.actor),
  'search.cases': (ctx, s, input) => searchCases.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
