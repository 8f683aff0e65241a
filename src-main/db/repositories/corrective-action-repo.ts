// Reading corrective actions (纠正预防措施, migration 0023 corrective_actions): of a case, one by id, the queue.
import type { Db } from '../connection';
import { fromRow, stmt } from '../statements';
import type { CorrectiveAction } from '../../shared/corrective-action-types';

const COLUMNS =
  'id, case_id, responsible_user_id, responsible_unit_id, responsible_name, action_text, due_date, due_at, state, created_by, created_by_name, created_at, done_at, done_by, done_by_name, done_note, confirmed_at, confirmed_by, confirmed_by_name, confirm_note, returned_at, returned_by_name, return_reason, return_count, version';

const actionOf = (row: Record<string, unknown>): CorrectiveAction => fromRow<CorrectiveAction>(row);

/** A case's actions in the order they were set. */
export function loadCorrectiveActions(db: Db, caseId: string): CorrectiveAction[] {
  return (
    stmt(db, `SELECT ${COLUMNS} FROM corrective_actions WHERE case_id = ? ORDER BY created_at, rid`).all(
      caseId,
    ) as Record<string, unknown>[]
  ).map(actionOf);
}

export function findCorrectiveAction(db: Db, id: string): CorrectiveAction | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM corrective_actions WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  return row ? actionOf(row) : undefined;
}

/** Actions not yet confirmed (open, or done and waiting for 效果确认), earliest due first, with their case number. */
export function pendingCorrectiveActions(db: Db, limit: number): (CorrectiveAction & { caseNumber: string })[] {
  return (
    stmt(
      db,
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')}, c.number AS case_number FROM corrective_actions a JOIN cases c ON c.id = a.case_id
       WHERE a.state <> 'confirmed' ORDER BY a.due_at, a.rid LIMIT ?`,
    ).all(limit) as Record<string, unknown>[]
  ).map((r) => fromRow<CorrectiveAction & { caseNumber: string }>(r));
}

/** Every action whose creation, completion, confirmation or due instant falls in [from, to). */
export function correctiveActionsTouching(db: Db, from: number, to: number): CorrectiveAction[] {
  return (
    stmt(
      db,
      `SELECT ${COLUMNS} FROM corrective_actions WHERE (created_at >= ? AND created_at < ?) OR (done_at >= ? AND done_at < ?)
       OR (confirmed_at >= ? AND confirmed_at < ?) OR (due_at >= ? AND due_at < ?) ORDER BY rid`,
    ).all(from, to, from, to, from, to, from, to) as Record<string, unknown>[]
  ).map(actionOf);
}
