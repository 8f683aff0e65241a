// JSON read from UTF-8 bytes as Latin-1: one byte to a character, so no UTF-8 decoding, and V8
// parses a one-byte string about twice as fast as the two-byte string Chinese text decodes to
// (the 100k import spent 0.6 s decoding and 1.2 s parsing its snapshots). Every byte of a
// multi-byte UTF-8 character is ≥ 0x80, which JSON allows inside strings and nowhere else, and
// a UTF-8 decoder never takes an ASCII byte into a bad sequence; so the Latin-1 text is valid
// JSON exactly when the UTF-8 text is, with the same structure, keys, numbers and escapes. Only
// strings holding a character ≥ 0x80 read differently: a caller keeps from it only primitives
// and ASCII strings (isPlainFact), and parses the UTF-8 text where it needs anything else.

/** The bytes parsed as Latin-1 JSON, or `undefined` where they are not JSON (nor are they as UTF-8). */
export function parseLatin1(bytes: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(bytes.toString('latin1')) };
  } catch {
    return undefined;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;

/** A value the Latin-1 parse reads exactly as the UTF-8 parse does: null, a boolean, a number or an ASCII string. */
export const isPlainFact = (v: unknown): boolean =>
  v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !NON_ASCII.test(v));
