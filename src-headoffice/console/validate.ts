// Console input checks: the shared zod → bilingual issues, with the console's field names.
import type { z } from 'zod';
import { AppError } from '../../src-main/shared/errors';
import { fieldLabel } from '../../src-main/shared/i18n/field-labels';
import { validationError } from '../../src-main/shared/validation';
import { CONSOLE_FIELD_LABELS } from './api-contract';

/** The VALIDATION refusal of zod issues, each field named with the console's labels. */
export function consoleRefusal(zodIssues: readonly z.core.$ZodIssue[]): AppError {
  const e = validationError(zodIssues);
  const issues = e.issues.map((i) => {
    const mine = CONSOLE_FIELD_LABELS[i.field];
    if (!mine) return i;
    const shared = fieldLabel(i.field);
    return {
      field: i.field,
      message: { zh: i.message.zh.replace(shared.zh, mine.zh), en: i.message.en.replace(shared.en, mine.en) },
    };
  });
  const first = issues[0]?.message ?? e.messages;
  const more = issues.length > 1;
  return new AppError(
    'VALIDATION',
    {
      zh: more ? `${first.zh}(另有 ${issues.length - 1} 处错误)` : first.zh,
      en: more ? `${first.en} (and ${issues.length - 1} more)` : first.en,
    },
    issues,
  );
}

/** Parses `raw` with `schema`; a refusal names each field with the console's labels. */
export function parseConsole<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw consoleRefusal(r.error.issues);
  return r.data;
}
