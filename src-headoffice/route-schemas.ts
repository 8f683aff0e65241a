// Fastify route schemas written as zod schemas (the sync contract's, the console's): a type
// provider so a handler's query and body are typed by its schema, and validator compilers that
// parse with zod, so a malformed request is refused in the project's error body, never Fastify's.
import type { FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import { AppError, type Bilingual } from '../src-main/shared/errors';
import { validationError } from '../src-main/shared/validation';

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

const isBilingual = (v: unknown): v is Bilingual =>
  typeof v === 'object' && v !== null && 'zh' in v && 'en' in v && typeof v.zh === 'string' && typeof v.en === 'string';

/**
 * A rule that states its own sentence (a custom check with `params: {zh, en}`, e.g. the sync
 * queries) is refused in those words; any other issue names its field (shared/validation.ts).
 */
export function refusalOf(issues: readonly z.core.$ZodIssue[]): AppError {
  const named = validationError(issues);
  for (const i of issues)
    if (i.code === 'custom' && isBilingual(i.params))
      return new AppError('VALIDATION', { zh: i.params.zh, en: i.params.en }, named.issues);
  return named;
}

/** Parses with the zod schema; the parsed value (defaults, transforms) replaces the raw one. */
export const zodValidator =
  (refuse: (issues: readonly z.core.$ZodIssue[]) => Error = refusalOf): FastifySchemaCompiler<z.ZodType> =>
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data);
    return r.success ? { value: r.data } : { error: refuse(r.error.issues) };
  };
