// Amounts as people type them (full-width digits, ¥/￥, 1,200, spaces), parsed to integer fen.
// Pure: the renderer's amount inputs and main's zod schemas refuse with the same words.
import { z } from 'zod';
import type { Bilingual } from './errors';

/** The highest amount any field accepts, whatever the branch sets (¥100,000,000). */
export const AMOUNT_CEILING_FEN = 100_000_000_00;
/** The branch's default maximum per amount field (¥1,000,000). */
export const DEFAULT_MAX_AMOUNT_FEN = 1_000_000_00;

export const AMOUNT_MESSAGE: Bilingual = {
  zh: '请输入金额,如 1200 或 1200.50',
  en: 'Enter an amount such as 1200 or 1200.50',
};

export const tooLargeMessage = (maxFen: number): Bilingual => ({
  zh: `金额不能超过 ¥${formatYuan(maxFen)}`,
  en: `The amount may be at most ¥${formatYuan(maxFen)}`,
});

/** ¥ with thousands separators: 100000000 fen → "1,000,000"; 123450 → "1,234.50". */
export function formatYuan(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString('en-US');
  const cents = fen % 100;
  return cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`;
}

export type MoneyParse = { ok: true; fen: number } | { ok: false; message: Bilingual };

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c]/g;
const half = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Parses what was typed into fen; `maxFen` is the field's maximum. Empty text is refused too. */
export function parseMoney(raw: string, maxFen: number = AMOUNT_CEILING_FEN): MoneyParse {
  const s = raw
    .replace(FULL_WIDTH, half)
    .replace(/[\s\u3000]/g, '')
    .replace(/^[¥￥]/, '');
  // Thousands separators only in their places (1,200 or 1,200,000), never 12,00.
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(s)) return { ok: false, message: AMOUNT_MESSAGE };
  const [whole = '0', frac = ''] = s.replace(/,/g, '').split('.');
  if (whole.length > 12) return { ok: false, message: tooLargeMessage(maxFen) };
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (fen > maxFen) return { ok: false, message: tooLargeMessage(maxFen) };
  return { ok: true, fen };
}

/**
 * An amount field of an input schema: typed text (parsed as above) or integer fen, answered as
 * fen. Refusals carry the same words as the renderer's amount input.
 */
export const AmountFen = z.union([z.number(), z.string()]).transform((v, ctx): number => {
  if (typeof v === 'string') {
    const r = parseMoney(v);
    if (r.ok) return r.fen;
    ctx.addIssue({ code: 'custom', params: r.message });
    return z.NEVER;
  }
  if (!Number.isSafeInteger(v) || v < 0) {
    ctx.addIssue({ code: 'custom', params: AMOUNT_MESSAGE });
    return z.NEVER;
  }
  if (v > AMOUNT_CEILING_FEN) {
    ctx.addIssue({ code: 'custom', params: tooLargeMessage(AMOUNT_CEILING_FEN) });
    return z.NEVER;
  }
  return v;
});
