import { z } from 'zod';
import { normalizePhone } from '../phone';

export const Id = z.uuid();

/** An instant with an explicit offset (stored as UTC). */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar date in the branch's time zone. */
export const LocalDate = z.iso.date();

/** Money in integer fen (分). */
export const Fen = z.number().int().min(0).max(100_000_000_00);

export const shortText = (max = 100) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const Phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => normalizePhone(v) !== null, {
    params: {
      zh: '电话号码格式不正确(5–15 位数字,可带 +86)',
      en: 'is not a valid phone number (5–15 digits, +86 allowed)',
    },
  });

export const OptionalPhone = z
  .string()
  .trim()
  .max(30)
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || normalizePhone(v) !== null, {
    params: {
      zh: '电话号码格式不正确(5–15 位数字,可带 +86)',
      en: 'is not a valid phone number (5–15 digits, +86 allowed)',
    },
  });

/** A PIN the manager sets for someone else (initial or temporary): 6–8 digits, as long as one chosen (NewPin). */
export const Pin = z
  .string()
  .refine((v) => /^\d{6,8}$/.test(v), { params: { zh: '须为 6–8 位数字', en: 'must be 6–8 digits' } });
