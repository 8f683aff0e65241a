// The secretary's approval of training text (issue 17 §6) through the contract: queue, draft, approve, send back.
import { approveTraining, returnTraining, trainingDraft, trainingQueue } from '../services/training-approval';
import type { PrivateHandlers } from './types';

export const trainingHandlers = {
  'training.queue': (ctx, s, input) => trainingQueue.parsed(ctx, s.actor, input),
  'training.draft': (ctx, s, input) => trainingDraft.parsed(ctx, s.actor, input),
  'training.approve': (ctx, s, input) => approveTraining.parsed(ctx, s.actor, input),
  'training.return': (ctx, s, input) => returnTraining.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
