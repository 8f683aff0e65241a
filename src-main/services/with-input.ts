// A service's two doors: `.parsed` takes input its schema has already parsed (dispatch parses
// every message once, at the receiving end), the function itself parses first (the CLI, seeding
// and tests, which call services directly, with anything). Either way the service body sees parsed input only.
import type { z } from 'zod';
import { parseInput } from '../shared/validation';

/** What a service body receives: the schema's output (defaults applied, text trimmed). */
export type Parsed<S extends z.ZodType> = z.output<S>;

/** A service `(ctx, actor, input)` whose input is checked by `schema`. */
export function withInput<S extends z.ZodType, C, A, R>(
  schema: S,
  fn: (ctx: C, actor: A, input: z.output<S>) => R,
): ((ctx: C, actor: A, raw: unknown) => R) & { parsed: (ctx: C, actor: A, input: z.output<S>) => R } {
  return Object.assign((ctx: C, actor: A, raw: unknown) => fn(ctx, actor, parseInput(schema, raw)), { parsed: fn });
}

/** A service `(ctx, input)` whose input is checked by `schema`. */
export function withInputOnly<S extends z.ZodType, C, R>(
  schema: S,
  fn: (ctx: C, input: z.output<S>) => R,
): ((ctx: C, raw: unknown) => R) & { parsed: (ctx: C, input: z.output<S>) => R } {
  return Object.assign((ctx: C, raw: unknown) => fn(ctx, parseInput(schema, raw)), { parsed: fn });
}
