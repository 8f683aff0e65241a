// The 主动访谈 calls of a flagged item (issue 18 §2, 004 "对正在使用同类产品的顾客要主动访谈"): one
// action schedules a follow-up task (回访) on each complainant's case (product-flags.ts lists
// them), due on the chosen day, assigned to whoever schedules them. A case where a follow-up may
// not be scheduled yet (before its result is recorded) is left as it is and named with the reason.
import type { Actor } from '../domain/case-machine';
import { isAppError } from '../shared/errors';
import type { ItemCallsResult } from '../shared/product-types';
import { ItemCallsInput } from '../shared/schemas/products';
import type { ServiceContext } from './context';
import { scheduleFollowUp } from './follow-ups';
import { complainantCases } from './product-flags';
import { withInput, type Parsed } from './with-input';

/** The note each call's follow-up carries, naming the item. */
export const callNote = (item: string): string => `主动访谈:${item} · Proactive call: ${item}`;

export const scheduleItemCalls = withInput(
  ItemCallsInput,
  function scheduleItemCalls(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ItemCallsInput>): ItemCallsResult {
    const cases = complainantCases(ctx, actor, input.itemKey);
    const name = cases[0]?.items.find((i) => i.name)?.name ?? input.itemKey;
    const out: ItemCallsResult = { scheduled: [], skipped: [] };
    for (const c of cases) {
      try {
        const done = scheduleFollowUp(ctx, actor, {
          caseId: c.row.id,
          dueDate: input.dueDate,
          note: callNote(name).slice(0, 500),
        });
        out.scheduled.push({ caseId: c.row.id, caseNumber: c.row.number, followUpId: done.followUp.id });
      } catch (e) {
        // A refusal on the date concerns every case: it is the caller's to correct.
        if (!isAppError(e) || e.code === 'VALIDATION') throw e;
        out.skipped.push({ caseId: c.row.id, caseNumber: c.row.number, reason: e.messages });
      }
    }
    return out;
  },
);
