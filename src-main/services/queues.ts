// The work queues (SPEC §4): keyset-paginated on (deadline, rid) so that every page costs
// the same at a million cases. A case with no open deadline sorts after those with one. A case
// filed or not accepted (不予受理) is closed: in no work queue.
import { stmt } from '../db/statements';
import { endOfLocalDay } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import type { QueueName } from '../shared/enums';
import { refuse } from '../shared/errors';
import { QueueInput } from '../shared/schemas/query';
import type { Page, QueueRow } from '../shared/types';
import type { ServiceContext } from './context';
import { ROW_COLUMNS, type RawRow, toQueueRow } from './list-rows';
import { unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

const DUE = 'ifnull(c.due_at, 8640000000000000)';
const FIRST: [number, number] = [-1, -1];

function encodeCursor(k: number, rid: number): string {
  return Buffer.from(JSON.stringify([k, rid])).toString('base64url');
}

function decodeCursor(cursor: string | undefined, descending = false): [number, number] {
  if (!cursor) return descending ? [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] : FIRST;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => Number.isSafeInteger(x))) return v as [number, number];
  } catch {
    // fall through to the refusal
  }
  throw refuse('VALIDATION', '分页位置无效,请刷新列表', 'Invalid page cursor; reload the list', [
    { field: 'cursor', message: { zh: '分页位置无效', en: 'Invalid cursor' } },
  ]);
}

const byDueSql = (where: string) =>
  `SELECT ${ROW_COLUMNS}, ${DUE} AS k FROM cases c WHERE ${where} AND (${DUE}, c.rid) > (?, ?) ORDER BY ${DUE}, c.rid LIMIT ?`;

function mineSql(actor: Actor): string {
  const second = actor.role === 'unit_staff' ? 'c.handling_unit_id = ?' : 'c.received_by = ?';
  return `SELECT * FROM (${byDueSql("c.assignee_id = ? AND c.status <> 'filed' AND c.status <> 'not_accepted'")})
    UNION SELECT * FROM (${byDueSql(`${second} AND c.status <> 'filed' AND c.status <> 'not_accepted'`)})
    ORDER BY k, rid LIMIT ?`;
}

function fetch(
  ctx: ServiceContext,
  actor: Actor,
  queue: QueueName,
  cursor: string | undefined,
  n: number,
): (RawRow & { k: number })[] {
  const now = ctx.now();
  const db = ctx.db;
  const scope = unitScope(ctx, actor);
  const { args } = scope;
  // Unit staff's own unit only (unless widened): the scope leads every condition below.
  const byDue = (where: string) => byDueSql(`(${scope.sql}) AND ${where}`);
  switch (queue) {
    case 'open':
      return stmt(db, byDue("c.status <> 'filed' AND c.status <> 'not_accepted'")).all(
        ...args,
        ...decodeCursor(cursor),
        n,
      ) as (RawRow & {
        k: number;
      })[];
    case 'overdue':
      return stmt(db, byDue(`c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} < ?`)).all(
        ...args,
        now,
        ...decodeCursor(cursor),
        n,
      ) as (RawRow & { k: number })[];
    case 'due_today': {
      const end = endOfLocalDay(now, ctx.settings().timeZone);
      return stmt(db, byDue(`c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} >= ? AND ${DUE} < ?`)).all(
        ...args,
        now,
        end,
        ...decodeCursor(cursor),
        n,
      ) as (RawRow & { k: number })[];
    }
    case 'due_soon': {
      const until = now + ctx.settings().dueSoonHours * 3_600_000;
      return stmt(db, byDue(`c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} >= ? AND ${DUE} < ?`)).all(
        ...args,
        now,
        until,
        ...decodeCursor(cursor),
        n,
      ) as (RawRow & { k: number })[];
    }
    case 'awaiting_instruction':
    case 'awaiting_review':
    case 'disputed':
      return stmt(db, byDue("c.status = ? AND c.status <> 'filed'")).all(
        ...args,
        queue,
        ...decodeCursor(cursor),
        n,
      ) as (RawRow & {
        k: number;
      })[];
    case 'mine': {
      const c = decodeCursor(cursor);
      const second = actor.role === 'unit_staff' ? actor.unitId : actor.id;
      return stmt(db, mineSql(actor)).all(actor.id, ...c, n, second, ...c, n, n) as (RawRow & { k: number })[];
    }
    case 'filed':
      return stmt(
        db,
        `SELECT ${ROW_COLUMNS}, c.filed_at AS k FROM cases c WHERE (${scope.sql}) AND c.status = 'filed' AND (c.filed_at, c.rid) < (?, ?) ORDER BY c.filed_at DESC, c.rid DESC LIMIT ?`,
      ).all(...args, ...decodeCursor(cursor, true), n) as (RawRow & { k: number })[];
    case 'awaiting_follow_up':
      return stmt(
        db,
        `SELECT ${ROW_COLUMNS}, f.due_at AS k, f.due_at AS follow_up_due_at, f.rid AS frid FROM follow_ups f JOIN cases c ON c.id = f.case_id
         WHERE (${scope.sql}) AND f.done_at IS NULL AND (f.due_at, f.rid) > (?, ?) ORDER BY f.due_at, f.rid LIMIT ?`,
      )
        .all(...args, ...decodeCursor(cursor), n)
        .map((r) => ({
          ...(r as RawRow & { k: number; frid: number }),
          rid: (r as { frid: number }).frid,
        })) as (RawRow & { k: number })[];
    case 'my_follow_ups': {
      // The viewer's own follow-ups that are due (by the end of today), oldest first.
      const end = endOfLocalDay(now, ctx.settings().timeZone);
      return stmt(
        db,
        `SELECT ${ROW_COLUMNS}, f.due_at AS k, f.due_at AS follow_up_due_at, f.rid AS frid FROM follow_ups f INDEXED BY follow_ups_assignee_pending
         JOIN cases c ON c.id = f.case_id
         WHERE f.assignee_id = ? AND f.done_at IS NULL AND f.due_at < ? AND (f.due_at, f.rid) > (?, ?) ORDER BY f.due_at, f.rid LIMIT ?`,
      )
        .all(actor.id, end, ...decodeCursor(cursor), n)
        .map((r) => ({
          ...(r as RawRow & { k: number; frid: number }),
          rid: (r as { frid: number }).frid,
        })) as (RawRow & { k: number })[];
    }
  }
}

