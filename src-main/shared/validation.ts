// Turns zod issues into an AppError that names each field, in zh-CN and en.
import type { z } from 'zod';
import { AppError, type Bilingual, type FieldIssue } from './errors';
import { fieldLabel } from './i18n/field-labels';

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'boolean' && (issue.input === undefined || issue.input === null)) {
        return { zh: '须明确选择“是”或“否”', en: 'must be answered yes or no' };
      }
      return issue.input === undefined || issue.input === null
        ? { zh: '必须填写', en: 'is required' }
        : { zh: '类型不正确', en: 'has the wrong type' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { zh: '必须填写', en: 'is required' }
          : { zh: `至少 ${issue.minimum} 个字符`, en: `must be at least ${issue.minimum} characters` };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { zh: `至少 ${issue.minimum} 项`, en: `needs at least ${issue.minimum} entries` };
      return { zh: `不能小于 ${issue.minimum}`, en: `must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string')
        return { zh: `不能超过 ${issue.maximum} 个字符`, en: `must be at most ${issue.maximum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { zh: `不能超过 ${issue.maximum} 项`, en: `allows at most ${issue.maximum} entries` };
      return { zh: `不能大于 ${issue.maximum}`, en: `must be at most ${issue.maximum}` };
    case 'invalid_format':
      return { zh: '格式不正确', en: 'has an invalid format' };
    case 'invalid_value':
      // An empty required select: ask to choose rather than call nothing "not valid".
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { zh: '请选择', en: 'please choose one' }
        : { zh: '不是有效的选项', en: 'is not one of the allowed values' };
    case 'unrecognized_keys':
      return { zh: `包含未知字段 ${issue.keys.join(', ')}`, en: `has unknown fields ${issue.keys.join(', ')}` };
    case 'custom': {
      const p = issue.params as Partial<Bilingual> | undefined;
      if (p?.zh && p.en) return { zh: p.zh, en: p.en };
      return { zh: '不正确', en: 'is invalid' };
    }
    default:
      return { zh: '不正确', en: 'is invalid' };
  }
}

export function validationError(issues: readonly Issue[]): AppError {
  const fieldIssues: FieldIssue[] = issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const label = fieldLabel(field);
    const what = describe(issue);
    return { field, message: { zh: `${label.zh}:${what.zh}`, en: `${label.en} ${what.en}` } };
  });
  const first = fieldIssues[0]?.message ?? { zh: '输入不正确', en: 'Invalid input' };
  const more = fieldIssues.length > 1;
  return new AppError(
    'VALIDATION',
    {
      zh: more ? `${first.zh}(另有 ${fieldIssues.length - 1} 处错误)` : first.zh,
      en: more ? `${first.en} (and ${fieldIssues.length - 1} more)` : first.en,
    },
    fieldIssues,
  );
}

/** Parses `input` with `schema` or throws a VALIDATION AppError naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}
