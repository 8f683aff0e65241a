// The words of a training sheet (issue 17 §6): the redacted proposal built from a case, the
// secretary's edit paired with the case's timestamps, and the check that refuses an approval
// while a field still holds the customer's recorded name or phone.
import { holdsIdentifier, redactor } from '../domain/redact';
import { refuse } from '../shared/errors';
import type { Parsed } from './with-input';
import type { TrainingApproveInput } from '../shared/schemas/training';
import type { TrainingText } from '../shared/training-sheet-types';
import type { CaseRecord } from '../shared/types';

type Identified = Pick<
  CaseRecord,
  | 'customerName'
  | 'customerPhone'
  | 'customerOtherContact'
  | 'receiptNo'
  | 'govContactPerson'
  | 'govContactPhone'
  | 'govReferenceNo'
>;

/** The people a case names and the numbers that reach them. */
const namesOf = (c: Identified) => [c.customerName, c.govContactPerson];
const contactsOf = (c: Identified) => [c.customerPhone, c.customerOtherContact, c.govContactPhone];

export const maskFor = (c: Identified) =>
  redactor({ names: namesOf(c), other: [...contactsOf(c), c.receiptNo, c.govReferenceNo] });

/** The proposal the secretary starts from: every free text of the case, masked. */
export function redactedText(c: CaseRecord): TrainingText {
  const mask = maskFor(c);
  const m = (t: string | null) => mask(t) ?? '';
  return {
    content: m(c.content),
    expectedResolution: m(c.expectedResolution),
    resolutionSummary: m(c.resolutionSummary),
    reviewText: m(c.reviewText),
    notes: c.events.filter((e) => e.text).map((e) => ({ at: e.at, text: m(e.text) })),
    escalations: c.escalations.map((e) => ({
      at: e.at,
      kind: e.kind,
      text: [m(e.note), m(e.outcome)].filter(Boolean).join(' → '),
    })),
    instructions: c.instructions.map((i) => ({ at: i.instructedAt, text: m(i.text) })),
  };
}

/** Field names and their words in refusals, zh-CN and en (the sheet's own headings). */
const FIELD_WORDS = {
  content: { zh: '异议内容', en: 'The objection' },
  expectedResolution: { zh: '顾客期望的解决方式', en: 'What the customer expected' },
  resolutionSummary: { zh: '处理说明', en: 'Summary' },
  reviewText: { zh: '领导审核意见', en: 'Manager review' },
  notes: { zh: '处理经过', en: 'How it was handled' },
  escalations: { zh: '升级处理', en: 'Escalations' },
  instructions: { zh: '部本部批示', en: 'Head office instruction' },
} satisfies Record<string, { zh: string; en: string }>;
type FieldKey = keyof typeof FIELD_WORDS;

type ListKey = 'notes' | 'escalations' | 'instructions';

/**
 * The secretary's words on the proposal's timestamps. Refuses when a list no longer matches the
 * proposal (the case changed since the draft was read) and when the objection is empty.
 */
export function editedText(proposal: TrainingText, input: Parsed<typeof TrainingApproveInput>): TrainingText {
  for (const key of ['notes', 'escalations', 'instructions'] as const satisfies ListKey[]) {
    if (input[key].length !== proposal[key].length)
      throw refuse(
        'CONFLICT',
        `个案的「${FIELD_WORDS[key].zh}」已有变化,请重新打开后再核准`,
        `"${FIELD_WORDS[key].en}" of the case has changed; open it again before approving`,
      );
  }
  if (input.content === '')
    throw refuse('VALIDATION', '培训文本的「异议内容」不能为空', 'The training text needs "The objection"', [
      { field: 'content', message: { zh: '异议内容:必须填写', en: 'The objection is required' } },
    ]);
  return {
    content: input.content,
    expectedResolution: input.expectedResolution,
    resolutionSummary: input.resolutionSummary,
    reviewText: input.reviewText,
    // An emptied entry is kept (empty) so that the lists stay aligned with the case; the sheet leaves it off.
    notes: proposal.notes.map((n, i) => ({ at: n.at, text: input.notes[i] ?? '' })),
    escalations: proposal.escalations.map((e, i) => ({ at: e.at, kind: e.kind, text: input.escalations[i] ?? '' })),
    instructions: proposal.instructions.map((n, i) => ({ at: n.at, text: input.instructions[i] ?? '' })),
  };
}

/** Each text of the sheet with its field path (`notes.2`) and field key. */
function fieldsOf(t: TrainingText): { path: string; key: FieldKey; text: string }[] {
  return [
    ...(['content', 'expectedResolution', 'resolutionSummary', 'reviewText'] as const).map((key) => ({
      path: key,
      key,
      text: t[key],
    })),
    ...(['notes', 'escalations', 'instructions'] as const).flatMap((key) =>
      t[key].map((e, i) => ({ path: `${key}.${i}`, key, text: e.text })),
    ),
  ];
}

/** Refuses, naming the field, when any text still holds the recorded name or phone/contact. */
export function refuseIdentified(c: Identified, t: TrainingText): void {
  const checks = [
    { ids: { names: namesOf(c), other: [] }, zh: '姓名', en: 'name' },
    { ids: { names: [], other: contactsOf(c) }, zh: '电话或联系方式', en: 'phone or contact' },
  ];
  for (const f of fieldsOf(t)) {
    const hit = checks.find((k) => holdsIdentifier(k.ids, f.text));
    if (!hit) continue;
    const word = FIELD_WORDS[f.key];
    const message = {
      zh: `「${word.zh}」仍含顾客或联系人的${hit.zh},请改为＊＊＊后再核准`,
      en: `"${word.en}" still contains the customer's or contact's ${hit.en}; replace it with ＊＊＊ before approving`,
    };
    throw refuse('VALIDATION', message.zh, message.en, [{ field: f.path, message }]);
  }
}

/** The text as one readable block, for the audit entry. */
export function textForAudit(t: TrainingText): string {
  return fieldsOf(t)
    .filter((f) => f.text)
    .map((f) => `${FIELD_WORDS[f.key].zh}:${f.text}`)
    .join('\n');
}
