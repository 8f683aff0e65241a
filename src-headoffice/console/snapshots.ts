// Reading stored JSON (a record payload, an alert's detail) through a zod schema for the console; null when it does not parse.
import type { z } from 'zod';

/**
 * The payload parsed by `schema`, or null when it is not JSON or does not match. Callers leave
 * such a record out of what the console shows: one bad record never breaks a page. Payloads
 * are stored as the branch sent them, so a record refused here stays in `records` untouched
 * and a newer version that parses is shown.
 */
export function readSnapshot<S extends z.ZodType>(schema: S, payload: string): z.output<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
