// The queue of corrective actions not yet confirmed (open, or done and awaiting 效果确认), overdue ones marked.
import { pendingCorrectiveActions } from '../db/repositories/corrective-action-repo';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { type CapaQueueRow, isCapaOverdue } from '../shared/corrective-action-types';
import { CapaQueueInput } from '../shared/schemas/corrective-action';
import type { ServiceContext } from './context';
import { withInput } from './with-input';

/** The queue lists at most this many actions (a branch has far fewer pending). */
const QUEUE_LIMIT = 500;

/**
 * Those who set or confirm actions see every pending one; anyone else sees the actions she is
 * responsible for, in person or through her unit. Rows carry no customer data.
 */
export const capaQueue = withInput(
  CapaQueueInput,
  function capaQueue(ctx: ServiceContext, actor: Actor): CapaQueueRow[] {
    const seesAll = can(actor.role, 'corrective_action');
    const now = ctx.now();
    return pendingCorrectiveActions(ctx.db, QUEUE_LIMIT)
      .filter(
        (a) =>
          seesAll ||
          a.responsibleUserId === actor.id ||
          (a.responsibleUnitId !== null && a.responsibleUnitId === actor.unitId),
      )
      .map((a) => ({ ...a, overdue: isCapaOverdue(a, now) }));
  },
);
