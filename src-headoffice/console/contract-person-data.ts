// The console's person's request (issue 20 §3): paths, bodies and answers. Both are POST so the phone never
// travels in a URL (access logs, browser history). Only a reviewer allowed to see personal data may use them
// (reviewers.sees_restricted until the reviewer flag of the access-log work replaces it); every find and
// export is written to hq_person_requests. Pure (zod and types): the console UI imports it through api-contract.ts.
import { z } from 'zod';
import type { PersonData, PersonDataExport } from '../../src-main/shared/person-data-types';
import { Phone } from '../../src-main/shared/schemas/common';
import { CONSOLE_API } from './contract-base';

export const PERSON_PATHS = {
  find: `${CONSOLE_API}/personal-data/find`,
  export: `${CONSOLE_API}/personal-data/export`,
} as const;

export const PersonFindBody = z.strictObject({ phone: Phone });
export const PersonExportBody = z.strictObject({
  phone: Phone,
  reason: z.string().trim().min(2).max(500),
  lang: z.enum(['zh-CN', 'en']).optional(),
});

/** POST find: what head office holds under the phone, from every branch. */
export type PersonFindAnswer = PersonData;
/** POST export: the PDF (base64) and the JSON file of the same data. */
export type PersonExportAnswer = PersonDataExport;
