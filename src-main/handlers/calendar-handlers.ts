// The working calendar through the contract (issue 21 §2): the year view, the manager's local closures.
import { addLocalClosure, calendarYearView, removeLocalClosure } from '../services/working-calendar';
import type { PrivateHandlers } from './types';

export const calendarHandlers = {
  'calendar.year': (ctx, s, input) => calendarYearView.parsed(ctx, s.actor, input),
  'calendar.closureAdd': (ctx, s, input) => addLocalClosure.parsed(ctx, s.actor, input),
  'calendar.closureRemove': (ctx, s, input) => removeLocalClosure.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
