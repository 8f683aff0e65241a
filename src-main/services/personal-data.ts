// Masking by role in main (issue 20 §1): what leaves main for a screen or a print carries the customer's
// phone and other contact masked, whoever asks; the roles the setting personalDataRoles names may reveal
// them for one case or slip with a reason (personal-data-reveal.ts), and the assignee of an open
// follow-up sees the phone of her own follow-up's case (she has to call; the minimum-necessary exception).
import type { Actor } from '../domain/case-machine';
import { stmt } from '../db/statements';
import { maskedContact, maskedPhone } from '../shared/personal-data';
import type { ServiceContext } from './context';

/** Whether the actor's role is one the setting lets see personal data (reveal, print and ID copies in full). */
export const mayRevealPersonal = (ctx: ServiceContext, actor: Pick<Actor, 'role'>): boolean =>
  ctx.settings().personalDataRoles.includes(actor.role);

/** Whether the actor is the assignee of a follow-up of this case not yet done. */
export function hasOpenFollowUp(ctx: ServiceContext, actor: Pick<Actor, 'id'>, caseId: string): boolean {
  return (
    stmt(ctx.db, 'SELECT 1 FROM follow_ups WHERE case_id = ? AND assignee_id = ? AND done_at IS NULL LIMIT 1').get(
      caseId,
      actor.id,
    ) !== undefined
  );
}

interface CaseContact {
  customerPhone: string | null;
  customerOtherContact: string | null;
}

/** A case (record, view or print data) with its customer's phone and other contact masked. */
export const maskCaseContact = <T extends CaseContact>(c: T): T => ({
  ...c,
  customerPhone: maskedPhone(c.customerPhone),
  customerOtherContact: maskedContact(c.customerOtherContact),
});

/** A slip with its customer's phone masked. */
export const maskSlipContact = <T extends { customerPhone: string | null }>(s: T): T => ({
  ...s,
  customerPhone: maskedPhone(s.customerPhone),
});
