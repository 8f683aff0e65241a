// Inputs of the cross-branch channels (issue 18 §3, §4): a sign recorded on a case, the double refunds asked.
import { z } from 'zod';
import { COMPLAINANT_SIGNS } from '../enums';
import { Id, optionalText } from './common';

/** A sign of the complainant's conduct; a 驳回 (rejected) must say why (the reason, up to 1000 characters). */
export const ComplainantSignInput = z
  .strictObject({ caseId: Id, sign: z.enum(COMPLAINANT_SIGNS), reason: optionalText(1000) })
  .superRefine((v, ctx) => {
    if (v.sign === 'rejected' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        params: { zh: '驳回须写明理由', en: 'is required for a rejection' },
      });
  });
