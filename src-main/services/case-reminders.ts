// Head office's reminders (催办, issue 13 §8) at the branch: applied once from the sync pull (never
// a 批示: the case, its instructions and its status stay as they are), shown on the case and,
// while nobody has read them there, on the home screen; reading them on the case marks them seen.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { CaseOnlyInput } from '../shared/schemas/case';
import type { CaseReminder, ReminderWaiting } from '../shared/types';
import { requireCase } from './case-store';
import type { ServiceContext } from './context';
import { unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

/** A reminder as head office sends it (sync/protocol.ts Reminder), instant in ISO. */
export interface ReminderReceived {
  reminderId: string;
  caseId: string;
  caseNumber: string;
  message: string;
  reviewerName: string;
  sentAt: string;
}

/**
 * Stores one reminder from head office; false when it was already stored. Refused (NOT_FOUND)
 * for a case this store does not have, so the pull keeps it for later.
 */
export function applyReminder(ctx: ServiceContext, r: ReminderReceived): boolean {
  const known = stmt(ctx.db, 'SELECT 1 FROM cases WHERE id = ?').get(r.caseId);
  if (!known)
    throw refuse(
      'NOT_FOUND',
      `本店没有个案 ${r.caseNumber},催办先保留`,
      `This store has no case ${r.caseNumber}; the reminder is kept`,
    );
  const sentAt = Date.parse(r.sentAt);
  const done = stmt(
    ctx.db,
    'INSERT INTO case_reminders (id, case_id, message, reviewer_name, sent_at, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  ).run(r.reminderId, r.caseId, r.message, r.reviewerName, Number.isNaN(sentAt) ? ctx.now() : sentAt, ctx.now());
  return done.changes > 0;
}

const COLUMNS =
  'r.id, r.case_id AS caseId, r.message, r.reviewer_name AS reviewerName, r.sent_at AS sentAt, r.received_at AS receivedAt, r.seen_at AS seenAt';

/** The case's reminders, oldest first (the case must be one this user may open). */
export const caseReminders = withInput(
  CaseOnlyInput,
  function caseReminders(ctx: ServiceContext, _actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseReminder[] {
    const c = requireCase(ctx, input.caseId);
    return stmt(ctx.db, `SELECT ${COLUMNS} FROM case_reminders r WHERE r.case_id = ? ORDER BY r.sent_at, r.id`).all(
      c.id,
    ) as CaseReminder[];
  },
);

/** Marks the case's unread reminders read by this user; answers how many it marked. */
export const markRemindersSeen = withInput(
  CaseOnlyInput,
  function markRemindersSeen(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): number {
    const c = requireCase(ctx, input.caseId);
    return stmt(ctx.db, 'UPDATE case_reminders SET seen_at = ?, seen_by = ? WHERE case_id = ? AND seen_at IS NULL').run(
      ctx.now(),
      actor.id,
      c.id,
    ).changes;
  },
);

/** The home screen's 总部催办: cases this user may list with unread reminders, the newest first. */
export function remindersWaiting(ctx: ServiceContext, actor: Actor): ReminderWaiting[] {
  const scope = unitScope(ctx, actor);
  return stmt(
    ctx.db,
    `SELECT c.id AS caseId, c.number AS caseNumber, count(*) AS unread, max(r.sent_at) AS latestAt,
       (SELECT x.message FROM case_reminders x WHERE x.case_id = c.id AND x.seen_at IS NULL ORDER BY x.sent_at DESC, x.id DESC LIMIT 1) AS latestMessage,
       (SELECT x.reviewer_name FROM case_reminders x WHERE x.case_id = c.id AND x.seen_at IS NULL ORDER BY x.sent_at DESC, x.id DESC LIMIT 1) AS reviewerName
     FROM case_reminders r JOIN cases c ON c.id = r.case_id
     WHERE r.seen_at IS NULL AND (${scope.sql})
     GROUP BY c.id, c.number ORDER BY latestAt DESC, c.id LIMIT 50`,
  ).all(...scope.args) as ReminderWaiting[];
}
