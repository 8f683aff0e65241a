// Double refunds across branches as the branch shows them (issue 18 §4): head office's list from the
// last sync (db/repositories/cross-branch-repo.ts), for one slip on its screen, or every one whose slip here the
// user may see (home screen), each with when head office computed it.
import type { Actor } from '../domain/case-machine';
import { z } from 'zod';
import { SlipRef } from '../shared/schemas/slip';
import type { DoubleRefund, DoubleRefundsView } from '../shared/cross-branch-types';
import { crossBranchAsOf, doubleRefundsHeld, doubleRefundsOfSlip } from '../db/repositories/cross-branch-repo';
import type { ServiceContext } from './context';
import { getSlip } from './slips';
import { slipScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

/** This branch's slips among a double refund's, as ids the screen can open (only those `actor` may see). */
function withLocalSlips(ctx: ServiceContext, actor: Actor, refunds: DoubleRefund[]): DoubleRefundsView['refunds'] {
  const scope = slipScope(ctx, actor);
  const find = ctx.db.prepare(`SELECT s.id, s.number FROM slips s WHERE s.number = ? AND ${scope.sql}`);
  return refunds
    .map((r) => ({
      ...r,
      localSlips: r.slips.flatMap((s) => find.all(s.number, ...scope.args) as { id: string; number: string }[]),
    }))
    .filter((r) => r.localSlips.length > 0);
}

export const slipDoubleRefunds = withInput(
  SlipRef,
  function slipDoubleRefunds(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipRef>): DoubleRefundsView {
    const slip = getSlip.parsed(ctx, actor, input);
    return {
      asOf: crossBranchAsOf(ctx.db),
      refunds: withLocalSlips(ctx, actor, doubleRefundsOfSlip(ctx.db, slip.number)),
    };
  },
);

const Empty = z.strictObject({});

export const doubleRefundsWaiting = withInput(
  Empty,
  function doubleRefundsWaiting(ctx: ServiceContext, actor: Actor): DoubleRefundsView {
    return { asOf: crossBranchAsOf(ctx.db), refunds: withLocalSlips(ctx, actor, doubleRefundsHeld(ctx.db)) };
  },
);
