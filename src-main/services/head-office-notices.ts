// Head office's notices (通知, issue 18 §2) at the branch: stored once from the sync pull, shown on
// everyone's home screen until a manager or duty supervisor acknowledges them. The acknowledgement
// is recorded (audit) and sent to head office as a 'notice_ack' record in the same transaction.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import type { Role } from '../shared/enums';
import type { Notice } from '../shared/notice-wire';
import type { NoticeWaiting } from '../shared/product-types';
import { NoticeAckInput } from '../shared/schemas/products';
import { recordChange } from './changes';
import { authorOf } from './case-store';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** Who may acknowledge a notice for the branch. */
export const ACKNOWLEDGING_ROLES: readonly Role[] = ['manager', 'supervisor'];

/** Stores one notice from head office; false when it was held already. */
export function applyNotice(ctx: ServiceContext, n: Notice): boolean {
  const sentAt = Date.parse(n.sentAt);
  return (
    stmt(
      ctx.db,
      'INSERT INTO head_office_notices (id, title, text, item_key, reviewer_name, sent_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    ).run(
      n.noticeId,
      n.title,
      n.text,
      n.itemKey ?? null,
      n.reviewerName,
      Number.isNaN(sentAt) ? ctx.now() : sentAt,
      ctx.now(),
    ).changes > 0
  );
}

type Row = Omit<NoticeWaiting, 'mayAcknowledge'>;

/** The notices nobody has acknowledged yet, the newest first (every signed-in user sees them). */
export function noticesWaiting(ctx: ServiceContext, actor: Actor): NoticeWaiting[] {
  const rows = stmt(
    ctx.db,
    'SELECT id AS noticeId, title, text, item_key AS itemKey, reviewer_name AS reviewerName, sent_at AS sentAt FROM head_office_notices WHERE acked_at IS NULL ORDER BY sent_at DESC, id',
  ).all() as Row[];
  const may = ACKNOWLEDGING_ROLES.includes(actor.role);
  return rows.map((r) => ({ ...r, mayAcknowledge: may }));
}

/** Acknowledges the notice for the branch; refused for other roles, an unknown notice, or one acknowledged already. */
export const acknowledgeNotice = withInput(
  NoticeAckInput,
  function acknowledgeNotice(ctx: ServiceContext, actor: Actor, input: Parsed<typeof NoticeAckInput>): NoticeWaiting[] {
    if (!ACKNOWLEDGING_ROLES.includes(actor.role))
      throw refuse(
        'FORBIDDEN',
        '只有店长或值班主管可以确认总部通知',
        'Only the manager or a duty supervisor may acknowledge a head-office notice',
      );
    ctx.db.transaction(() => {
      const had = stmt(ctx.db, 'SELECT acked_at AS ackedAt FROM head_office_notices WHERE id = ?').get(
        input.noticeId,
      ) as { ackedAt: number | null } | undefined;
      if (!had)
        throw refuse('NOT_FOUND', '没有这条总部通知', 'No such head-office notice', [
          { field: 'noticeId', message: { zh: '没有这条总部通知', en: 'No such head-office notice' } },
        ]);
      if (had.ackedAt !== null)
        throw refuse('CONFLICT', '这条总部通知已确认', 'This head-office notice was acknowledged already');
      const at = ctx.now();
      stmt(ctx.db, 'UPDATE head_office_notices SET acked_at = ?, acked_by = ? WHERE id = ?').run(
        at,
        actor.id,
        input.noticeId,
      );
      recordChange(ctx, authorOf(actor), {
        action: 'notice.acknowledge',
        entity: 'notice_ack',
        entityId: input.noticeId,
        before: null,
        after: {
          id: input.noticeId,
          ackedAt: at,
          ackedByName: actor.name,
          ackedByStaffNo: actor.staffNo,
          ackedByRole: actor.role,
        },
        version: 1,
        sync: true,
      });
    })();
    return noticesWaiting(ctx, actor);
  },
);
