// Whole records as head office's console shows them (sync contract, part 2 of protocol.ts):
// zod schemas of the case, slip, follow-up, audit and unit snapshots a branch sends.
import { ResolutionOfferStored } from '../shared/resolution-offer';
import { z } from 'zod';
import {
  BODY_ANSWERS,
  CASE_STATUSES,
  CAUSES,
  CHANNELS,
  ESCALATION_KINDS,
  FILING_REASONS,
  FOLLOW_UP_OUTCOMES,
  GOVERNMENT_BODIES,
  PAYMENT_METHODS,
  REFUND_METHODS,
  RESOLUTION_TYPES,
  SETTLEMENT_STATUSES,
  SEVERITIES,
  SLIP_STATUSES,
  SLIP_TYPES,
} from '../shared/enums';
import { CorrectiveActionSnapshot } from './record-snapshots-capa';
import { AuditSnapshot, CaseChildSnapshot, CaseSnapshot, count, maybe, UnitSnapshot } from './protocol';

// The records as the branch writes them (shared/types.ts, one row of its store each): what
// the console's case detail and consolidated summary read. A column the branch declares NOT
// NULL is required; a nullable one may be absent (snapshots leave nulls out, nested rows
// too). Fields a newer branch adds pass unchecked. Each extends the header schema in protocol.ts, so
// whatever that refuses these refuse too. A record that does not parse is left out of what
// the console shows (src-headoffice/console/snapshots.ts).

/** `after: { $snapshot: … }` of an audit record: the record version sent in the same batch (sync-format.ts SNAPSHOT_REF). */
export const SnapshotRef = z.object({ type: z.string(), id: z.string(), version: count });
export type SnapshotRef = z.infer<typeof SnapshotRef>;

const CaseEventSnapshot = z.looseObject({
  id: z.string(),
  at: z.number(),
  actorName: z.string(),
  kind: z.string(),
  text: maybe(z.string()),
  data: maybe(z.record(z.string(), z.unknown())),
});
const CasePromiseSnapshot = z.looseObject({
  id: z.string(),
  promisedAt: z.number(),
  note: maybe(z.string()),
  madeBy: z.string(),
  madeAt: z.number(),
  /** Batches written before promises were answered one by one carry keptAt for the same instant. */
  keptAt: maybe(z.number()),
  answeredAt: maybe(z.number()),
  replyText: maybe(z.string()),
  answeredBy: maybe(z.string()),
  nextPromiseId: maybe(z.string()),
});
const CaseEscalationSnapshot = z.looseObject({
  id: z.string(),
  kind: z.enum(ESCALATION_KINDS),
  note: z.string(),
  outcome: maybe(z.string()),
  byUser: z.string(),
  at: z.number(),
});
/** An instruction of head office as the branch applied it (instants in ms, unlike the wire's Instruction). */
const CaseInstructionSnapshot = z.looseObject({
  id: z.string(),
  text: z.string(),
  reviewerName: z.string(),
  instructedAt: z.number(),
  appliedAt: z.number(),
});

