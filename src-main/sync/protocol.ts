// The sync wire's contract (ARCHITECTURE §4, §6): zod schemas of everything that crosses
// between a branch and head office, parsed on arrival by both sides. Pure (zod and shared only).
import { z } from 'zod';
import { INSTRUCTION_KINDS } from '../shared/instruction-versions';
import { Notice } from '../shared/notice-wire';
import { MatterNotice } from '../shared/matter-notice-wire';
import { ReferenceOnPull } from '../shared/reference-data';
import { CASE_STATUSES, CHANNELS, FINDINGS, SATISFACTIONS, SEVERITIES } from '../shared/enums';

/** A sequence, a count, a version: a safe integer ≥ 0 (zod 4's int() is safe-integer bounded). */
export const count = z.number().int().nonnegative();
const bilingual = z.object({ zh: z.string(), en: z.string() });

// ---------------------------------------------------------------- the batch

/** The first line of a batch body. */
export const BatchEnvelope = z.object({
  protocol: count,
  /** The newest record schema version in the batch. */
  schema: count,
  branch: z.string(),
  /** Identity of the branch store's sequence (a new store starts a new one). */
  epoch: z.string(),
  firstSeq: count,
  lastSeq: count,
  count,
  /** sha256 (hex) of every byte after the envelope line. */
  sha256: z.string(),
});
export type BatchEnvelope = z.infer<typeof BatchEnvelope>;

/** The JSON header before the tab of each record line. */
export const RecordHeader = z.object({ seq: count, type: z.string(), id: z.string(), version: count, schema: count });
export type RecordHeader = z.infer<typeof RecordHeader>;

/** Just the sequence of a header, so an unusable line still takes its place in the ledger. */
export const HeaderSeq = z.object({ seq: count });

// ---------------------------------------------------------------- the batch file (USB)

export const BATCH_FILE_FORMAT = 'branch-desk-batches';

/** One signed batch inside a file: the signature parts and the gzipped body in base64. */
export const FileBatch = z.object({
  branch: z.string(),
  timestamp: z.number().int(),
  nonce: z.string(),
  signature: z.string(),
  body: z.string(),
});
export type FileBatch = z.infer<typeof FileBatch>;

export const BatchFile = z.object({
  format: z.literal(BATCH_FILE_FORMAT),
  version: z.literal(1),
  branch: z.string(),
  /** When the branch wrote the file; informative only (never checked against a clock). */
  createdAt: z.number().optional(),
  batches: z.array(FileBatch),
});
export type BatchFile = z.infer<typeof BatchFile>;

// ---------------------------------------------------------------- answers

/**
 * What head office holds of the branch (issue 15 §2, src-main/sync/README.md): on every push
 * and pull answer and at GET /v1/holding. Additive: an older head office leaves it out.
 */
export const BranchHolding = z.object({
  /** Every epoch it has a cursor for, newest first. */
  epochs: z.array(z.object({ epoch: z.string(), lastSeq: count })),
  /** The highest serial per number kind (YY, TH) and month (yyyymm). */
  numbers: z.array(z.object({ kind: z.string(), period: z.string(), last: count })),
  records: count,
});
export type BranchHolding = z.infer<typeof BranchHolding>;

/** One record as head office holds it (its newest version), for a recovering branch. */
export const HeldRecord = z.object({
  type: z.string(),
  id: z.string(),
  version: count,
  schema: count,
  /** The snapshot JSON the branch sent. */
  payload: z.string(),
});
export type HeldRecord = z.infer<typeof HeldRecord>;

/** 200 from GET /v1/recovery?after=N&limit=M. */
export const RecoveryPage = z.object({
  records: z.array(HeldRecord),
  /** Ask after this next time. */
  cursor: count,
  done: z.boolean(),
  holding: BranchHolding,
});
export type RecoveryPage = z.infer<typeof RecoveryPage>;

/** 200 from POST /v1/batches, given after head office's commit. */
export const PushAnswer = z.object({
  /** The highest sequence head office holds for this branch, after its commit. */
  ackedSeq: count,
  imported: count,
  unchanged: count,
  /** The whole batch was already held (nothing written). */
  duplicate: z.boolean(),
  quarantined: z.array(z.object({ seq: count.nullable(), reason: z.string() })),
  holding: BranchHolding.optional(),
});
export type PushAnswer = z.infer<typeof PushAnswer>;

/** An instruction (批示) of head office, as GET /v1/instructions serves it. */
export const Instruction = z.object({
  seq: count,
  instructionId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  branch: z.string(),
  text: z.string(),
  reviewerName: z.string(),
  /** ISO instant. */
  instructedAt: z.string(),
  /**
   * Additive (issue 13): a correction or withdrawal of an earlier 批示 (`supersedes`), with its
   * reason. Absent from an older head office: a plain 批示. An older branch ignores them and
   * shows the version's text as a new 批示 (a withdrawal's text says it withdraws).
   */
  kind: z.enum(INSTRUCTION_KINDS).optional(),
  reason: z.string().nullish(),
  supersedes: z.string().nullish(),
});
export type Instruction = z.infer<typeof Instruction>;

/** A reminder (催办) of head office about a case: not a 批示 (it instructs nothing). */
export const Reminder = z.object({
  seq: count,
  reminderId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  branch: z.string(),
  message: z.string(),
  reviewerName: z.string(),
  /** ISO instant. */
  sentAt: z.string(),
});
export type Reminder = z.infer<typeof Reminder>;

