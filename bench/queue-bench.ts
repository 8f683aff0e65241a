// First page (limit 50) of every work queue on the 1M store, through listQueue.
import type { Db } from '../src-main/db/connection';
import type { Actor } from '../src-main/domain/case-machine';
import type { ServiceContext } from '../src-main/services/context';
import { listQueue, queueCounts } from '../src-main/services/queues';
import { QUEUES, type QueueName } from '../src-main/shared/enums';
import { captureStatements, explain, indexMisses, oneLine } from './plans';
import { medianOf } from './timing';

export interface Measured {
  label: string;
  medianMs: number;
  firstMs: number;
  rows: number;
  /** A later page, reached by following nextCursor: keyset paging should cost the same there. */
  deep?: { page: number; medianMs: number };
  /** Each statement the call ran, with its plan. */
  plans: { sql: string; plan: string[]; misses: string[] }[];
}

/** Actors whose queues are the heaviest in the dataset: the busiest receiver and unit. */
export function queueActors(db: Db): { reader: Actor; receiver: Actor; unitStaff: Actor } {
  const users = db.prepare('SELECT id, staff_no AS staffNo, name, role, unit_id AS unitId FROM users').all() as Actor[];
  const byId = new Map(users.map((u) => [u.id, u]));
  const top = (col: string) =>
    (
      db
        .prepare(
          `SELECT ${col} AS v FROM cases WHERE status <> 'filed' AND ${col} IS NOT NULL GROUP BY ${col} ORDER BY count(*) DESC LIMIT 1`,
        )
        .get() as { v: string }
    ).v;
  const receiver = byId.get(top('received_by')) as Actor;
  const unit = top('handling_unit_id');
  const assignee = (
    db
      .prepare(
        "SELECT assignee_id AS v FROM cases WHERE status <> 'filed' AND handling_unit_id = ? AND assignee_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
      )
      .get(unit) as { v: string } | undefined
  )?.v;
  const unitStaff =
    (assignee && byId.get(assignee)) || (users.find((u) => u.role === 'unit_staff' && u.unitId === unit) as Actor);
  return { reader: users.find((u) => u.role === 'secretary') as Actor, receiver, unitStaff };
}

const DEEP_PAGES = 100;

/** Follows the cursor up to DEEP_PAGES pages (or the last page) and times that page. */
function deepPage(ctx: ServiceContext, actor: Actor, queue: QueueName): { page: number; medianMs: number } {
  let cursor: string | undefined;
  let page = 1;
  for (; page < DEEP_PAGES; page++) {
    const next = listQueue(ctx, actor, { queue, limit: 50, ...(cursor ? { cursor } : {}) }).nextCursor;
    if (next === null) break;
    cursor = next;
  }
  const m = medianOf(5, () => listQueue(ctx, actor, { queue, limit: 50, ...(cursor ? { cursor } : {}) }));
  return { page, medianMs: m.median };
}

function plansOf(explainDb: Db, log: ReturnType<typeof captureStatements>, run: () => void) {
  log.length = 0;
  run();
  return log.map((c) => {
    const plan = explain(explainDb, c);
    return { sql: oneLine(c.sql), plan, misses: indexMisses(plan, c.sql) };
  });
}

/**
 * Measures each queue (median of `runs`); 'mine' for the busiest receiver and the busiest
 * unit's staff member, since the two roles run different SQL.
 */
export function benchQueues(ctx: ServiceContext, explainCtx: ServiceContext, runs: number): Map<QueueName, Measured[]> {
  const actors = queueActors(ctx.db);
  const log = captureStatements(explainCtx.db);
  const out = new Map<QueueName, Measured[]>();
  for (const queue of QUEUES) {
    const who: [string, Actor][] =
      queue === 'mine'
        ? [
            [`${actors.receiver.role} ${actors.receiver.staffNo}`, actors.receiver],
            [`unit_staff ${actors.unitStaff.staffNo}`, actors.unitStaff],
          ]
        : [[`${actors.reader.role} ${actors.reader.staffNo}`, actors.reader]];
    out.set(
      queue,
      who.map(([label, actor]) => {
        let rows = 0;
        const m = medianOf(runs, () => {
          rows = listQueue(ctx, actor, { queue, limit: 50 }).rows.length;
        });
        const plans = plansOf(explainCtx.db, log, () => listQueue(explainCtx, actor, { queue, limit: 50 }));
        return { label, medianMs: m.median, firstMs: m.first, rows, deep: deepPage(ctx, actor, queue), plans };
      }),
    );
  }
  return out;
}

/** The home screen's counts (queueCounts), which run beside the first page; also how big each queue is. */
export function benchQueueCounts(
  ctx: ServiceContext,
  explainCtx: ServiceContext,
  runs: number,
): Measured & { sizes: Record<string, number> } {
  const { reader } = queueActors(ctx.db);
  const log = captureStatements(explainCtx.db);
  const m = medianOf(runs, () => queueCounts(ctx, reader));
  const count = (where: string) =>
    (ctx.db.prepare(`SELECT count(*) AS n FROM cases WHERE ${where}`).get() as { n: number }).n;
  const sizes = { ...queueCounts(ctx, reader), open: count("status <> 'filed'"), filed: count("status = 'filed'") };
  return {
    label: `${reader.role} ${reader.staffNo}`,
    medianMs: m.median,
    firstMs: m.first,
    rows: 0,
    sizes,
    plans: plansOf(explainCtx.db, log, () => queueCounts(explainCtx, reader)),
  };
}
