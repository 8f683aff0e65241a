// The case or slip an attachment belongs to, as a given user may reach it (issue 19): a case as
// reading it allows (case-read.ts: every signed-in role), a slip as slip visibility allows
// (unit-scope.ts); and whether new evidence may still be added to it.
import { loadSlip } from '../db/repositories/slip-repo';
import type { Actor } from '../domain/case-machine';
import type { AttachmentOwnerType } from '../shared/attachment-types';
import { refuse } from '../shared/errors';
import type { CaseStatus } from '../shared/enums';
import { CASE_STATUS_LABELS } from '../shared/i18n/vocabulary';
import { requireCase } from './case-store';
import type { ServiceContext } from './context';
import { maySeeSlipOf } from './unit-scope';

export interface AttachmentOwner {
  type: AttachmentOwnerType;
  id: string;
  /** The case the evidence belongs to: the case itself, or the slip's case (null for a slip without one). */
  caseId: string | null;
  caseStatus: CaseStatus | null;
  slipVoid: boolean;
}

/** The owner, refused when it does not exist (NOT_FOUND) or the user may not see it (FORBIDDEN). */
export function requireVisibleOwner(
  ctx: ServiceContext,
  actor: Actor,
  owner: { type: AttachmentOwnerType; id: string },
): AttachmentOwner {
  if (owner.type === 'case') {
    const c = requireCase(ctx, owner.id);
    return { type: 'case', id: c.id, caseId: c.id, caseStatus: c.status, slipVoid: false };
  }
  const s = loadSlip(ctx.db, owner.id);
  if (!s)
    throw refuse('NOT_FOUND', '找不到该退换货单', 'Slip not found', [
      { field: 'owner', message: { zh: '退换货单不存在', en: 'No such slip' } },
    ]);
  if (!maySeeSlipOf(ctx, actor, s.unitId))
    throw refuse('FORBIDDEN', '只能查看本单位的退换货单', "You may only see your own unit's slips");
  return { type: 'slip', id: s.id, caseId: s.caseId, caseStatus: null, slipVoid: s.status === 'void' };
}

/**
 * Invariant: evidence is added only while the record is open. A filed case (归档) or one not
 * accepted (不予受理) is closed: a supervisor or the manager reopens it first, so the record printed
 * and synced at filing is the record. A voided slip takes no more evidence either.
 */
export function requireOpenForEvidence(owner: AttachmentOwner): void {
  if (owner.type === 'case' && (owner.caseStatus === 'filed' || owner.caseStatus === 'not_accepted')) {
    const s = CASE_STATUS_LABELS[owner.caseStatus];
    throw refuse(
      'INVALID_TRANSITION',
      `个案处于“${s.zh}”状态,不能再添加附件:须由值班主管或店长重新打开后再补充证据`,
      `A case that is ${s.en.toLowerCase()} takes no more attachments: a duty supervisor or the manager reopens it first`,
    );
  }
  if (owner.type === 'slip' && owner.slipVoid)
    throw refuse('INVALID_TRANSITION', '已作废的退换货单不能添加附件', 'A voided slip takes no attachments');
}
