// Reveal (issue 20 §1): a role the setting personalDataRoles names sees one case's or one slip's masked
// personal data in full after giving a reason; the reveal is logged in the same transaction. Nobody
// else ever gets the values from main.
import { loadSlip } from '../db/repositories/slip-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import type { PersonalField, RevealedPersonalData } from '../shared/personal-data';
import { RevealInput } from '../shared/schemas/personal-data';
import { recordAccess } from './access-log';
import { mayReadContent } from './case-read';
import { requireCase } from './case-store';
import type { ServiceContext } from './context';
import { mayRevealPersonal } from './personal-data';
import { maySeeSlipOf, unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

const notAllowed = () =>
  refuse('FORBIDDEN', '您的角色不能查看顾客的完整联系方式', "Your role may not see a customer's full contact details");
const notReadable = () => refuse('FORBIDDEN', '您不能查看此个案', 'You may not read this case');

/** Whether `actor` may read this case at all: its unit scope (unit staff) and an anonymous case's content. */
function mayReadCase(ctx: ServiceContext, actor: Actor, caseId: string, anonymous: boolean): boolean {
  const scope = unitScope(ctx, actor);
  const listed = stmt(ctx.db, `SELECT 1 FROM cases c WHERE c.id = ? AND (${scope.sql})`).get(caseId, ...scope.args);
  return listed !== undefined && mayReadContent(actor, { anonymous });
}

export const revealPersonalData = withInput(
  RevealInput,
  function revealPersonalData(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof RevealInput>,
  ): RevealedPersonalData {
    if (!mayRevealPersonal(ctx, actor)) throw notAllowed();
    return ctx.db.transaction((): RevealedPersonalData => {
      if (input.caseId !== undefined) {
        const c = requireCase(ctx, input.caseId);
        if (!mayReadCase(ctx, actor, c.id, c.anonymous)) throw notReadable();
        const out = { customerPhone: c.customerPhone, customerOtherContact: c.customerOtherContact };
        log(ctx, actor, 'case', c.id, out, input.reason);
        return out;
      }
      const slip = input.slipId === undefined ? undefined : loadSlip(ctx.db, input.slipId);
      if (!slip) throw refuse('NOT_FOUND', '找不到该退换货单', 'Slip not found');
      if (!maySeeSlipOf(ctx, actor, slip.unitId))
        throw refuse('FORBIDDEN', '只能查看本单位的退换货单', "You may only see your own unit's slips");
      const out = { customerPhone: slip.customerPhone, customerOtherContact: null };
      log(ctx, actor, 'slip', slip.id, out, input.reason);
      return out;
    })();
  },
);

function log(
  ctx: ServiceContext,
  actor: Actor,
  entityType: 'case' | 'slip',
  entityId: string,
  out: RevealedPersonalData,
  reason: string,
): void {
  const fields: PersonalField[] = [];
  if (out.customerPhone) fields.push('customerPhone');
  if (out.customerOtherContact) fields.push('customerOtherContact');
  // The access log row commits with the reveal: a reveal is never answered without its row.
  recordAccess(ctx, { by: actor.id, action: 'reveal', entityType, entityId, fields, reason });
}
