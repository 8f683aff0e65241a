// Return/exchange slips through the contract: create, read, approve, void, settle; queues and search.
// What a slip channel answers carries the customer's phone masked (issue 20; services/personal-data.ts).
import { listSlips, slipCounts } from '../services/slip-queues';
import { searchSlips } from '../services/slip-search';
import { approveSlip, createSlip, getSlip, getSlipByNumber, settleSlip, viewSlip, voidSlip } from '../services/slips';
import { maskSlipContact } from '../services/personal-data';
import type { PrivateHandlers } from './types';

export const slipHandlers = {
  'slips.create': (ctx, s, input) => maskSlipContact(createSlip.parsed(ctx, s.actor, input)),
  'slips.get': (ctx, s, input) => getSlip.parsed(ctx, s.actor, input),
  'slips.getByNumber': (ctx, s, input) => getSlipByNumber.parsed(ctx, s.actor, input),
  'slips.approve': (ctx, s, input) => maskSlipContact(approveSlip.parsed(ctx, s.actor, input)),
  'slips.void': (ctx, s, input) => maskSlipContact(voidSlip.parsed(ctx, s.actor, input)),
  'slips.settle': (ctx, s, input) => maskSlipContact(settleSlip.parsed(ctx, s.actor, input)),
  'slips.view': (ctx, s, input) => viewSlip.parsed(ctx, s.actor, input),
  'slips.list': (ctx, s, input) => listSlips.parsed(ctx, s.actor, input),
  'slips.counts': (ctx, s) => slipCounts(ctx, s.actor),
  'slips.search': (ctx, s, input) => searchSlips.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
