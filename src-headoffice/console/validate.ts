// Console input checks: the shared zod → bilingual issues, with the console's field names.
import type { z } from 'zod';
import { AppError, isAppError } from '../../src-main/shared/errors';
import { fieldLabel } from '../../src-main/shared/i18n/field-labels';
import { parseInput } from '../../src-main/shared/validation';
import { CONSOLE_FIELD_LABELS } from './api-contract';

/** Parses `raw` with `schema`; a refusal names each field with the console's labels. */
export function parseConsole<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  try {
    return parseInput(schema, raw) as z.infer<T>;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'VALIDATION') throw e;
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
    throw new AppError(
      'VALIDATION',
      { zh: more ? `${first.zh}(另有 ${issues.length - 1} 处错误)` : first.zh, en: more ? `${first.en} (and ${issues.length - 1} more)` : first.en },
      issues,
    );
  }
}
