// The steps ticked on cases (migration 0030, issue 21 §3): read with the case, written by the
// handling-steps service inside the case's mutation, counted for the summary.
import type { Db } from '../connection';
import { stmt } from '../statements';
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

/**
 * For the cases received in [from, to) of one channel: how many ticked every step of `stepKeys`
 * (ticks of steps outside the list do not count). One indexed pass over the period's ticks.
 */
export function casesWithAllSteps(db: Db, channel: string, stepKeys: string[], from: number, to: number): number {
  if (stepKeys.length === 0) return 0;
  const marks = stepKeys.map(() => '?').join(', ');
  const row = stmt(
    db,
    `SELECT count(*) AS n FROM (
       SELECT h.case_id FROM case_handling_steps h JOIN cases c ON c.id = h.case_id
       WHERE c.channel = ? AND c.received_at >= ? AND c.received_at < ? AND h.step_key IN (${marks})
       GROUP BY h.case_id HAVING count(*) = ?)`,
  ).get(channel, from, to, ...stepKeys, stepKeys.length) as { n: number };
  return row.n;
}

/** Cases per channel received in [from, to), and per step the cases of the period that ticked it. */
export function tickCounts(
  db: Db,
  from: number,
  to: number,
): {
  casesByChannel: { channel: string; n: number }[];
  ticksByStep: { stepKey: string; channel: string; n: number }[];
} {
  const casesByChannel = stmt(
    db,
    'SELECT channel, count(*) AS n FROM cases WHERE received_at >= ? AND received_at < ? GROUP BY channel',
  ).all(from, to) as { channel: string; n: number }[];
  const ticksByStep = stmt(
    db,
    `SELECT h.step_key AS stepKey, c.channel, count(*) AS n FROM case_handling_steps h JOIN cases c ON c.id = h.case_id
     WHERE c.received_at >= ? AND c.received_at < ? GROUP BY h.step_key, c.channel`,
  ).all(from, to) as { stepKey: string; channel: string; n: number }[];
  return { casesByChannel, ticksByStep };
}
