// The steps ticked on cases (migration 0030, issue 21 §3): read with the case, written by the
// handling-steps service inside the case's mutation, counted for the summary.
import type { Db } from '../connection';
import { stmt } from '../statements';
import type { Channel } from '../../shared/enums';
import type { HandlingStepTick } from '../../shared/handling-guide';

/** The case's ticked steps, in the order they were ticked. */
export const loadHandlingSteps = (db: Db, caseId: string): HandlingStepTick[] =>
  stmt(
    db,
    `SELECT step_key AS stepKey, ticked_by AS tickedBy, ticked_by_name AS tickedByName, ticked_at AS tickedAt
     FROM case_handling_steps WHERE case_id = ? ORDER BY ticked_at, rowid`,
  ).all(caseId) as HandlingStepTick[];

/** Marks a step done; false when it already was (the first tick is kept). */
export const insertTick = (db: Db, caseId: string, tick: HandlingStepTick): boolean =>
  stmt(
    db,
    `INSERT INTO case_handling_steps (case_id, step_key, ticked_by, ticked_by_name, ticked_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT(case_id, step_key) DO NOTHING`,
  ).run(caseId, tick.stepKey, tick.tickedBy, tick.tickedByName, tick.tickedAt).changes === 1;

/** Removes a tick; false when the step was not ticked. */
export const deleteTick = (db: Db, caseId: string, stepKey: string): boolean =>
  stmt(db, 'DELETE FROM case_handling_steps WHERE case_id = ? AND step_key = ?').run(caseId, stepKey).changes === 1;

/** The cases received in [from, to) per channel (the covering report index answers it). */
export const casesByChannel = (db: Db, from: number, to: number): { channel: Channel; n: number }[] =>
  stmt(db, 'SELECT channel, count(*) AS n FROM cases WHERE received_at >= ? AND received_at < ? GROUP BY channel').all(
    from,
    to,
  ) as { channel: Channel; n: number }[];

/**
 * The steps ticked on each case received in [from, to) that has any: one entry per such case. Driven by the
 * cases' received-time index (CROSS JOIN keeps the cases outer) and the ticks' primary key, grouped here
 * rather than by SQL (a GROUP BY on the case id makes SQLite walk every case by id instead).
 */
export function ticksOfPeriod(db: Db, from: number, to: number): { channel: Channel; keys: string }[] {
  const byCase = new Map<number, { channel: Channel; keys: string }>();
  const rows = stmt(
    db,
    `SELECT c.rid AS rid, c.channel AS channel, h.step_key AS stepKey
     FROM cases c CROSS JOIN case_handling_steps h ON h.case_id = c.id
     WHERE c.received_at >= ? AND c.received_at < ?`,
  ).iterate(from, to) as Iterable<{ rid: number; channel: Channel; stepKey: string }>;
  for (const r of rows) {
    const held = byCase.get(r.rid);
    if (held) held.keys += ` ${r.stepKey}`;
    else byCase.set(r.rid, { channel: r.channel, keys: r.stepKey });
  }
  return [...byCase.values()];
}
