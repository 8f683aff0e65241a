import type { Actor } from '../domain/case-machine';
import { addNote, extendToNextDay, keepPromises, promiseReply, recordFinding, setTypical } from '../services/case-details';
import { createCase, intakeCheck } from '../services/case-intake';
import { getCase, getCaseByNumber, toView } from '../services/case-read';
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
import { listQueue, queueCounts } from '../services/queues';
import { searchCases } from '../services/search';
import type { CaseRecord } from '../shared/types';
import type { Handler } from './types';

type Mutation = (ctx: ServiceContext, actor: Actor, input: unknown) => CaseRecord;

/** A case mutation answered with the case as this user may see it. */
const viewing =
  (fn: Mutation) =>
  (ctx: ServiceContext, s: { actor: Actor }, input: unknown) =>
    toView(ctx, s.actor, fn(ctx, s.actor, input));

export const caseHandlers = {
  'intake.check': ((ctx, s, input) => intakeCheck(ctx, s.actor, input)) as Handler<'intake.check'>,
  'cases.create': viewing(createCase) as Handler<'cases.create'>,
  'cases.get': ((ctx, s, input) => getCase(ctx, s.actor, input)) as Handler<'cases.get'>,
  'cases.getByNumber': ((ctx, s, input) => getCaseByNumber(ctx, s.actor, input)) as Handler<'cases.getByNumber'>,
  'cases.forward': viewing(forwardCase) as Handler<'cases.forward'>,
  'cases.resolve': viewing(resolveCase) as Handler<'cases.resolve'>,
  'cases.feedback': viewing(recordFeedback) as Handler<'cases.feedback'>,
  'cases.escalate': viewing(escalateCase) as Handler<'cases.escalate'>,
  'cases.resume': viewing(resumeCase) as Handler<'cases.resume'>,
  'cases.submit': viewing(submitCase) as Handler<'cases.submit'>,
  'cases.review': viewing(reviewCase) as Handler<'cases.review'>,
  'cases.file': viewing(fileCase) as Handler<'cases.file'>,
  'cases.reopen': viewing(reopenCase) as Handler<'cases.reopen'>,
  'cases.addNote': viewing(addNote) as Handler<'cases.addNote'>,
  'cases.promise': viewing(promiseReply) as Handler<'cases.promise'>,
  'cases.keepPromises': viewing(keepPromises) as Handler<'cases.keepPromises'>,
  'cases.extend': viewing(extendToNextDay) as Handler<'cases.extend'>,
  'cases.finding': viewing(recordFinding) as Handler<'cases.finding'>,
  'cases.typical': viewing(setTypical) as Handler<'cases.typical'>,
  'followUps.schedule': ((ctx, s, input) => {
    const r = scheduleFollowUp(ctx, s.actor, input);
    return { case: toView(ctx, s.actor, r.case), followUp: r.followUp };
  }) as Handler<'followUps.schedule'>,
  'followUps.complete': ((ctx, s, input) => {
    const r = completeFollowUp(ctx, s.actor, input);
    return { case: toView(ctx, s.actor, r.case), followUp: r.followUp };
  }) as Handler<'followUps.complete'>,
  'queues.list': ((ctx, s, input) => listQueue(ctx, s.actor, input)) as Handler<'queues.list'>,
  'queues.counts': ((ctx, s) => queueCounts(ctx, s.actor)) as Handler<'queues.counts'>,
  'search.cases': ((ctx, s, input) => searchCases(ctx, s.actor, input)) as Handler<'search.cases'>,
};
