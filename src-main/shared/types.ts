// Shapes returned across the process boundary. Instants are epoch milliseconds UTC; the
// renderer formats them in the branch's time zone.
import type { CorrectiveAction } from './corrective-action-types';
import type { CaseLinksView } from './case-links';
import type { HandlingStepTick } from './handling-guide';
import type { Bilingual } from './errors';
import type { ResolutionOffer } from './resolution-offer';
import type { InstructionKind } from './instruction-versions';
import type {
  BodyAnswer,
  CaseAction,
  Cause,
  CaseStatus,
  Channel,
  EscalationKind,
  FilingReason,
  Finding,
  FollowUpOutcome,
  GovernmentBody,
  ResolutionType,
  Role,
  Satisfaction,
  Severity,
  SignOffPolicy,
} from './enums';

export interface SessionUser {
  id: string;
  staffNo: string;
  name: string;
  role: Role;
  unitId: string | null;
}

export interface CaseEvent {
  id: string;
  at: number;
  actorName: string;
  kind: string;
  text: string | null;
  data: Record<string, unknown> | null;
}

/**
 * A promised reply time (约定回复时间). Open until answered with a progress reply; kept when
 * answered by its time, missed when answered later or still unanswered past it (promise-state.ts).
 */
export interface CasePromise {
  id: string;
  promisedAt: number;
  note: string | null;
  madeBy: string;
  madeAt: number;
  /** When the customer was given the progress reply (or the feedback that answered it). */
  answeredAt: number | null;
  /** What the customer was told; null when feedback answered it without a note. */
  replyText: string | null;
  answeredBy: string | null;
  /** The promise made in the same step as the reply. */
  nextPromiseId: string | null;
}

export interface CaseEscalation {
  id: string;
  kind: EscalationKind;
  note: string;
  outcome: string | null;
  byUser: string;
  at: number;
}

export interface CaseInstruction {
  id: string;
  text: string;
  reviewerName: string;
  instructedAt: number;
  appliedAt: number;
  /** A correction or withdrawal of the 批示 `supersedesId`, with head office's reason (migration 0012). */
  kind?: InstructionKind;
  reason?: string | null;
  supersedesId?: string | null;
}

export interface FollowUp {
  id: string;
  caseId: string;
  dueDate: string;
  dueAt: number;
  note: string | null;
  scheduledBy: string;
  doneAt: number | null;
  doneBy: string | null;
  /** The note on the outcome (earlier free-text follow-ups: their result). */
  result: string | null;
  /** Who is to make the follow-up (a member of staff); null on follow-ups from before assignees. */
  assigneeId: string | null;
  /** How it ended; null while open (and on free-text follow-ups from before outcome codes). */
  outcome: FollowUpOutcome | null;
  version: number;
}

/** A follow-up the branch's setting asks for, offered to the secretary, not yet a record. */
export interface FollowUpProposal {
  /** Which of the configured follow-ups (0-based), or null for another attempt after an unreachable one. */
  index: number | null;
  dueDate: string;
  assigneeId: string;
}

