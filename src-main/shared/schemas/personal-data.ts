// Inputs of the personal-data channels (issue 20 §1): a reveal with its reason, and the access log's filter.
import { z } from 'zod';
import { ACCESS_ACTIONS } from '../access-log-types';

const id = z.string().trim().min(1).max(100);
const reasonText = z.string().trim().min(2).max(500);

/** Reveal one case's or one slip's personal data: exactly one of caseId / slipId, and why. */
export const RevealInput = z
  .strictObject({ caseId: id.optional(), slipId: id.optional(), reason: reasonText })
  .refine((v) => (v.caseId === undefined) !== (v.slipId === undefined), {
    path: ['caseId'],
    params: { zh: '请指定一个个案或一张退换货单', en: 'Name one case or one slip' },
  });

/** The access log's screen: a UTC range, a user, an action. */
export const AccessLogInput = z.strictObject({
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  userId: id.optional(),
  action: z.enum(ACCESS_ACTIONS).optional(),
});
