// Head office's reminders (催办, issue 13 §8): a reviewer's note to a branch about one of its open
// cases, served down the instructions feed by its own cursor. Not a 批示: it instructs nothing.
// A branch asking from a cursor past a reminder has it: head office notes when it first did.
import { randomUUID } from 'node:crypto';
import { refuse } from '../src-main/shared/errors';
import type { Reminder } from '../src-main/sync/protocol';
import { notReceived, PAGE } from './instructions';
import type { HqQuery, HqStore } from './store';

/** A case whose status is one of these is closed: nothing is left to remind the branch of. */
const CLOSED = ['filed', 'not_accepted'];

/** A reminder as the console shows it. */
export interface ReminderRow {
  reminderId: string;
  message: string;
  reviewerName: string;
  /** ISO instant. */
  sentAt: string;
  /** When the branch's pull first showed it had the reminder (null: not known yet). */
  receivedAt: number | null;
}

type Stored = {
  seq: number;
  id: string;
  branch: string;
  case_id: string;
  case_number: string;
  message: string;
  reviewer_name: string;
  sent_at: number;
  received_at: number | null;
};

const asRow = (r: Stored): ReminderRow => ({
  reminderId: r.id,
  message: r.message,
  reviewerName: r.reviewer_name,
  sentAt: new Date(Number(r.sent_at)).toISOString(),
  receivedAt: r.received_at === null ? null : Number(r.received_at),
});

const asWire = (r: Stored): Reminder => ({
  seq: Number(r.seq),
  reminderId: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  branch: r.branch,
  message: r.message,
  reviewerName: r.reviewer_name,
  sentAt: new Date(Number(r.sent_at)).toISOString(),
});

/** Sends a reminder about the case (branch, caseId); refused for a case not received or closed. */
export async function sendReminder(
  store: HqStore,
  input: { branch: string; caseId: string; message: string; reviewer: string; reviewerName: string },
  now: number,
): Promise<ReminderRow> {
  return store.tx(async (t) => {
    const c = await t.get<{ number: string; status: string }>(
      'SELECT number, status FROM hq_cases WHERE branch = ? AND id = ?',
      [input.branch, input.caseId],
    );
    if (!c) throw notReceived(`${input.branch}/${input.caseId}`);
    if (CLOSED.includes(c.status))
      throw refuse(
        'CONFLICT',
        `个案 ${c.number} 已结案(归档或不予受理),不再催办`,
        `Case ${c.number} is closed (filed or not accepted); no reminder is sent`,
      );
    const id = randomUUID();
    await t.run(
      'INSERT INTO reminders (id, branch, case_id, case_number, message, reviewer, reviewer_name, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [id, input.branch, input.caseId, c.number, input.message, input.reviewer, input.reviewerName, now],
    );
    const row = await t.get<Stored>('SELECT * FROM reminders WHERE id = ?', [id]);
    return asRow(row as Stored);
  });
}

/** The case's reminders, oldest first. */
export async function remindersOfCase(db: HqQuery, branch: string, caseId: string): Promise<ReminderRow[]> {
  const rows = await db.all<Stored>('SELECT * FROM reminders WHERE branch = ? AND case_id = ? ORDER BY seq', [
    branch,
    caseId,
  ]);
  return rows.map(asRow);
}

/**
 * The branch's reminders after `since` (a page), and the cursor after them. Asking from `since`
 * shows the branch holds every reminder up to it: those are marked received (once).
 */
export async function remindersSince(
  store: HqStore,
  branch: string,
  since: number,
  now: number,
): Promise<{ reminders: Reminder[]; reminderCursor: number }> {
  if (since > 0)
    await store.run('UPDATE reminders SET received_at = ? WHERE branch = ? AND seq <= ? AND received_at IS NULL', [
      now,
      branch,
      since,
    ]);
  const rows = await store.all<Stored>(
    `SELECT * FROM reminders WHERE branch = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`,
    [branch, since],
  );
  const last = rows[rows.length - 1];
  return { reminders: rows.map(asWire), reminderCursor: last ? Number(last.seq) : since };
}