/** A case (CaseRecord): the aggregate with its timeline, promises, escalations and applied instructions. */
export const CaseRecordSnapshot = CaseSnapshot.extend({
  branchCode: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(CASE_STATUSES),
  severity: z.enum(SEVERITIES),
  receivedBy: z.string(),
  assigneeId: maybe(z.string()),
  anonymous: z.boolean(),
  customerId: maybe(z.string()),
  customerOtherContact: maybe(z.string()),
  customerContactTime: maybe(z.string()),
  govBody: maybe(z.enum(GOVERNMENT_BODIES)),
  govBodyName: maybe(z.string()),
  govReferenceNo: maybe(z.string()),
  govContactPerson: maybe(z.string()),
  govContactPhone: maybe(z.string()),
  purchaseItems: z.array(
    z.looseObject({ name: z.string(), code: maybe(z.string()), quantity: maybe(z.number().int()) }),
  ),
  purchaseDate: maybe(z.string()),
  purchaseAmountFen: maybe(z.number().int()),
  content: z.string(),
  expectedResolution: maybe(z.string()),
  categoryCode: z.string(),
  complainedUnitId: maybe(z.string()),
  /** 回避: the staff complained about and her staff number; absent from older branches. */
  complainedStaffName: maybe(z.string()),
  complainedStaffNo: maybe(z.string()),
  handlingUnitId: maybe(z.string()),
  extensionReason: maybe(z.string()),
  extensionConsent: maybe(z.boolean()),
  extendedAt: maybe(z.number()),
  resolutionType: maybe(z.enum(RESOLUTION_TYPES)),
  resolutionSummary: maybe(z.string()),
  resolutionAmountFen: maybe(z.number().int()),
  slipNumbers: z.array(z.string()),
  /** Offering choices (issue 21 §3): the options offered and the one chosen; absent from older branches. */
  resolutionOffer: maybe(ResolutionOfferStored),
  resolvedAt: maybe(z.number()),
  resolvedBy: maybe(z.string()),
  /** In store: resolved at the counter with the customer there (the handling clock stopped then). */
  counterResolvedAt: maybe(z.number()),
  firstFedBackAt: maybe(z.number()),
  fedBackAt: maybe(z.number()),
  disputedAt: maybe(z.number()),
  /** Government channel: the body's answer, its note, the latest and the first written reply date (local dates). */
  bodyAnswer: maybe(z.enum(BODY_ANSWERS)),
  bodyAnswerNote: maybe(z.string()),
  writtenReplyDate: maybe(z.string()),
  firstWrittenReplyDate: maybe(z.string()),
  cause: maybe(z.enum(CAUSES)),
  findingAt: maybe(z.number()),
  typical: z.boolean(),
  submittedAt: maybe(z.number()),
  reviewText: maybe(z.string()),
  reviewedBy: maybe(z.string()),
  reviewedAt: maybe(z.number()),
  filedAt: maybe(z.number()),
  filedBy: maybe(z.string()),
  /** Follow-ups that ended unreachable, and the reason of a filing of its own (顾客无法联系); absent from older branches. */
  unreachableAttempts: maybe(count),
  filingReason: maybe(z.enum(FILING_REASONS)),
  reopenedAt: maybe(z.number()),
  reopenCount: count,
  /** 不予受理: the reason (code and its words as chosen), the reason in words, the competent body, who and when; absent from older branches. */
  declineReasonCode: maybe(z.string()),
  declineReasonZh: maybe(z.string()),
  declineReasonEn: maybe(z.string()),
  declineText: maybe(z.string()),
  declineReferTo: maybe(z.string()),
  declinedAt: maybe(z.number()),
  declinedBy: maybe(z.string()),
  version: count,
  createdAt: z.number(),
  updatedAt: z.number(),
  events: z.array(CaseEventSnapshot),
  promises: z.array(CasePromiseSnapshot),
  escalations: z.array(CaseEscalationSnapshot),
  instructions: z.array(CaseInstructionSnapshot),
  /** 纠正预防措施 (migration 0023); absent from older branches. */
  correctiveActions: maybe(z.array(CorrectiveActionSnapshot)),
  /** Steps of guided handling ticked (migration 0030, issue 21 §3); absent from older branches. */
  handlingSteps: maybe(
    z.array(
      z.looseObject({ stepKey: z.string(), tickedBy: z.string(), tickedByName: z.string(), tickedAt: z.number() }),
    ),
  ),
  /** Issue 22 (migration 0032): the matter linked in, and a duplicate's merge pointer (closed as 重复: status filed);
   * absent from older branches and from cases alone / not merged. */
  matterId: maybe(z.string()),
  mergedInto: maybe(z.string()),
  mergedIntoNumber: maybe(z.string()),
  mergedAt: maybe(z.number()),
  mergedBy: maybe(z.string()),
  mergeReason: maybe(z.string()),
});
export type CaseRecordSnapshot = z.infer<typeof CaseRecordSnapshot>;

