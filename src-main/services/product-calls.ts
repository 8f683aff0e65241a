// The 主动访谈 calls of a flagged item (issue 18 §2, 004 "对正在使用同类产品的顾客要主动访谈"): one
// action schedules one follow-up task (回访) per complainant (product-flags.ts lists them), on
// their newest case that takes one, due on the chosen day, assigned to whoever schedules them. A
// customer none of whose cases takes a follow-up yet (before a result is recorded) is named with the reason.
import type { Actor } from '../domain/case-machine';
import { type Bilingual, isAppError } from '../shared/errors';
import type { ItemCallsResult } from '../shared/product-types';
import { ItemCallsInput } from '../shared/schemas/products';
import type { ServiceContext } from './context';
import { scheduleFollowUp } from './follow-ups';
import { complainantCases, type WindowCase } from './product-flags';
import { withInput, type Parsed } from './with-input';

/** The note each call's follow-up carries, naming the item. */
export const callNote = (item: string): string => `主动访谈:${item} · Proactive call: ${item}`;

/** One follow-up on the customer's newest case that takes one; null and the last refusal when none does. */
function callOn(ctx: ServiceContext, actor: Actor, cases: WindowCase[], dueDate: string, note: string) {
  let reason: Bilingual = { zh: '', en: '' };
  for (const c of cases) {
    try {
      return { case: c, followUpId: scheduleFollowUp(ctx, actor, { caseId: c.row.id, dueDate, note }).followUp.id };
    } catch (e) {
      // A refusal of the date concerns every case: it is the caller's to correct.
      if (!isAppError(e) || e.code === 'VALIDATION') throw e;
      reason = e.messages;
    }
  }
  return { case: null, reason };
}

export const scheduleItemCalls = withInput(
  ItemCallsInput,
  function scheduleItemCalls(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ItemCallsInput>): ItemCallsResult {
    const customers = complainantCases(ctx, actor, input.itemKey);
    const name = customers[0]?.[0]?.items.find((i) => i.name)?.name ?? input.itemKey;
    const note = callNote(name).slice(0, 500);
    const out: ItemCallsResult = { scheduled: [], skipped: [] };
    for (const cases of customers) {
      const newest = cases[0];
      if (!newest) continue;
      const done = callOn(ctx, actor, cases, input.dueDate, note);
      if (done.case)
        out.scheduled.push({ caseId: done.case.row.id, caseNumber: done.case.row.number, followUpId: done.followUpId });
      else out.skipped.push({ caseId: newest.row.id, caseNumber: newest.row.number, reason: done.reason });
    }
    return out;
  },
);
