import { approveSlip, createSlip, getSlip, getSlipByNumber, settleSlip, voidSlip } from '../services/slips';
import type { Handler } from './types';

export const slipHandlers = {
  'slips.create': ((ctx, s, input) => createSlip(ctx, s.actor, input)) as Handler<'slips.create'>,
  'slips.get': ((ctx, _s, input) => getSlip(ctx, input)) as Handler<'slips.get'>,
  'slips.getByNumber': ((ctx, _s, input) => getSlipByNumber(ctx, input)) as Handler<'slips.getByNumber'>,
  'slips.approve': ((ctx, s, input) => approveSlip(ctx, s.actor, input)) as Handler<'slips.approve'>,
  'slips.void': ((ctx, s, input) => voidSlip(ctx, s.actor, input)) as Handler<'slips.void'>,
  'slips.settle': ((ctx, s, input) => settleSlip(ctx, s.actor, input)) as Handler<'slips.settle'>,
};
