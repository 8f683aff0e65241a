// The working calendar at the branch (issue 21 §2): the year view for the screen 工作日历, and the manager's
// local closures (added and removed with a reason, audited; the audit row syncs to head office as every
// audit row does). Invariants: a closure is never in the past; at most one closure in force per date; the
// stored deadlines of open cases are recomputed in the same transaction as the change.
import { stmt } from '../db/statements';
import { calendarYears, referenceVersions } from '../db/repositories/reference-repo';
import { activeLocalClosures, type LocalClosureRow } from '../db/repositories/local-closure-repo';
import { localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import type { CalendarYearView } from '../shared/working-calendar-view';
import { CalendarYearInput, LocalClosureAddInput, LocalClosureRemoveInput } from '../shared/schemas/working-calendar';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { authorOf } from './case-store';
import { refreshDeadlines } from './deadline-refresh';
import { withInput } from './with-input';
import { forgetWorkingCalendar } from './working-calendar-cache';

export const calendarYearView = withInput(
  CalendarYearInput,
  (ctx: ServiceContext, _actor: Actor, input: { year: number }): CalendarYearView => {
    const all = calendarYears(ctx.db);
    const held = referenceVersions(ctx.db).find((r) => r.kind === 'calendar' && r.key === String(input.year));
    return {
      year: input.year,
      years: all.map((y) => y.year),
      calendar: all.find((y) => y.year === input.year) ?? null,
      published: held
        ? { version: held.version, at: held.publishedAt, by: held.publishedBy, receivedVia: held.receivedVia }
        : null,
      localClosures: activeLocalClosures(ctx.db).filter((c) => c.date.startsWith(`${input.year}-`)),
    };
  },
);

/**
 * Runs a change of the calendar in one transaction. refreshDeadlines() rebuilt the kept calendar from the
 * uncommitted rows; if the transaction rolls back after it, that calendar is forgotten too.
 */
function keepingCalendarHonest<T>(ctx: ServiceContext, fn: () => T): T {
  try {
    return ctx.db.transaction(fn)();
  } catch (e) {
    forgetWorkingCalendar(ctx);
    throw e;
  }
}

const requireManager = (actor: Actor) => {
  if (!can(actor.role, 'admin'))
    throw refuse('FORBIDDEN', '只有店长可以设置本店停业日', 'Only the manager may set the branch closed days');
};

export const addLocalClosure = withInput(
  LocalClosureAddInput,
  (ctx: ServiceContext, actor: Actor, input: { date: string; reason: string }): LocalClosureRow => {
    requireManager(actor);
    const today = localDateOf(ctx.now(), ctx.settings().timeZone);
    if (input.date < today)
      throw refuse('VALIDATION', '不能把已过去的日期设为停业日', 'A past date cannot be made a closed day', [
        { field: 'date', message: { zh: '日期已过去', en: 'The date has passed' } },
      ]);
    return keepingCalendarHonest(ctx, () => {
      if (activeLocalClosures(ctx.db).some((c) => c.date === input.date))
        throw refuse('CONFLICT', '这一天已设为本店停业日', 'The branch is already closed that day', [
          { field: 'date', message: { zh: '已是停业日', en: 'Already a closed day' } },
        ]);
      const row: LocalClosureRow = {
        id: ctx.newId(),
        date: input.date,
        reason: input.reason,
        addedBy: actor.name,
        addedAt: ctx.now(),
      };
      stmt(ctx.db, 'INSERT INTO local_closures (id, date, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?)').run(
        row.id,
        row.date,
        row.reason,
        row.addedBy,
        row.addedAt,
      );
      recordChange(ctx, authorOf(actor), {
        action: 'local_closure.add',
        entity: 'local_closure',
        entityId: row.id,
        before: null,
        after: { date: row.date, reason: row.reason },
      });
      refreshDeadlines(ctx);
      return row;
    });
  },
);

export const removeLocalClosure = withInput(
  LocalClosureRemoveInput,
  (ctx: ServiceContext, actor: Actor, input: { id: string; reason: string }): LocalClosureRow => {
    requireManager(actor);
    return keepingCalendarHonest(ctx, () => {
      const row = activeLocalClosures(ctx.db).find((c) => c.id === input.id);
      if (!row) throw refuse('NOT_FOUND', '没有这个停业日(或已取消)', 'No such closed day (or it was removed)');
      // A closed day that has passed is history: the deadlines and reports of its cases stand on it.
      if (row.date < localDateOf(ctx.now(), ctx.settings().timeZone))
        throw refuse('INVALID_TRANSITION', '已过去的停业日不能取消', 'A closed day that has passed cannot be removed');
      stmt(
        ctx.db,
        'UPDATE local_closures SET removed_by = ?, removed_at = ?, remove_reason = ? WHERE id = ? AND removed_at IS NULL',
      ).run(actor.name, ctx.now(), input.reason, row.id);
      recordChange(ctx, authorOf(actor), {
        action: 'local_closure.remove',
        entity: 'local_closure',
        entityId: row.id,
        before: { date: row.date, reason: row.reason },
        after: { date: row.date, removed: true, removeReason: input.reason },
      });
      refreshDeadlines(ctx);
      return row;
    });
  },
);
