// Personal data through the contract (issue 20 §1): reveal one case's or slip's contact with a reason; the access log.
import { accessLogFor } from '../services/access-log';
import { revealPersonalData } from '../services/personal-data-reveal';
import type { PrivateHandlers } from './types';

export const personalDataHandlers = {
  'personalData.reveal': (ctx, s, input) => revealPersonalData.parsed(ctx, s.actor, input),
  'personalData.accessLog': (ctx, s, input) => accessLogFor.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
