// Product flags, the 主动访谈 calls and head office's notices (issue 18 §2) through the contract.
import { acknowledgeNotice, noticesWaiting } from '../services/head-office-notices';
import { scheduleItemCalls } from '../services/product-calls';
import { flaggedItems, itemComplainants } from '../services/product-flags';
import type { PrivateHandlers } from './types';

export const productHandlers = {
  'products.flags': (ctx, s) => flaggedItems(ctx, s.actor),
  'products.complainants': (ctx, s, input) => itemComplainants.parsed(ctx, s.actor, input),
  'products.scheduleCalls': (ctx, s, input) => scheduleItemCalls.parsed(ctx, s.actor, input),
  'notices.waiting': (ctx, s) => noticesWaiting(ctx, s.actor),
  'notices.acknowledge': (ctx, s, input) => acknowledgeNotice.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
