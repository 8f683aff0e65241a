// A person's request through the contract (issue 20 §3): find what is held under a phone, export it (PDF + JSON).
import { findPersonData } from '../services/person-data';
import { exportPersonData } from '../services/person-data-export';
import type { PrivateHandlers } from './types';

export const personDataHandlers = {
  'personalData.find': (ctx, s, input) => findPersonData.parsed(ctx, s.actor, input),
  'personalData.export': (ctx, s, input) =>
    exportPersonData.parsed(ctx, s.actor, input, ctx.fontDir ? { fontDir: ctx.fontDir } : {}),
} satisfies Partial<PrivateHandlers>;