/** The case aggregate: what the detail screen shows, what the record form prints, what head office receives. */
export interface CaseRecord {
  id: string;
  number: string;
  branchCode: string;
  channel: Channel;
  status: CaseStatus;
  severity: Severity;
  receivedAt: number;
  receivedBy: string;
  assigneeId: string | null;
  anonymous: boolean;
  customerId: string | null;
  customerName: string | null;
  customerPhone: string | null;
  customerOtherContact: string | null;
  customerContactTime: string | null;
  govBody: GovernmentBody | null;
  govBodyName: string | null;
  govReferenceNo: string | null;
  govContactPerson: string | null;
  govContactPhone: string | null;
  /** Quantity 1 for items recorded before quantities were (older records have none). */
  purchaseItems: PurchaseItem[];
  purchaseDate: string | null;
  receiptNo: string | null;
  purchaseAmountFen: number | null;
  content: string;
  expectedResolution: string | null;
  categoryCode: string;
  complainedUnitId: string | null;
  /** 回避: the staff complained about (营业员) and her staff number; she may not handle the case (domain/recusal.ts). */
  complainedStaffName: string | null;
  complainedStaffNo: string | null;
  handlingUnitId: string | null;
  extensionReason: string | null;
  extensionConsent: boolean | null;
  extendedAt: number | null;
  resolutionType: ResolutionType | null;
  resolutionSummary: string | null;
  resolutionAmountFen: number | null;
  slipNumbers: string[];
  /** Offering choices (issue 21 §3): the options offered with the resolution and the one chosen; null when none recorded. */
  resolutionOffer: ResolutionOffer | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  /** In store only: resolved at the counter while the customer was there; the handling clock stopped then (SPEC §4). */
  counterResolvedAt: number | null;
  firstFedBackAt: number | null;
  fedBackAt: number | null;
  satisfaction: Satisfaction | null;
  disputed: boolean | null;
  disputedAt: number | null;
  /** Government channel: the body's answer to the branch's written reply (not the customer's dispute flag). */
  bodyAnswer: BodyAnswer | null;
  bodyAnswerNote: string | null;
  /** Government channel: the latest written reply to the body (local date, branch time) and the first one (the limit counts it). */
  writtenReplyDate: string | null;
  firstWrittenReplyDate: string | null;
  cause: Cause | null;
  finding: Finding | null;
  findingAt: number | null;
  typical: boolean;
  submittedAt: number | null;
  reviewText: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  filedAt: number | null;
  filedBy: string | null;
  reopenedAt: number | null;
  reopenCount: number;
  /**
   * 不予受理 (SPEC §12): set when the case was not accepted (status not_accepted), null while it is
   * accepted — by default at intake, by whoever received it (receivedBy, createdAt). The reason's
   * words are kept as chosen from the branch's list; referTo names the competent body.
   */
  declineReasonCode: string | null;
  declineReasonZh: string | null;
  declineReasonEn: string | null;
  declineText: string | null;
  declineReferTo: string | null;
  declinedAt: number | null;
  declinedBy: string | null;
  /** Follow-ups that ended unreachable (联系不上). */
  unreachableAttempts: number;
  /** Set when the case was filed for a reason of its own (顾客无法联系); null for an ordinary filing. */
  filingReason: FilingReason | null;
  dueAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  events: CaseEvent[];
  promises: CasePromise[];
  escalations: CaseEscalation[];
  instructions: CaseInstruction[];
  /** 纠正预防措施 (shared/corrective-action-types.ts); absent from snapshots of branches before them. */
  correctiveActions?: CorrectiveAction[];
  /** Steps of guided handling ticked (migration 0030, shared/handling-guide.ts); absent from older snapshots. */
  handlingSteps?: HandlingStepTick[];
  /** Issue 22 (migration 0032): the matter it is linked in (null: alone); absent from older snapshots. */
  matterId?: string | null;
  /** Issue 22: merged as a duplicate (closed as 重复: status filed) into this case id / number, when, by whom (user id), why. */
  mergedInto?: string | null;
  mergedIntoNumber?: string | null;
  mergedAt?: number | null;
  mergedBy?: string | null;
  mergeReason?: string | null;
}

/** A case as a given user may see it: anonymous content is withheld from roles without the right. */
/** A reminder (催办) head office sent about a case, as the branch received it (instants in ms). */
export interface CaseReminder {
  id: string;
  caseId: string;
  message: string;
  reviewerName: string;
  sentAt: number;
  receivedAt: number;
  /** When someone at the branch read it on the case (null: unread). */
  seenAt: number | null;
}

/** A case on the home screen's 总部催办 list: its unread reminders, the newest one's words. */
export interface ReminderWaiting {
  caseId: string;
  caseNumber: string;
  unread: number;
  latestAt: number;
  latestMessage: string;
  reviewerName: string;
}

/** Issue 22: CaseLinksView (shared/case-links.ts) adds the matter's other cases, the merge pointer and the merged duplicates. */
export interface CaseView extends Omit<CaseRecord, 'content' | 'expectedResolution' | 'matterId'>, CaseLinksView {
  content: string | null;
  expectedResolution: string | null;
  contentHidden: boolean;
  /** Who signs the case off once fed back: head office (报部本部), the manager (呈领导审核) or nobody. */
  signOff: SignOffPolicy;
  followUps: FollowUp[];
  /** The follow-ups the branch's setting asks for after feedback, not yet scheduled (for those who may schedule them). */
  followUpProposals: FollowUpProposal[];
  /** Unreachable follow-ups needed before the case may be filed as "customer unreachable" (the branch's setting). */
  unreachableAttemptsToFile: number;
  /** Active staff a follow-up may be assigned to: the viewer first, then the case's handler, then the rest (empty for those who may not schedule). */
  followUpAssignees: { id: string; name: string; role: Role }[];
  /** The same customer's other cases, newest first (SPEC §3 "link to the customer's earlier cases"). */
  customerCases: { id: string; number: string; status: CaseStatus; receivedAt: number; finding: Finding | null }[];
  /** `why`: when the working calendar moved the handling limit, why (issue 21 §2: "国庆节休息,顺延至 10月8日"). */
  due: { at: number; kind: 'handling' | 'promise'; overdue: boolean; why?: Bilingual | null } | null;
  /** Actions the viewing user may take now (the UI shows only these). */
  allowedActions: string[];
  /** Actions the viewer's role could take that the case's state blocks, with what to do first. */
  blockedActions: { action: CaseAction; reason: Bilingual }[];
  /** The status an allowed action moves the case to (for the confirmation dialog). */
  actionTargets: Partial<Record<CaseAction, CaseStatus>>;
  /** Names for ids the record carries (who received it, the units, who escalated). */
  names: Record<string, string>;
  /** The slips linked to this case by id, oldest first. */
  slips: SlipRow[];
  /** issue 20: whether customerPhone / customerOtherContact come masked, and whether this viewer may reveal them. */
  personalData: PersonalDataState;
}

