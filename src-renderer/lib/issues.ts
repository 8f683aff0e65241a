// Field messages: before submit from the shared zod schemas (the same ones main parses
// with, turned into the same bilingual issues), after submit from main's Result issues.
import type { z } from 'zod';
import type { FieldIssue } from '../../src-main/shared/errors';
import { validationError } from '../../src-main/shared/validation';

export type IssueMap = Record<string, FieldIssue['message']>;

export function toIssueMap(issues: FieldIssue[]): IssueMap {
  const map: IssueMap = {};
  // The first message for a field wins: it is the most basic one (e.g. "required").
  for (const i of issues) map[i.field] ??= i.message;
  return map;
}

/** Validates with a shared schema; an empty map means the input is acceptable. */
export function checkWith(schema: z.ZodType, input: unknown): IssueMap {
  const r = schema.safeParse(input);
  return r.success ? {} : toIssueMap(validationError(r.error.issues).issues);
}
