// Quantities as people type them (全角 digits from a Chinese IME, spaces), 1 to 999: the same
// parser and refusal on screen and in main's schemas (purchased items of a case).
import { z } from 'zod';
import type { Bilingual } from './errors';

export const QUANTITY_MAX = 999;

export const QUANTITY_MESSAGE: Bilingual = {
  zh: `请输入数量,1 至 ${QUANTITY_MAX} 的整数`,
  en: `Enter a whole quantity from 1 to ${QUANTITY_MAX}`,
};

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
const half = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** The quantity typed, or null when it is not a whole number from 1 to 999. Empty text is 1. */
export function parseQuantity(raw: string): number | null {
  const s = raw.replace(FULL_WIDTH_DIGIT, half).replace(/[\s\u3000]/g, '');
  if (s === '') return 1;
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= QUANTITY_MAX ? n : null;
}

/** A quantity in an input: a whole number 1–999, refused with the words above. */
export const Quantity = z
  .number()
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= QUANTITY_MAX, { params: QUANTITY_MESSAGE });
