// The pieces every part of the console's contract shares: the API's root path, the languages a
// printed form comes in, and the query field schemas (branch code, calendar day, optional field).
// Pure (zod only), like api-contract.ts, which re-exports what the UI needs.
import { z } from 'zod';

export const CONSOLE_API = '/console/api';

/** The languages a printed form comes in. */
export const FORM_LANGUAGES = ['zh-CN', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

export const branchCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z.string().refine((s) => /^[A-Z0-9]{2,16}$/.test(s), {
      params: { zh: '须为 2–16 位字母或数字', en: 'must be 2–16 letters or digits' },
    }),
  );
export const day = z.iso.date();
export const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** An optional query field: an empty value is no value. */
export const opt = <T extends z.ZodType>(t: T) => z.preprocess(emptyToUndefined, t.optional());
