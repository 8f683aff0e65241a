// The shared schemas' messages for a calendar year or the phrase library, named for the editor who reads
// them (issue 21 §4): "步骤 2 · 标题(英文):必须填写" instead of the bare path steps.1.title.en. Checked in the
// browser before anything is sent, like useConsoleSubmit does for the other forms.
import type { z } from 'zod';
import type { Bilingual, FieldIssue } from '../../../src-main/shared/errors';
import { fieldLabel } from '../../../src-main/shared/i18n/field-labels';
import { validationError } from '../../../src-main/shared/validation';
import { referenceConsoleEn, referenceConsoleZhCN } from '../i18n/reference';

const ZH = referenceConsoleZhCN.reference;
const EN = referenceConsoleEn.reference;

const FIELDS: Record<string, [string, string]> = {
  source: [ZH.source, EN.source],
  provisional: [ZH.provisional, EN.provisional],
  year: [ZH.year, EN.year],
  key: [ZH.key, EN.key],
  'title.zh': [ZH.titleZh, EN.titleZh],
  'title.en': [ZH.titleEn, EN.titleEn],
  'hint.zh': [ZH.hintZh, EN.hintZh],
  'hint.en': [ZH.hintEn, EN.hintEn],
  'text.zh': [ZH.textZh, EN.textZh],
  'text.en': [ZH.textEn, EN.textEn],
  'name.zh': [ZH.nameZh, EN.nameZh],
  'name.en': [ZH.nameEn, EN.nameEn],
  channels: [ZH.channels, EN.channels],
  situations: [ZH.stepSituations, EN.stepSituations],
  situation: [ZH.situation, EN.situation],
  kind: [ZH.dayKind, EN.dayKind],
  date: ['日期', 'Date'],
};
const LISTS = {
  steps: [ZH.steps, EN.steps],
  situations: [ZH.situations, EN.situations],
  phrases: [ZH.phrases, EN.phrases],
  days: ['日期', 'Days'],
} as const;
const AT = {
  steps: [ZH.at.steps, EN.at.steps],
  situations: [ZH.at.situations, EN.at.situations],
  phrases: [ZH.at.phrases, EN.at.phrases],
} as const;

/** The words for a path of a calendar year or the library: list, item number, field. */
export function pathLabel(path: string, body: unknown): Bilingual {
  const [head = '', index, ...rest] = path.split('.');
  if (head in LISTS && index !== undefined && /^\d+$/.test(index)) {
    const n = Number(index) + 1;
    const field = rest.filter((p) => !/^\d+$/.test(p)).join('.');
    const [fz, fe] = FIELDS[field] ?? [field, field];
    if (head === 'days') {
      const days = (body as { days?: { date?: unknown }[] } | null)?.days;
      const date = typeof days?.[Number(index)]?.date === 'string' ? String(days[Number(index)]?.date) : `#${n}`;
      return { zh: `${date} · ${fz}`, en: `${date} · ${fe}` };
    }
    const [az, ae] = AT[head as keyof typeof AT];
    const item = { zh: az.replace('{{n}}', String(n)), en: ae.replace('{{n}}', String(n)) };
    return field ? { zh: `${item.zh} · ${fz}`, en: `${item.en} · ${fe}` } : item;
  }
  const list = LISTS[head as keyof typeof LISTS];
  if (list && index === undefined) return { zh: list[0], en: list[1] };
  const [fz, fe] = FIELDS[path] ?? [path, path];
  return { zh: fz, en: fe };
}

/** The body's problems under `schema`, each named for the editor (empty: it may be sent). */
export function referenceIssues(schema: z.ZodType, body: unknown): FieldIssue[] {
  const r = schema.safeParse(body);
  if (r.success) return [];
  return validationError(r.error.issues).issues.map((i) => {
    // The shared message is "<label>:<what>" / "<label> <what>"; only the label changes.
    const shared = fieldLabel(i.field);
    const label = pathLabel(i.field, body);
    return {
      field: i.field,
      message: {
        zh: `${label.zh}:${i.message.zh.slice(shared.zh.length + 1)}`,
        en: `${label.en}: ${i.message.en.slice(shared.en.length + 1)}`,
      },
    };
  });
}
