// When business hours, the time zone or the government reply days change, the stored
// deadlines of open cases (kept only to order the queues) are recomputed from the facts.
// So are they when the working calendar changes (a calendar year stored, a local closure added or
// removed): the kept calendar is forgotten first. This is not a change to any case, so it writes no audit or outbox rows.
import { stmt } from '../db/statements';
import { dueFor } from './case-store';
import type { ServiceContext } from './context';
import { forgetWorkingCalendar } from './working-calendar-cache';

interface OpenRow {
  id: string;
  channel: Parameters<typeof dueFor>[1]['channel'];
  status: Parameters<typeof dueFor>[1]['status'];
  receivedAt: number;
  extendedAt: number | null;
  firstFedBackAt: number | null;
  counterResolvedAt: number | null;
  dueAt: number | null;
}

/** Returns how many cases got a different deadline. */
export function refreshDeadlines(ctx: ServiceContext): number {
  forgetWorkingCalendar(ctx);
  return ctx.db.transaction(() => {
    const rows = stmt(
      ctx.db,
      `SELECT id, channel, status, received_at AS receivedAt, extended_at AS extendedAt, first_fed_back_at AS firstFedBackAt,
         counter_resolved_at AS counterResolvedAt, due_at AS dueAt
       FROM cases WHERE status NOT IN ('filed', 'not_accepted')`,
    ).all() as OpenRow[];
    const promises = stmt(
      ctx.db,
      'SELECT promised_at AS at FROM case_promises WHERE case_id = ? AND answered_at IS NULL',
    );
    const update = stmt(ctx.db, 'UPDATE cases SET due_at = ? WHERE id = ?');
    let changed = 0;
    for (const r of rows) {
      const open = (promises.all(r.id) as { at: number }[]).map((p) => p.at);
      const due = dueFor(ctx, r, open)?.at ?? null;
      if (due !== r.dueAt) {
        update.run(due, r.id);
        changed++;
      }
    }
    return changed;
  })();
}
