// Checks that referenced reference data exists and is in use, with field-named refusals.
import { stmt } from '../db/statements';
import { assigneeRecusalOf } from '../domain/recusal';
import { refuse } from '../shared/errors';
import type { ServiceContext } from './context';

export function requireActiveUnit(ctx: ServiceContext, unitId: string, field: string): void {
  const row = stmt(ctx.db, 'SELECT active FROM units WHERE id = ?').get(unitId) as { active: number } | undefined;
  if (!row || row.active !== 1) {
    throw refuse('VALIDATION', '所选单位不存在或已停用', 'The selected unit does not exist or is no longer in use', [
      { field, message: { zh: '单位不存在或已停用', en: 'Unit does not exist or is inactive' } },
    ]);
  }
}

export function requireActiveCategory(ctx: ServiceContext, code: string): void {
  const row = stmt(ctx.db, 'SELECT active FROM categories WHERE code = ?').get(code) as { active: number } | undefined;
  if (!row || row.active !== 1) {
    throw refuse(
      'VALIDATION',
      `异议类别“${code}”不存在或已停用`,
      `Category "${code}" does not exist or is no longer in use`,
      [{ field: 'categoryCode', message: { zh: '类别不存在或已停用', en: 'Category does not exist or is inactive' } }],
    );
  }
}

export function requireActiveUser(
  ctx: ServiceContext,
  userId: string,
  field: string,
): { role: string; unitId: string | null } {
  const row = stmt(ctx.db, 'SELECT role, unit_id AS unitId, active FROM users WHERE id = ?').get(userId) as
    { role: string; unitId: string | null; active: number } | undefined;
  if (!row || row.active !== 1) {
    throw refuse('VALIDATION', '所选人员不存在或已停用', 'The selected person does not exist or is inactive', [
      { field, message: { zh: '人员不存在或已停用', en: 'User does not exist or is inactive' } },
    ]);
  }
  return row;
}

/** 回避: the staff a case is about is refused as the person given its handling or its follow-up call. */
export function requireAssignable(ctx: ServiceContext, complainedStaffNo: string | null, assigneeId: string): void {
  const user = stmt(ctx.db, 'SELECT staff_no AS staffNo, name FROM users WHERE id = ?').get(assigneeId) as
    { staffNo: string; name: string } | undefined;
  const reason = user && assigneeRecusalOf(complainedStaffNo, user);
  if (reason) throw refuse('VALIDATION', reason.zh, reason.en, [{ field: 'assigneeId', message: reason }]);
}