const SlipLineSnapshot = z.looseObject({
  itemCode: z.string(),
  name: z.string(),
  spec: z.string().optional(),
  quantity: z.number(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
});

/** A return/exchange slip (SlipRecord): lines, totals, approval, void and finance settlement. */
export const SlipRecordSnapshot = CaseChildSnapshot.extend({
  number: z.string(),
  branchCode: z.string(),
  type: z.enum(SLIP_TYPES),
  status: z.enum(SLIP_STATUSES),
  customerName: maybe(z.string()),
  customerPhone: maybe(z.string()),
  receiptNo: z.string(),
  purchaseDate: maybe(z.string()),
  unitId: z.string(),
  unitName: z.string(),
  salespersonName: maybe(z.string()),
  salespersonStaffNo: maybe(z.string()),
  returnedLines: z.array(SlipLineSnapshot),
  issuedLines: z.array(SlipLineSnapshot),
  returnedTotalFen: z.number().int(),
  issuedTotalFen: z.number().int(),
  differenceFen: z.number().int(),
  refundFen: z.number().int(),
  refundMethod: maybe(z.enum(REFUND_METHODS)),
  // Added by branch migration 0018: snapshots from older branches have none, and still import.
  paymentMethod: maybe(z.enum(PAYMENT_METHODS)),
  reasonCode: z.string(),
  reasonText: maybe(z.string()),
  packagingIntact: z.boolean(),
  accessoriesComplete: z.boolean(),
  qualityProblem: z.boolean(),
  deductCommission: z.boolean(),
  caseNumber: maybe(z.string()),
  handledBy: z.string(),
  handledByName: z.string(),
  handledAt: z.number(),
  approvalReasons: z.array(z.enum(['over_limit', 'duplicate_receipt'])),
  approvedBy: maybe(z.string()),
  approvedByName: maybe(z.string()),
  approvedAt: maybe(z.number()),
  voidReason: maybe(z.string()),
  voidedBy: maybe(z.string()),
  voidedByName: maybe(z.string()),
  voidedAt: maybe(z.number()),
  settlementStatus: z.enum(SETTLEMENT_STATUSES),
  settledOn: maybe(z.string()),
  settledBy: maybe(z.string()),
  settledByName: maybe(z.string()),
  version: count,
  createdAt: z.number(),
  updatedAt: z.number(),
  duplicates: z.array(z.looseObject({ number: z.string(), itemCodes: z.array(z.string()) })),
  /** The receipt's key (issue 18 §4) head office compares across branches; absent from older branches. */
  receiptKey: maybe(z.string()),
});
export type SlipRecordSnapshot = z.infer<typeof SlipRecordSnapshot>;

/** A follow-up (回访, FollowUp) of a case. */
export const FollowUpRecordSnapshot = CaseChildSnapshot.extend({
  caseId: z.string(),
  dueDate: z.string(),
  dueAt: z.number(),
  note: maybe(z.string()),
  scheduledBy: z.string(),
  doneAt: maybe(z.number()),
  doneBy: maybe(z.string()),
  result: maybe(z.string()),
  /** Who is to make it, and how it ended (absent from older branches and open follow-ups). */
  assigneeId: maybe(z.string()),
  outcome: maybe(z.enum(FOLLOW_UP_OUTCOMES)),
  version: count,
});
export type FollowUpRecordSnapshot = z.infer<typeof FollowUpRecordSnapshot>;

/** An audit entry (services/changes.ts recordChange): who changed what; before/after hold the changed fields. */
export const AuditRecordSnapshot = AuditSnapshot.extend({
  at: z.number(),
  actorId: maybe(z.string()),
  actorStaffNo: maybe(z.string()),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** Absent (null) for a creation. */
  before: maybe(z.record(z.string(), z.unknown())),
  /** For a synced creation, `{ $snapshot: SnapshotRef }` instead of the fields. */
  after: maybe(z.record(z.string(), z.unknown())),
});
export type AuditRecordSnapshot = z.infer<typeof AuditRecordSnapshot>;

/** A unit (部门/柜组) of the branch. */
export const UnitRecordSnapshot = UnitSnapshot.extend({
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  version: count,
});
export type UnitRecordSnapshot = z.infer<typeof UnitRecordSnapshot>;
