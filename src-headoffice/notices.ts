// Head office's notices (通知, issue 18 §2): an instruction to every branch, or to the chosen ones,
// not tied to one case (a title and a text, from a product flag or not). Each branch's copy is
// served down its pull by its own cursor (notice_targets.seq); a branch asking from past it has
// it (received_at). A branch's acknowledgement arrives as a 'notice_ack' record and is projected
// into notice_acks by the importer in the batch's transaction (recordNoticeAcks).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../src-main/shared/errors';
import { type Notice, NoticeAckSnapshot } from '../src-main/shared/notice-wire';
import { PAGE } from './instructions';
import type { HqQuery, HqStore } from './store';

/** The console's notice: every branch when `branches` is absent or empty. */
export const NoticeInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(4000),
  branches: z.array(z.string().trim().min(1).max(8)).max(500).optional(),
  itemKey: z.string().trim().min(1).max(300).optional(),
});
export type NoticeInput = z.infer<typeof NoticeInput>;

/** A notice as the console lists it: each branch it went to, when that branch had it and who acknowledged it. */
export interface NoticeRow {
  noticeId: string;
  title: string;
  text: string;
  itemKey: string | null;
  reviewerName: string;
  sentAt: number;
  branches: {
    branch: string;
    receivedAt: number | null;
    ack: { name: string; staffNo: string; role: string; at: number } | null;
  }[];
}

/** Stores the notice and its copy for each branch; refused when a chosen branch is not registered. */
export async function sendNotice(
  store: HqStore,
  input: NoticeInput,
  reviewer: { username: string; name: string },
  now: number,
): Promise<NoticeRow> {
  return store.tx(async (t) => {
    const known = (await t.all<{ code: string }>('SELECT code FROM branches ORDER BY code')).map((b) => b.code);
    const chosen = input.branches?.length ? [...new Set(input.branches.map((b) => b.toUpperCase()))] : known;
    const unknown = chosen.filter((b) => !known.includes(b));
    if (unknown.length)
      throw refuse('VALIDATION', `门店未登记:${unknown.join('、')}`, `No such branch: ${unknown.join(', ')}`, [
        {
          field: 'branches',
          message: { zh: `门店未登记:${unknown.join('、')}`, en: `No such branch: ${unknown.join(', ')}` },
        },
      ]);
    if (chosen.length === 0)
      throw refuse(
        'VALIDATION',
        '还没有登记的门店,通知无处可发',
        'No branch is registered; the notice has nowhere to go',
        [{ field: 'branches', message: { zh: '还没有登记的门店', en: 'No branch is registered' } }],
      );
    const id = randomUUID();
    await t.run(
      'INSERT INTO notices (id, title, text, item_key, reviewer, reviewer_name, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, input.title, input.text, input.itemKey ?? null, reviewer.username, reviewer.name, now],
    );
    for (const b of chosen) await t.run('INSERT INTO notice_targets (notice_id, branch) VALUES (?, ?)', [id, b]);
    const [row] = await noticeRows(t, id);
    return row as NoticeRow;
  });
}

type Stored = {
  id: string;
  title: string;
  text: string;
  item_key: string | null;
  reviewer_name: string;
  sent_at: number;
};
type Target = {
  notice_id: string;
  branch: string;
  received_at: number | null;
  acked_by_name: string | null;
  acked_by_staff_no: string | null;
  acked_by_role: string | null;
  acked_at: number | null;
};

/** The newest notices (or the one `id`), each with its branches. */
export async function noticeRows(db: HqQuery, id?: string, limit = 50): Promise<NoticeRow[]> {
  const notices = await db.all<Stored>(
    id ? 'SELECT * FROM notices WHERE id = ?' : `SELECT * FROM notices ORDER BY sent_at DESC, id LIMIT ${limit}`,
    id ? [id] : [],
  );
  if (notices.length === 0) return [];
  const ids = notices.map((n) => n.id);
  const targets = await db.all<Target>(
    `SELECT t.notice_id, t.branch, t.received_at, a.acked_by_name, a.acked_by_staff_no, a.acked_by_role, a.acked_at
     FROM notice_targets t LEFT JOIN notice_acks a ON a.notice_id = t.notice_id AND a.branch = t.branch
     WHERE t.notice_id IN (${ids.map(() => '?').join(', ')}) ORDER BY t.branch`,
    ids,
  );
  return notices.map((n) => ({
    noticeId: n.id,
    title: n.title,
    text: n.text,
    itemKey: n.item_key,
    reviewerName: n.reviewer_name,
    sentAt: Number(n.sent_at),
    branches: targets
      .filter((t) => t.notice_id === n.id)
      .map((t) => ({
        branch: t.branch,
        receivedAt: t.received_at === null ? null : Number(t.received_at),
        ack:
          t.acked_at === null
            ? null
            : {
                name: t.acked_by_name ?? '',
                staffNo: t.acked_by_staff_no ?? '',
                role: t.acked_by_role ?? '',
                at: Number(t.acked_at),
              },
      })),
  }));
}

/** The branch's notices after `since` (a page) and the cursor after them; those up to `since` are marked received. */
export async function noticesSince(
  store: HqStore,
  branch: string,
  since: number,
  now: number,
): Promise<{ notices: Notice[]; noticeCursor: number }> {
  if (since > 0)
    await store.run('UPDATE notice_targets SET received_at = ? WHERE branch = ? AND seq <= ? AND received_at IS NULL', [
      now,
      branch,
      since,
    ]);
  const rows = await store.all<Stored & { seq: number }>(
    `SELECT t.seq, n.* FROM notice_targets t JOIN notices n ON n.id = t.notice_id WHERE t.branch = ? AND t.seq > ? ORDER BY t.seq LIMIT ${PAGE}`,
    [branch, since],
  );
  const last = rows[rows.length - 1];
  return {
    notices: rows.map((r) => ({
      seq: Number(r.seq),
      noticeId: r.id,
      title: r.title,
      text: r.text,
      itemKey: r.item_key,
      reviewerName: r.reviewer_name,
      sentAt: new Date(Number(r.sent_at)).toISOString(),
    })),
    noticeCursor: last ? Number(last.seq) : since,
  };
}

/**
 * The importer's projection of a batch's newest 'notice_ack' records: the first acknowledgement
 * of a notice the branch was sent is kept (a later version changes nothing); one for a notice the
 * branch was not sent is stored as a record only.
 */
export async function recordNoticeAcks(
  t: HqQuery,
  branch: string,
  records: readonly { type: string; value: unknown }[],
  now: number,
): Promise<void> {
  for (const r of records) {
    if (r.type !== 'notice_ack') continue;
    const ack = NoticeAckSnapshot.safeParse(r.value);
    if (!ack.success) continue;
    const a = ack.data;
    const sent = await t.get('SELECT 1 AS x FROM notice_targets WHERE notice_id = ? AND branch = ?', [a.id, branch]);
    if (!sent) continue;
    await t.run(
      'INSERT INTO notice_acks (notice_id, branch, acked_by_name, acked_by_staff_no, acked_by_role, acked_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notice_id, branch) DO NOTHING',
      [a.id, branch, a.ackedByName, a.ackedByStaffNo, a.ackedByRole, a.ackedAt, now],
    );
  }
}
