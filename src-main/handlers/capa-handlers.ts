// Corrective actions (纠正预防措施, issue 18 §1) through the contract: set, done, confirm, send back, the queue,
// and the manager's per-staff and per-unit view. Each change is answered with its case as this user may see it.
import { capaAccounts } from '../services/capa-accounts';
import { capaQueue } from '../services/capa-queue';
import { toView } from '../services/case-read';
import type { ServiceContext } from '../services/context';
import {
  confirmCorrectiveAction,
  createCorrectiveAction,
  markCorrectiveActionDone,
  returnCorrectiveAction,
} from '../services/corrective-actions';
import type { Actor } from '../domain/case-machine';
import type { CorrectiveAction } from '../shared/corrective-action-types';
import type { CaseRecord } from '../shared/types';
import type { PrivateHandlers, SignedIn } from './types';

const withView =
  <I>(fn: (ctx: ServiceContext, actor: Actor, input: I) => { case: CaseRecord; action: CorrectiveAction }) =>
  (ctx: ServiceContext, s: SignedIn, input: I) => {
    const r = fn(ctx, s.actor, input);
    return { case: toView(ctx, s.actor, r.case), action: r.action };
  };

export const capaHandlers = {
  'capa.create': withView(createCorrectiveAction.parsed),
  'capa.done': withView(markCorrectiveActionDone.parsed),
  'capa.confirm': withView(confirmCorrectiveAction.parsed),
  'capa.return': withView(returnCorrectiveAction.parsed),
  'capa.queue': (ctx, s) => capaQueue.parsed(ctx, s.actor, {}),
  'capa.accounts': (ctx, s, input) => capaAccounts.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
