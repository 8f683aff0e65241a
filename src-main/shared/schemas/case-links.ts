// Inputs of issue 22's channels: suggest cases of the same matter, link, unlink, merge, undo a merge.
import { z } from 'zod';
import { Id, OptionalPhone, optionalText, shortText } from './common';

/** At least two characters: a reason someone can read later. */
const reason = z.string().trim().min(2).max(500);

/** On a case ({caseId}) or at intake (what the clerk typed so far): at least one of them. */
export const SuggestMatchesInput = z
  .strictObject({
    caseId: Id.optional(),
    phone: OptionalPhone,
    name: optionalText(50),
    receiptNo: optionalText(50),
    /** The purchased items as typed (main keys them with domain/item-key.ts). */
    items: z
      .array(z.strictObject({ name: optionalText(100), code: optionalText(50) }))
      .max(50)
      .optional(),
    content: optionalText(5000),
  })
  .refine(
    (v) => v.caseId || v.phone || v.name || v.receiptNo || v.content || (v.items ?? []).some((i) => i.name || i.code),
    { params: { zh: '请至少提供一项', en: 'give at least one field' } },
  );

export const LinkCasesInput = z.strictObject({
  caseIds: z
    .array(Id)
    .min(2)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { params: { zh: '个案重复', en: 'a case is listed twice' } }),
  note: optionalText(500),
});

export const UnlinkCaseInput = z.strictObject({ caseId: Id, reason });

export const MergeCasesInput = z.strictObject({
  duplicateId: Id,
  primaryId: Id,
  /** Needed when the two customers' phone or name differ. */
  differentCustomerConfirmed: z.boolean().default(false),
  reason: shortText(500),
});

export const UndoMergeInput = z.strictObject({ duplicateId: Id, reason });
