// How one stored text loses a person's data (issue 20 §2): the personal fields of a snapshot or an
// audit diff become null, every other free-text string is redacted (domain/redact.ts: the recorded
// names and phones however written, and anyone's contact data); ids, numbers, codes and dates are kept.
import { type Identifiers, redactor } from './redact';

export type Redact = (text: string) => string;

/** Fields that hold nothing but a person's data, in every record type that has them. */
const PERSONAL_KEYS = new Set([
  'customerName',
  'customerPhone',
  'customerPhoneMasked',
  'phoneLast4',
  'customerOtherContact',
  'customerContactTime',
  'govContactPerson',
  'govContactPhone',
  'otherContact',
  'preferredContactTime',
  'phone',
]);
/** Keys whose values are identifiers, numbers, codes or dates: never redacted (a UUID could look like a phone). */
const KEPT_KEY =
  /(?:^id$|Id$|Ids$|^number$|Number$|Numbers$|sha256$|No$|^code$|Code$|Date$|At$|^at$|^kind$|^status$|^type$|^entity$|^action$)/;

export function redactorFor(ids: Identifiers): Redact {
  const r = redactor(ids);
  return (text) => r(text) ?? text;
}

/** A customer record's own `name` is personal too (elsewhere `name` is an item's or a file's name, redacted). */
const CUSTOMER_KEYS = new Set([...PERSONAL_KEYS, 'name']);
export const personalKeysOf = (entity: string): Set<string> => (entity === 'customer' ? CUSTOMER_KEYS : PERSONAL_KEYS);

export interface ScrubOptions {
  redact: Redact;
  /** The record type the text belongs to (a customer's `name` is nulled). */
  entity: string;
  /** Leave nulled fields out, as a snapshot stores them (an absent field is null). */
  dropNulls?: boolean;
}

/** Every string of `value` redacted and every personal field nulled (or dropped). */
export function scrubValue(value: unknown, o: ScrubOptions, key = ''): unknown {
  if (typeof value === 'string') return KEPT_KEY.test(key) ? value : o.redact(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, o, key));
  if (value === null || typeof value !== 'object') return value;
  const personal = personalKeysOf(o.entity);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (personal.has(k)) {
      if (!o.dropNulls) out[k] = null;
      continue;
    }
    out[k] = scrubValue(v, o, k);
  }
  return out;
}

/** A stored JSON text scrubbed; the same text when nothing in it changes (so unchanged rows are not rewritten). */
export function scrubJsonText(text: string | null, o: ScrubOptions): string | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return o.redact(text);
  }
  const out = JSON.stringify(scrubValue(parsed, o));
  return out === JSON.stringify(parsed) ? text : out;
}
