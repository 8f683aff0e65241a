// The branch's case record (CaseRecord) made from the snapshot head office received: absent fields
// as null, promises answered the way older batches said it (keptAt), and the customer's phone masked
// as everywhere at head office. Pure: the console's case view and head office's printed record form
// both read the case through it, so the screen and the paper say the same.
import { offerOfJson } from '../../src-main/shared/resolution-offer';
import { maskPhone, normalizePhone } from '../../src-main/shared/phone';
import type { CaseRecord, FollowUp } from '../../src-main/shared/types';
import { correctiveActionOf } from '../../src-main/sync/record-snapshots-capa';
import type { CaseRecordSnapshot, FollowUpRecordSnapshot } from '../../src-main/sync/record-snapshots';

/** Head office sees the customer's phone masked (it does not call customers; the branch does). */
export function maskedPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const n = normalizePhone(raw);
  return n ? maskPhone(n) : null;
}

export function caseRecordOf(c: CaseRecordSnapshot): CaseRecord {
  return {
    id: c.id,
    number: c.number,
    branchCode: c.branchCode,
    channel: c.channel,
    status: c.status,
    severity: c.severity,
    receivedAt: c.receivedAt,
    receivedBy: c.receivedBy,
    assigneeId: c.assigneeId ?? null,
    anonymous: c.anonymous,
    customerId: c.customerId ?? null,
    customerName: c.customerName ?? null,
    customerOtherContact: c.customerOtherContact ?? null,
    customerContactTime: c.customerContactTime ?? null,
    govBody: c.govBody ?? null,
    govBodyName: c.govBodyName ?? null,
    govReferenceNo: c.govReferenceNo ?? null,
    govContactPerson: c.govContactPerson ?? null,
    govContactPhone: c.govContactPhone ?? null,
    purchaseDate: c.purchaseDate ?? null,
    receiptNo: c.receiptNo ?? null,
    purchaseAmountFen: c.purchaseAmountFen ?? null,
    categoryCode: c.categoryCode,
    complainedUnitId: c.complainedUnitId ?? null,
    complainedStaffName: c.complainedStaffName ?? null,
    complainedStaffNo: c.complainedStaffNo ?? null,
    handlingUnitId: c.handlingUnitId ?? null,
    extensionReason: c.extensionReason ?? null,
    extensionConsent: c.extensionConsent ?? null,
    extendedAt: c.extendedAt ?? null,
    resolutionType: c.resolutionType ?? null,
    resolutionSummary: c.resolutionSummary ?? null,
    resolutionAmountFen: c.resolutionAmountFen ?? null,
    slipNumbers: c.slipNumbers,
    resolutionOffer: offerOfJson(c.resolutionOffer),
    resolvedAt: c.resolvedAt ?? null,
    resolvedBy: c.resolvedBy ?? null,
    counterResolvedAt: c.counterResolvedAt ?? null,
    firstFedBackAt: c.firstFedBackAt ?? null,
    fedBackAt: c.fedBackAt ?? null,
    satisfaction: c.satisfaction ?? null,
    disputed: c.disputed ?? null,
    disputedAt: c.disputedAt ?? null,
    bodyAnswer: c.bodyAnswer ?? null,
    bodyAnswerNote: c.bodyAnswerNote ?? null,
    writtenReplyDate: c.writtenReplyDate ?? null,
    firstWrittenReplyDate: c.firstWrittenReplyDate ?? null,
    cause: c.cause ?? null,
    finding: c.finding ?? null,
    findingAt: c.findingAt ?? null,
    typical: c.typical,
    submittedAt: c.submittedAt ?? null,
    reviewText: c.reviewText ?? null,
    reviewedBy: c.reviewedBy ?? null,
    reviewedAt: c.reviewedAt ?? null,
    filedAt: c.filedAt ?? null,
    filedBy: c.filedBy ?? null,
    reopenedAt: c.reopenedAt ?? null,
    reopenCount: c.reopenCount,
    declineReasonCode: c.declineReasonCode ?? null,
    declineReasonZh: c.declineReasonZh ?? null,
    declineReasonEn: c.declineReasonEn ?? null,
    declineText: c.declineText ?? null,
    declineReferTo: c.declineReferTo ?? null,
    declinedAt: c.declinedAt ?? null,
    declinedBy: c.declinedBy ?? null,
    unreachableAttempts: c.unreachableAttempts ?? 0,
    filingReason: c.filingReason ?? null,
    dueAt: c.dueAt ?? null,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    customerPhone: maskedPhone(c.customerPhone),
    content: c.content,
    expectedResolution: c.expectedResolution ?? null,
    purchaseItems: c.purchaseItems.map((i) => ({
      name: i.name,
      quantity: i.quantity ?? 1,
      ...(i.code ? { code: i.code } : {}),
    })),
    events: c.events.map((e) => ({ ...e, text: e.text ?? null, data: e.data ?? null })),
    promises: c.promises.map((p) => ({
      id: p.id,
      promisedAt: p.promisedAt,
      note: p.note ?? null,
      madeBy: p.madeBy,
      madeAt: p.madeAt,
      // Batches written before promises were answered one by one carry keptAt.
      answeredAt: p.answeredAt ?? p.keptAt ?? null,
      replyText: p.replyText ?? null,
      answeredBy: p.answeredBy ?? null,
      nextPromiseId: p.nextPromiseId ?? null,
    })),
    escalations: c.escalations.map((e) => ({ ...e, outcome: e.outcome ?? null })),
    instructions: c.instructions,
    correctiveActions: (c.correctiveActions ?? []).map(correctiveActionOf),
    handlingSteps: (c.handlingSteps ?? []).map((h) => ({
      stepKey: h.stepKey,
      tickedBy: h.tickedBy,
      tickedByName: h.tickedByName,
      tickedAt: h.tickedAt,
    })),
  };
}

export const followUpOf = (f: FollowUpRecordSnapshot): FollowUp => ({
  ...f,
  note: f.note ?? null,
  doneAt: f.doneAt ?? null,
  doneBy: f.doneBy ?? null,
  result: f.result ?? null,
  assigneeId: f.assigneeId ?? null,
  outcome: f.outcome ?? null,
});
