// The comparison key of a sales receipt number (小票号) for the duplicate-refund guard (issue 18 §4):
// the slip keeps what was typed; the guard compares keys.
import { DEFAULT_RECEIPT_SERIAL_START } from '../shared/settings-schema';

/** Whitespace and every dash or underscore a clerk or a scanner may put between the parts. */
const SEPARATORS = /[\s\-_\u2010-\u2015\u2212]/gu;

/**
 * The key: NFKC (full-width letters, digits and dashes become ASCII), upper case, separators removed;
 * then, when `serialStart` > 0 and the rest after that many characters is all digits, the serial part
 * loses its leading zeros and is joined to the head with one dash. `serialStart` 0: no serial part.
 * Invariant: every spelling of one receipt gives one key, so R20261120-0042, r20261120 0042,
 * R202611200042 and Ｒ２０２６１１２０－００４２ all give R20261120-42. An empty key means "no number".
 */
export function receiptKey(typed: string, serialStart: number = DEFAULT_RECEIPT_SERIAL_START): string {
  const compact = typed.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (serialStart <= 0 || compact.length <= serialStart) return compact;
  const serial = compact.slice(serialStart);
  if (!/^\d+$/.test(serial)) return compact;
  return `${compact.slice(0, serialStart)}-${serial.replace(/^0+(?=\d)/, '')}`;
}
