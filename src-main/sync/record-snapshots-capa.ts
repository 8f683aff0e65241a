// A corrective action (纠正预防措施) as it rides on a case's snapshot to head office, and back to a
// CorrectiveAction (snapshots leave nulls out). Branches before corrective actions send none: the field is optional.
import { z } from 'zod';
import { CAPA_STATES, type CorrectiveAction } from '../shared/corrective-action-types';
import { count, maybe } from './protocol';

export const CorrectiveActionSnapshot = z.looseObject({
  id: z.string(),
  caseId: z.string(),
  responsibleUserId: maybe(z.string()),
  responsibleUnitId: maybe(z.string()),
  responsibleName: z.string(),
  actionText: z.string(),
  dueDate: z.string(),
  dueAt: z.number(),
  state: z.enum(CAPA_STATES),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.number(),
  doneAt: maybe(z.number()),
  doneBy: maybe(z.string()),
  doneByName: maybe(z.string()),
  doneNote: maybe(z.string()),
  confirmedAt: maybe(z.number()),
  confirmedBy: maybe(z.string()),
  confirmedByName: maybe(z.string()),
  confirmNote: maybe(z.string()),
  returnedAt: maybe(z.number()),
  returnedByName: maybe(z.string()),
  returnReason: maybe(z.string()),
  returnCount: count,
  version: count,
});
export type CorrectiveActionSnapshot = z.infer<typeof CorrectiveActionSnapshot>;

export const correctiveActionOf = (a: CorrectiveActionSnapshot): CorrectiveAction => ({
  id: a.id,
  caseId: a.caseId,
  responsibleUserId: a.responsibleUserId ?? null,
  responsibleUnitId: a.responsibleUnitId ?? null,
  responsibleName: a.responsibleName,
  actionText: a.actionText,
  dueDate: a.dueDate,
  dueAt: a.dueAt,
  state: a.state,
  createdBy: a.createdBy,
  createdByName: a.createdByName,
  createdAt: a.createdAt,
  doneAt: a.doneAt ?? null,
  doneBy: a.doneBy ?? null,
  doneByName: a.doneByName ?? null,
  doneNote: a.doneNote ?? null,
  confirmedAt: a.confirmedAt ?? null,
  confirmedBy: a.confirmedBy ?? null,
  confirmedByName: a.confirmedByName ?? null,
  confirmNote: a.confirmNote ?? null,
  returnedAt: a.returnedAt ?? null,
  returnedByName: a.returnedByName ?? null,
  returnReason: a.returnReason ?? null,
  returnCount: a.returnCount,
  version: a.version,
});
