// Inputs of the corrective-action channels (纠正预防措施, issue 18 §1): set, done, confirm, send back, queue, accounts.
import { z } from 'zod';
import { Id, LocalDate, shortText } from './common';

/** A new action: one responsible person or one unit (the service refuses both or neither, naming `responsible`). */
export const CapaCreateInput = z.strictObject({
  caseId: Id,
  responsibleUserId: Id.optional(),
  responsibleUnitId: Id.optional(),
  actionText: shortText(1000),
  dueOn: LocalDate,
});
export const CapaDoneInput = z.strictObject({ actionId: Id, doneNote: shortText(1000) });
export const CapaConfirmInput = z.strictObject({ actionId: Id, effectNote: shortText(1000) });
export const CapaReturnInput = z.strictObject({ actionId: Id, returnReason: shortText(500) });
export const CapaQueueInput = z.strictObject({});
/** The manager's per-staff and per-unit view over a period of local dates [from, to]. */
export const CapaAccountsInput = z.strictObject({ from: LocalDate, to: LocalDate }).refine((p) => p.from <= p.to, {
  path: ['to'],
  params: { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
});
