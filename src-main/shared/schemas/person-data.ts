// Inputs of a person's request (issue 20 §3): the phone as typed (+86, spaces, full-width digits), and for an
// export the reason it is made (written to the access log).
import { z } from 'zod';
import { Phone } from './common';

export const PersonFindInput = z.strictObject({ phone: Phone });

export const PersonExportInput = z.strictObject({
  phone: Phone,
  reason: z.string().trim().min(2).max(500),
  /** The language of the PDF (the JSON's keys are English whatever it is). */
  lang: z.enum(['zh-CN', 'en']).optional(),
});
