// Guided handling at the branch (issue 21 §3): the phrase library in force for the side panel, and the
// steps a clerk ticks on a case. A tick or an untick is a change of the case through its single
// mutation path: a timeline entry, the audit row and the case snapshot (with its ticked steps) in the
// outbox, in one transaction. Who may: anyone who may add a note to the case; never on a filed or
// declined case (the status machine's `handling_step`); only a step of the library for the case's channel.
import { deleteTick, insertTick } from '../db/repositories/handling-step-repo';
import { phraseLibrary } from '../db/repositories/reference-repo';
import type { Actor } from '../domain/case-machine';
import type { Channel } from '../shared/enums';
import { refuse } from '../shared/errors';
import { type GuidanceLibrary, type HandlingStepTick, stepsForChannel, TickStepInput } from '../shared/handling-guide';
import type { HandlingStep } from '../shared/reference-data';
import type { CaseRecord } from '../shared/types';
import { authorOf, mutateCase } from './case-store';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** The library in force: head office's when received, else the one shipped with the app. */
export const guidanceLibrary = (ctx: ServiceContext): GuidanceLibrary => phraseLibrary(ctx.db);

/** The step of the library in force for this channel; refused (VALIDATION) for any other key. */
export function requireStep(ctx: ServiceContext, channel: Channel, stepKey: string): HandlingStep {
  const step = stepsForChannel(phraseLibrary(ctx.db).library, channel).find((s) => s.key === stepKey);
  if (!step)
    throw refuse(
      'VALIDATION',
      `处理步骤 ${stepKey} 不在本渠道的话术库中`,
      `The handling step ${stepKey} is not in the library for this channel`,
      [{ field: 'stepKey', message: { zh: '没有这个处理步骤', en: 'No such handling step' } }],
    );
  return step;
}

export const tickHandlingStep = withInput(
  TickStepInput,
  function tickHandlingStep(ctx: ServiceContext, actor: Actor, input: Parsed<typeof TickStepInput>): CaseRecord {
    return mutateCase(ctx, authorOf(actor), actor, input.caseId, 'handling_step', (c) => {
      const step = requireStep(ctx, c.channel, input.stepKey);
      const tick: HandlingStepTick = {
        stepKey: step.key,
        tickedBy: actor.id,
        tickedByName: actor.name,
        tickedAt: ctx.now(),
      };
      const changed = input.ticked ? insertTick(ctx.db, c.id, tick) : deleteTick(ctx.db, c.id, step.key);
      if (!changed)
        throw refuse(
          'CONFLICT',
          input.ticked ? `“${step.title.zh}”已勾选` : `“${step.title.zh}”尚未勾选`,
          input.ticked ? `“${step.title.en}” is already ticked` : `“${step.title.en}” is not ticked`,
        );
      const mark = input.ticked ? '✓' : '✗';
      return {
        event: {
          text: `${mark} ${step.title.zh} · ${step.title.en}`,
          data: { stepKey: step.key, ticked: input.ticked },
        },
      };
    });
  },
);

/**
 * The steps ticked at intake, written with the new case (inside its transaction, before its snapshot
 * is taken); each must be a step of the library for the channel. Answers the ticks as stored.
 */
export function tickAtIntake(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  channel: Channel,
  stepKeys: readonly string[],
): HandlingStepTick[] {
  const now = ctx.now();
  return [...new Set(stepKeys)].map((key) => {
    const tick = {
      stepKey: requireStep(ctx, channel, key).key,
      tickedBy: actor.id,
      tickedByName: actor.name,
      tickedAt: now,
    };
    insertTick(ctx.db, caseId, tick);
    return tick;
  });
}
