// The branch's local closures (migration 0029): read for the working calendar and the calendar screen.
import type { Db } from '../connection';
import { stmt } from '../statements';
import type { LocalClosureView } from '../../shared/working-calendar-view';

export type LocalClosureRow = LocalClosureView;

/** The closures in force, by date. */
export const activeLocalClosures = (db: Db): LocalClosureRow[] =>
  stmt(
    db,
    `SELECT id, date, reason, added_by AS addedBy, added_at AS addedAt
     FROM local_closures WHERE removed_at IS NULL ORDER BY date`,
  ).all() as LocalClosureRow[];