/** issue 20 §1: how a case's or slip's personal data reached this viewer (services/personal-data.ts). */
export interface PersonalDataState {
  masked: boolean;
  mayReveal: boolean;
}

export interface QueueRow {
  id: string;
  number: string;
  channel: Channel;
  status: CaseStatus;
  severity: Severity;
  customerName: string | null;
  categoryCode: string;
  receivedAt: number;
  dueAt: number | null;
  overdue: boolean;
  /** Set for the follow-up queue. */
  followUpDueAt?: number;
  /** A short excerpt of the content; null where the viewer may not read it. */
  excerpt: string | null;
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

export interface IntakeCheck {
  customerIds: string[];
  unfoundedLast12Months: number;
  flagged: boolean;
  /** Unfounded at other branches as head office said at the last sync (issue 18 §3); null before any. */
  otherBranches: { unfounded: number; asOf: number } | null;
  openCases: { id: string; number: string; status: CaseStatus; receivedAt: number; samePurchase: boolean }[];
}

export interface SlipLineRecord {
  itemCode: string;
  name: string;
  spec?: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

/** The return/exchange slip (SPEC §5), as stored, printed and sent to head office. */
export interface SlipRecord {
  id: string;
  number: string;
  branchCode: string;
  type: 'return' | 'exchange';
  status: 'pending_approval' | 'completed' | 'void';
  customerName: string | null;
  customerPhone: string | null;
  receiptNo: string;
  purchaseDate: string | null;
  unitId: string;
  unitName: string;
  salespersonName: string | null;
  salespersonStaffNo: string | null;
  returnedLines: SlipLineRecord[];
  issuedLines: SlipLineRecord[];
  returnedTotalFen: number;
  issuedTotalFen: number;
  differenceFen: number;
  refundFen: number;
  refundMethod: 'cash' | 'bank_card' | 'original_channel' | 'store_credit' | null;
  /** 收款方式: how the customer paid an exchange's difference (null unless the customer paid). */
  paymentMethod: 'cash' | 'bank_card' | 'store_credit' | null;
  reasonCode: string;
  reasonText: string | null;
  packagingIntact: boolean;
  accessoriesComplete: boolean;
  qualityProblem: boolean;
  deductCommission: boolean;
  caseId: string | null;
  caseNumber: string | null;
  handledBy: string;
  handledByName: string;
  handledAt: number;
  approvalReasons: ('over_limit' | 'duplicate_receipt')[];
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: number | null;
  voidReason: string | null;
  voidedBy: string | null;
  voidedByName: string | null;
  voidedAt: number | null;
  settlementStatus: 'unsettled' | 'settled';
  settledOn: string | null;
  settledBy: string | null;
  settledByName: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** Earlier slips, not void, with the same receipt and item (shown to the approver). */
  /** The receipt's comparison key (domain/receipt-number.ts), sent so head office compares across branches alike. */
  receiptKey?: string;
  duplicates: { number: string; itemCodes: string[] }[];
}

/** A slip in the slip screen's queues, search results and a case's slip list (phone masked). */
export interface SlipRow {
  id: string;
  number: string;
  type: 'return' | 'exchange';
  status: 'pending_approval' | 'completed' | 'void';
  settlementStatus: 'unsettled' | 'settled';
  customerName: string | null;
  customerPhoneMasked: string | null;
  receiptNo: string;
  unitName: string;
  returnedTotalFen: number;
  refundFen: number;
  handledAt: number;
  caseId: string | null;
  caseNumber: string | null;
}

/** A slip as the slip screen shows it: the record plus the names of who voided and settled it. */
export interface SlipView extends SlipRecord {
  voidedByName: string | null;
  settledByName: string | null;
  /** issue 20: the phone comes masked; whether this viewer may reveal it. */
  personalData: PersonalDataState;
}

/** One entry of a case's history: who changed what, from the audit log. */
export interface CaseHistoryEntry {
  id: string;
  at: number;
  actorName: string;
  /** The audit action, e.g. `case.forward`, `case.create`. */
  action: string;
  /** A case change's name as its timeline event words it (答复部门 on a government case, 呈领导审核 for a
   * submission to the manager: shared/event-label.ts); null for a follow-up's row or an unknown action. */
  label: Bilingual | null;
  /** The fields that changed (keys of CaseRecord) with their values; for a list (promises, escalations,
   * instructions) the number of entries added or changed; content withheld as the case view withholds it. */
  changes: { field: string; before: HistoryValue; after: HistoryValue }[];
}

export type HistoryValue = string | number | boolean | null;

/** A purchased item of a case as stored (JSON in cases.purchase_items). */
export interface PurchaseItem {
  name: string;
  code?: string;
  quantity: number;
}
