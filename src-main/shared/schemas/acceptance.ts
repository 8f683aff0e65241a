// The input of 不予受理 (SPEC §12): a reason code from the branch's list (main checks it is in the
// list), the reason in words, and the competent body the customer is told to turn to (required: the
// notice must say where to go).
import { z } from 'zod';
import { Id, shortText } from './common';

export const DeclineInput = z.strictObject({
  caseId: Id,
  declineReason: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v.length > 0, { params: { zh: '请选择', en: 'please choose one' } }),
  declineText: shortText(1000),
  referTo: shortText(200),
});
