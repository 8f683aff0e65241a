// Field messages before submit from the contract's zod schemas, named with the console's
// field labels (CONSOLE_FIELD_LABELS: "批示内容", not the branch's generic "内容"), the
// same names head office uses in its VALIDATION issues.
import type { z } from 'zod';
import { CONSOLE_FIELD_LABELS } from '../../src-headoffice/console/api-contract';
import { fieldLabel } from '../../src-main/shared/i18n/field-labels';
import { validationError } from '../../src-main/shared/validation';
import { type IssueMap, toIssueMap } from '../lib/issues';

export function checkConsole(schema: z.ZodType, input: unknown): IssueMap {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const issues = validationError(r.error.issues).issues.map((i) => {
    const label = CONSOLE_FIELD_LABELS[i.field];
    if (!label) return i;
    // The shared message is "<label>:<what>" / "<label> <what>"; only the label changes.
    const shared = fieldLabel(i.field);
    const zh = i.message.zh.slice(shared.zh.length + 1);
    const en = i.message.en.slice(shared.en.length + 1);
    return { field: i.field, message: { zh: `${label.zh}:${zh}`, en: `${label.en} ${en}` } };
  });
  return toIssueMap(issues);
}