export const listQueue = withInput(
  QueueInput,
  function listQueue(ctx: ServiceContext, actor: Actor, input: Parsed<typeof QueueInput>): Page<QueueRow> {
    const rows = fetch(ctx, actor, input.queue, input.cursor, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const now = ctx.now();
    return {
      rows: page.map((r) => toQueueRow(r, actor, now)),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last.k, last.rid) : null,
    };
  },
);

/** Counts for the home screen; each is an index range count. */
export function queueCounts(ctx: ServiceContext, actor: Actor): Record<Exclude<QueueName, 'filed' | 'open'>, number> {
  const now = ctx.now();
  const end = endOfLocalDay(now, ctx.settings().timeZone);
  const one = (sql: string, ...args: unknown[]) => (stmt(ctx.db, sql).get(...args) as { n: number }).n;
  const second = actor.role === 'unit_staff' ? 'handling_unit_id' : 'received_by';
  const { sql: scope, args } = unitScope(ctx, actor);
  const scoped = (where: string, ...rest: unknown[]) =>
    one(`SELECT count(*) AS n FROM cases c WHERE (${scope}) AND ${where}`, ...args, ...rest);
  return {
    // A UNION of two index ranges: with OR the planner reads every open case.
    mine: one(
      `SELECT count(*) AS n FROM (SELECT rid FROM cases WHERE assignee_id = ? AND status <> 'filed' AND status <> 'not_accepted' UNION SELECT rid FROM cases WHERE ${second} = ? AND status <> 'filed' AND status <> 'not_accepted')`,
      actor.id,
      actor.role === 'unit_staff' ? actor.unitId : actor.id,
    ),
    due_today: scoped(`c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} >= ? AND ${DUE} < ?`, now, end),
    due_soon: scoped(
      `c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} >= ? AND ${DUE} < ?`,
      now,
      now + ctx.settings().dueSoonHours * 3_600_000,
    ),
    overdue: scoped(`c.status <> 'filed' AND c.status <> 'not_accepted' AND ${DUE} < ?`, now),
    awaiting_follow_up:
      scope === '1'
        ? one('SELECT count(*) AS n FROM follow_ups WHERE done_at IS NULL')
        : one(
            `SELECT count(*) AS n FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE (${scope}) AND f.done_at IS NULL`,
            ...args,
          ),
    my_follow_ups: one(
      'SELECT count(*) AS n FROM follow_ups INDEXED BY follow_ups_assignee_pending WHERE assignee_id = ? AND done_at IS NULL AND due_at < ?',
      actor.id,
      end,
    ),
    // status <> 'filed' lets these read the partial cases_status_due (migration 0017).
    awaiting_instruction: scoped("c.status = 'awaiting_instruction' AND c.status <> 'filed'"),
    awaiting_review: scoped("c.status = 'awaiting_review' AND c.status <> 'filed'"),
    disputed: scoped("c.status = 'disputed' AND c.status <> 'filed'"),
  };
}