/** 200 from GET /v1/instructions. */
export const PullAnswer = z.object({
  instructions: z.array(Instruction),
  /** The cursor to ask from next time. */
  cursor: count,
  /**
   * Additive (issue 13 §8): reminders after `?reminders=N`, by their own cursor. Absent from an
   * older head office, and given only to a branch that asks (an older one does not).
   */
  reminders: z.array(Reminder).nullish(),
  reminderCursor: count.nullish(),
  /** Additive (issue 18 §2, shared/notice-wire.ts): head office's notices after `?notices=N`, by their own cursor. */
  notices: z.array(Notice).nullish(),
  noticeCursor: count.nullish(),
  holding: BranchHolding.optional(),
  /** Additive (issue 20 §2): the chain-wide retention in years, null when none is imposed; absent from an older head office. */
  retentionYears: z.number().int().min(1).max(30).nullish(),
  /** Additive (issue 21 §1, shared/reference-data.ts): head office's reference records after `?reference=N`, by their own cursor. */
  reference: z.array(ReferenceOnPull).nullish(),
  referenceCursor: count.nullish(),
  /** Additive (issue 22 §4, shared/matter-notice-wire.ts): head office's cross-branch matter notices after `?matters=N`, by their own cursor. */
  matterNotices: z.array(MatterNotice).nullish(),
  matterCursor: count.nullish(),
});
export type PullAnswer = z.infer<typeof PullAnswer>;

/** Every refusal of head office (sync and console alike), with the data the other side needs. */
export const ErrorBody = z.looseObject({
  /** A sync refusal (GAP, CLOCK_SKEW, …) or an application error code (VALIDATION, …). */
  code: z.string(),
  message: bilingual,
  issues: z.array(z.object({ field: z.string(), message: bilingual })).optional(),
  /** CLOCK_SKEW: head office's clock, which the branch adopts. */
  serverTime: z.number().optional(),
  /** GAP: the sequence head office expects next. */
  expectedSeq: z.number().optional(),
  /** ACCOUNT_LOCKED: milliseconds until sign-in is possible again. */
  retryAfterMs: z.number().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- request queries

const digits = (name: string, max: number) =>
  z
    .string()
    .refine((s) => s.length >= 1 && s.length <= max && [...s].every((c) => c >= '0' && c <= '9'), {
      params: { zh: `${name} 须为非负整数`, en: `${name} must be a non-negative integer` },
    })
    .transform(Number);

/** POST /v1/batches?backlog=N: outbox records still waiting at the branch (signed with the path). */
export const BatchesQuery = z.object({ backlog: digits('backlog', 12).optional() });
/** GET /v1/instructions?since=N. */
export const InstructionsQuery = z.object({
  since: digits('since', 15).default(0),
  /** The reminder cursor (issue 13 §8): with it, the answer carries the reminders after it. */
  reminders: digits('reminders', 15).optional(),
  /** The notice cursor (issue 18 §2): with it, the answer carries the notices after it. */
  notices: digits('notices', 15).optional(),
  /** The reference cursor (issue 21 §1): with it, the answer carries the reference records after it. */
  reference: digits('reference', 15).optional(),
  /** The matter notice cursor (issue 22 §4): with it, the answer carries the cross-branch matter notices after it. */
  matters: digits('matters', 15).optional(),
});

/** GET /v1/recovery?after=N&limit=M (limit 1–1000, default 500). */
export const RecoveryQuery = z.object({
  after: digits('after', 15).default(0),
  limit: digits('limit', 4)
    .refine((n) => n >= 1 && n <= 1000, { params: { zh: 'limit 须为 1–1000', en: 'limit must be 1–1000' } })
    .default(500),
});

// ---------------------------------------------------------------- record snapshots head office reads

/** A field absent from a snapshot is null (sync-format.ts). */
/** A field a branch may leave out or send as null. */
export const maybe = <T extends z.ZodType>(t: T) => t.nullish();

/**
 * The facts of a case snapshot head office projects into its case list (hq_cases). Other
 * fields pass unchecked; the stored payload stays the branch's bytes. A case record whose
 * snapshot does not match is stored but not listed (src-headoffice/projection.ts).
 */
export const CaseSnapshot = z.looseObject({
  id: z.string().min(1),
  number: z.string().min(1),
  status: maybe(z.enum(CASE_STATUSES)),
  channel: maybe(z.enum(CHANNELS)),
  categoryCode: maybe(z.string()),
  severity: maybe(z.enum(SEVERITIES)),
  receivedAt: z.number(),
  typical: maybe(z.boolean()),
  finding: maybe(z.enum(FINDINGS)),
  satisfaction: maybe(z.enum(SATISFACTIONS)),
  disputed: maybe(z.boolean()),
  anonymous: maybe(z.boolean()),
  customerName: maybe(z.string()),
  customerPhone: maybe(z.string()),
  receiptNo: maybe(z.string()),
  purchaseItems: maybe(z.array(z.looseObject({ name: maybe(z.string()), code: maybe(z.string()) }))),
  content: maybe(z.string()),
  dueAt: maybe(z.number()),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;

/** Slips and follow-ups belong to a case (head office files them under it). */
export const CaseChildSnapshot = z.looseObject({ id: z.string(), caseId: maybe(z.string()) });
/** An audit entry belongs to the record it describes. */
export const AuditSnapshot = z.looseObject({
  id: z.string(),
  entity: maybe(z.string()),
  entityId: maybe(z.string()),
  action: maybe(z.string()),
});
/** A unit: the console shows its name beside unit ids. */
export const UnitSnapshot = z.looseObject({ id: z.string(), name: maybe(z.string()) });
