// The head-office console's JSON API: paths, request schemas (zod) and response types.
// Pure TypeScript (zod, src-main/shared and the types of src-main/sync/protocol.ts) so that the console UI can import it too.
// STABLE: once committed, only additive changes (new optional fields, new endpoints).
//
// Conventions
// - Every path is under /console/api. JSON in, JSON out (UTF-8).
// - Instants are epoch milliseconds UTC. Date filters (`from`, `to`, `date`) are calendar days
//   (yyyy-mm-dd) in head office's time zone, CONSOLE_TIME_ZONE; `to` is inclusive.
// - Sign-in sets an HttpOnly, SameSite=Strict cookie SESSION_COOKIE with Path=/console
//   (Secure when served over https). The session ends after IDLE_MINUTES without a request
//   or ABSOLUTE_HOURS after sign-in, whichever comes first.
// - Every state-changing request (POST, PUT, PATCH, DELETE) except POST /session must carry
//   the header CSRF_HEADER with the csrfToken of the session, and an Origin (when the browser
//   sends one) equal to the console's own origin. Otherwise: 403 FORBIDDEN, nothing changes.
// - Every refusal is a ConsoleErrorBody with an HTTP status:
//     400 VALIDATION (issues name each field, zh + en)   401 NOT_SIGNED_IN (no or expired session)
//     401 AUTH_FAILED (wrong username or password)       423 ACCOUNT_LOCKED (too many failures; retryAfterMs)
//     403 FORBIDDEN (CSRF token or Origin wrong)         404 NOT_FOUND       409 CONFLICT
//     500 INTERNAL
import { z } from 'zod';
import {
  BODY_ANSWERS,
  CASE_STATUSES,
  CAUSES,
  CHANNELS,
  ESCALATION_KINDS,
  FINDINGS,
  SATISFACTIONS,
  SEVERITIES,
  type CaseStatus,
  type Channel,
  type Finding,
  type Satisfaction,
  type Severity,
} from '../../src-main/shared/enums';
import type { Bilingual } from '../../src-main/shared/errors';
import type { InstructionKind } from '../../src-main/shared/instruction-versions';
import {
  type Closing,
  CLOSINGS,
  FOLLOW_UP_TALLIES,
  type Summary,
  WRITTEN_REPLIES,
} from '../../src-main/shared/summary-types';
import type { CaseRecordSnapshot, FollowUpRecordSnapshot, SlipRecordSnapshot } from '../../src-main/sync/protocol';

export const CONSOLE_API = '/console/api';
export const CONSOLE_PATHS = {
  session: `${CONSOLE_API}/session`,
  cases: `${CONSOLE_API}/cases`,
  /** Fastify route pattern; build real URLs with casePath(). */
  caseDetail: `${CONSOLE_API}/cases/:branch/:id`,
  caseInstructions: `${CONSOLE_API}/cases/:branch/:id/instructions`,
  instructionVersions: `${CONSOLE_API}/cases/:branch/:id/instructions/:instructionId/versions`,
  caseAssignment: `${CONSOLE_API}/cases/:branch/:id/assignment`,
  caseRead: `${CONSOLE_API}/cases/:branch/:id/read`,
  caseReminders: `${CONSOLE_API}/cases/:branch/:id/reminders`,
  /** GET ?lang=zh-CN|en: the 顾客异议处理记录表 as the branch prints it (PDF). */
  caseRecordPdf: `${CONSOLE_API}/cases/:branch/:id/record.pdf`,
  reviewers: `${CONSOLE_API}/reviewers`,
  summary: `${CONSOLE_API}/summary`,
  repeatComplainants: `${CONSOLE_API}/repeat-complainants`,
  /** GET: every branch's units, UnitOption[] (the list's unit filter). */
  units: `${CONSOLE_API}/units`,
  branchHealth: `${CONSOLE_API}/branches/health`,
  /** POST HealthAckBody: a reviewer acknowledges one problem of a branch as shown. */
  branchHealthAck: `${CONSOLE_API}/branches/health/acks`,
  /** GET: the day's dashboard, the console's home (Dashboard). */
  dashboard: `${CONSOLE_API}/dashboard`,
} as const;

export const casePath = (branch: string, id: string): string =>
  `${CONSOLE_API}/cases/${encodeURIComponent(branch)}/${encodeURIComponent(id)}`;
export const caseInstructionsPath = (branch: string, id: string): string => `${casePath(branch, id)}/instructions`;
export const instructionVersionsPath = (branch: string, id: string, instructionId: string): string =>
  `${caseInstructionsPath(branch, id)}/${encodeURIComponent(instructionId)}/versions`;
export const caseAssignmentPath = (branch: string, id: string): string => `${casePath(branch, id)}/assignment`;
export const caseReadPath = (branch: string, id: string): string => `${casePath(branch, id)}/read`;
export const caseRemindersPath = (branch: string, id: string): string => `${casePath(branch, id)}/reminders`;
export const caseRecordPdfPath = (branch: string, id: string, lang: FormLanguage): string =>
  `${casePath(branch, id)}/record.pdf?lang=${lang}`;

/** The languages a printed form comes in. */
export const FORM_LANGUAGES = ['zh-CN', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];
export const RecordPdfQuery = z.object({ lang: z.enum(FORM_LANGUAGES).default('zh-CN') });

export const SESSION_COOKIE = 'hq_console_session';
export const CSRF_HEADER = 'x-csrf-token';
export const CONSOLE_TIME_ZONE = 'Asia/Shanghai';
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
/** Failed sign-ins in a row before the account is locked, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const INSTRUCTION_MAX_CHARS = 2000;
export const CASE_PAGE_DEFAULT = 50;
export const CASE_PAGE_MAX = 200;
/** Two cases are "the same matter" when their receipt no. or an item name matches within this many days. */
export const SAME_MATTER_DAYS = 90;

// ---------------------------------------------------------------- shared pieces

/** Body of every refusal: the sync wire's error body (src-main/sync/protocol.ts), one shape for branches and console. */
export type { ErrorBody as ConsoleErrorBody } from '../../src-main/sync/protocol';

const branchCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z.string().refine((s) => /^[A-Z0-9]{2,16}$/.test(s), {
      params: { zh: '须为 2–16 位字母或数字', en: 'must be 2–16 letters or digits' },
    }),
  );
const day = z.iso.date();
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(emptyToUndefined, t.optional());

// ---------------------------------------------------------------- session

/** POST /session */
export const SignInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type SignInBody = z.infer<typeof SignInBody>;

export interface Reviewer {
  username: string;
  /** Shown as the 批示人 of every instruction this reviewer sends. */
  name: string;
}

/** 200 from POST /session (also sets the cookie) and from GET /session. DELETE /session → 204. */
export interface SessionInfo {
  reviewer: Reviewer;
  csrfToken: string;
  /** When the session ends at the latest (absolute limit). */
  expiresAt: number;
  /** When it ends if no request comes before (idle limit); moves with every request. */
  idleExpiresAt: number;
}

// ---------------------------------------------------------------- case list

/**
 * GET /cases — newest first by receivedAt, then branch, then id (keyset order). `q` matches
 * a case number or customer phone by prefix (digits, dashes and spaces of a phone are
 * ignored), and any substring of the customer's name or the content (Chinese included; one
 * or two characters work). `after` is the nextCursor of the previous page, with the same
 * filters. On PostgreSQL a 1–2 character `q` that would take over 3 s (a rare pair of
 * characters over every branch) is refused: 400 VALIDATION on `q`, asking for a third
 * character or a branch/date filter.
 */
/** waiting: the case waiting longest first (since it went for sign-off, else since received). */
export const CASE_ORDERS = ['newest', 'oldest', 'waiting'] as const;
/** The deadline a case is overdue by: the handling limit or a promised reply time. */
export const OVERDUE_KINDS = ['handling', 'promise'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];
/** A unit at head office is (branch, unit): "SH01/<unit id>", as the summary keys it. */
export const UNIT_KEY = /^([A-Z0-9]{2,16})\/(.{1,100})$/;
export const unitKeyOf = (branch: string, unitId: string): string => `${branch}/${unitId}`;
export type CaseOrder = (typeof CASE_ORDERS)[number];

export const CaseListQuery = z.object({
  branch: opt(branchCode),
  status: opt(z.enum(CASE_STATUSES)),
  category: opt(z.string().trim().min(1).max(40)),
  channel: opt(z.enum(CHANNELS)),
  from: opt(day),
  to: opt(day),
  q: opt(z.string().trim().min(1).max(100)),
  /** major: only 重大 cases. */
  severity: opt(z.enum(SEVERITIES)),
  /** 1: only cases past the deadline the branch last sent and not closed (filed or not accepted). */
  overdue: opt(z.enum(['1'])),
  /** newest (received, the default), oldest received or waiting longest first; a 待批示 queue (status awaiting_instruction) defaults to waiting. */
  order: opt(z.enum(CASE_ORDERS)),
  /** 1: only the cases assigned to the signed-in reviewer ("my queue"). */
  mine: opt(z.enum(['1'])),
  /** Only the cases complained about this unit, keyed "SH01/<unit id>" (GET /units lists them). */
  unit: opt(
    z
      .string()
      .trim()
      .refine((s) => UNIT_KEY.test(s), {
        params: { zh: '须为“门店代码/部门编号”,如 SH01/u-1', en: 'must be "branch code/unit id", e.g. SH01/u-1' },
      }),
  ),
  /** 1: only cases answered after their deadline (the handling limit in effect then, or a promised reply time). */
  late: opt(z.enum(['1'])),
  /** Only open cases past this deadline: the handling limit or a promised reply time. */
  overdueBy: opt(z.enum(OVERDUE_KINDS)),
  /** Only cases with a purchased item of exactly this name (the dashboard's product flags lead here). */
  item: opt(z.string().trim().min(1).max(200)),
  after: opt(z.string().min(1).max(300)),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(CASE_PAGE_MAX).default(CASE_PAGE_DEFAULT)),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export interface CaseListRow {
  branch: string;
  id: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  category: string;
  severity: Severity;
  receivedAt: number;
  /** When head office last received a newer version of the case. */
  updatedAt: number;
  typical: boolean;
  finding: Finding | null;
  satisfaction: Satisfaction | null;
  disputed: boolean;
  customerName: string | null;
  /** 138****5678; null for anonymous cases or no phone. */
  customerPhoneMasked: string | null;
  receiptNo: string | null;
  /** The first 80 characters of the content. */
  excerpt: string;
  /** The case's deadline as the branch last sent it (CaseRecord.dueAt); null: none. The console shows it with overdue. */
  dueAt?: number | null;
  /** Head office has given this case a 批示 (one or more). */
  instructed?: boolean;
  /** The reviewer the case is assigned to (their name), null: nobody. */
  assignedTo?: string | null;
  assignedToMe?: boolean;
  /** The signed-in reviewer has marked it read (已阅). */
  readByMe?: boolean;
  /** Set when the customer is flagged (SPEC §9): their unfounded (失实) findings in 12 months, at any branch. */
  repeatUnfounded?: number;
  /** The unit complained about and the handling unit, keyed "SH01/<unit id>"; null: none. */
  complainedUnit?: string | null;
  handlingUnit?: string | null;
  /** Which deadline an open case is past now (the handling limit before a promise); null: none. */
  overdueBy?: OverdueKind | null;
  /** Which deadline it was answered after; null: on time or not answered. */
  lateBy?: OverdueKind | null;
  /** Since when it waits for a sign-off (else since received), and whole days since then. */
  waitingSince?: number;
  daysWaiting?: number;
}

/** One unit of one branch (GET /units), ordered by branch then name. */
export interface UnitOption {
  /** "SH01/<unit id>": the list's `unit` filter. */
  key: string;
  branch: string;
  unitId: string;
  name: string;
  active: boolean;
}

export interface CaseListPage {
  rows: CaseListRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * Number of matching cases, exact when totalExact. Otherwise a lower bound (10,000 for
   * filters, 1,000 for a search: "more than") or, for the unfiltered list, the table's estimate.
   */
  total: number;
  totalExact: boolean;
}

// ---------------------------------------------------------------- case detail

export const CaseParams = z.object({ branch: branchCode, id: z.string().trim().min(1).max(100) });
export type CaseParams = z.infer<typeof CaseParams>;

/**
 * The case as the console shows it: the branch's snapshot as received, parsed with the sync
 * contract's CaseRecordSnapshot (src-main/sync/protocol.ts); a field that is absent is null
 * (SPEC §10; sync-format.ts). Not the protocol's CaseSnapshot, which is the projection's facts.
 */
export type ConsoleCaseView = CaseRecordSnapshot;

/** One change of the case from the synced audit log (oldest first); an audit record that does not parse is left out. */
export interface CaseHistoryEntry {
  id: string;
  at: number;
  actorName: string;
  /** e.g. `case.create`, `case.forward`, `slip.void`, `follow_up.done`. */
  action: string;
  entity: string;
  entityId: string;
  /** The fields that changed (null for a creation). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** An instruction (批示) head office sent for a case. */
export interface ConsoleInstruction {
  instructionId: string;
  text: string;
  reviewerName: string;
  /** ISO instant, as the branch receives it. */
  instructedAt: string;
  /** Whether the case snapshot head office last received already carries it (the branch applied it). */
  appliedByBranch: boolean;
  /** instruction (absent on one stored before versions), or a correction or withdrawal of `supersedes`. */
  kind?: InstructionKind;
  reason?: string | null;
  /** The instruction id this version supersedes. */
  supersedes?: string | null;
}

export interface CaseAssignment {
  reviewer: string;
  reviewerName: string;
  assignedByName: string;
  assignedAt: number;
}

export interface CaseRead {
  reviewer: string;
  reviewerName: string;
  readAt: number;
}

/** GET /cases/:branch/:id */
export interface CaseDetail {
  branch: string;
  case: ConsoleCaseView;
  /** Version of the snapshot and when head office received it. */
  version: number;
  importedAt: number;
  history: CaseHistoryEntry[];
  /** Slips and follow-ups whose snapshots parse (a record that does not is left out). */
  slips: SlipRecordSnapshot[];
  followUps: FollowUpRecordSnapshot[];
  instructions: ConsoleInstruction[];
  /** Who the case is assigned to (null: nobody), and who has marked it read (已阅). */
  assignment?: CaseAssignment | null;
  reads?: CaseRead[];
  /** Reminders (催办) head office sent about the case, oldest first. */
  reminders?: ConsoleReminder[];
  /** The same customer's other cases at every branch, and whether they are flagged (SPEC §9). */
  customer?: CustomerHistory;
  /**
   * Names for the ids the case and its records carry, of this branch only: its units (unit
   * records), its staff (from the audit records' actor and the slips' handler/approver names).
   */
  names: Record<string, string>;
  /** The data's age: the branch's last batch imported (null: never) and its newest case's receipt time. */
  lastBatchAt: number | null;
  newestCaseAt: number | null;
}

/** SPEC §9: a customer with this many unfounded (失实) findings in a rolling 12 months is flagged. */
export const UNFOUNDED_FLAG = 3;

/** The customer's history at head office: matched by normalised phone, else exact name; never an anonymous case. */
export interface CustomerHistory {
  /** The other cases, newest first (at most 20). */
  cases: {
    branch: string;
    id: string;
    number: string;
    status: CaseStatus;
    finding: Finding | null;
    receivedAt: number;
  }[];
  /** Unfounded findings in the last 12 months (by the finding's time), this case included, at any branch. */
  unfoundedLast12Months: number;
  /** How many branches those findings came from. */
  unfoundedBranches: number;
  flagged: boolean;
}

// ---------------------------------------------------------------- 批示

/**
 * POST /cases/:branch/:id/instructions — `clientId` makes it idempotent: the same id with the
 * same text answers 200 with the instruction already stored (created: false); the same id
 * with other text is 409 CONFLICT. A new one answers 201. The reviewer's name comes from
 * the session. The branch pulls it on its next sync (GET /v1/instructions).
 */
export const InstructionBody = z.strictObject({
  clientId: z.uuid(),
  text: z.string().trim().min(1).max(INSTRUCTION_MAX_CHARS),
  /** A case that already has a 批示 in force takes another only with this true: else 409 CONFLICT. */
  confirmAnother: z.boolean().optional(),
});
export type InstructionBody = z.infer<typeof InstructionBody>;

export const REASON_MAX_CHARS = 500;

/**
 * POST /cases/:branch/:id/instructions/:instructionId/versions — `version` corrects (new `text`) or
 * withdraws the 批示 `instructionId` of this case, with a `reason`; the original stays and
 * the branch receives the version on its next pull. Only the newest version of a 批示 can be
 * superseded (409 CONFLICT otherwise, or when it was withdrawn); another case's or an unknown
 * instruction: 404. Idempotent by `clientId` as the 批示 is (201 new, 200 the same again).
 */
export const InstructionVersionBody = z
  .strictObject({
    clientId: z.uuid(),
    /** A correction (with the new `text`) or a withdrawal. */
    version: z.enum(['correction', 'withdrawal']),
    text: z.string().trim().min(1).max(INSTRUCTION_MAX_CHARS).optional(),
    reason: z.string().trim().min(1).max(REASON_MAX_CHARS),
  })
  .superRefine((v, ctx) => {
    if (v.version === 'correction' && v.text === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'required',
        params: { zh: '必须填写', en: 'is required' },
      });
  });
export type InstructionVersionBody = z.infer<typeof InstructionVersionBody>;
export const InstructionVersionParams = z.object({
  branch: branchCode,
  id: z.string().trim().min(1).max(100),
  instructionId: z.string().trim().min(1).max(100),
});

/** POST /cases/:branch/:id/assignment — assigns the case to an active reviewer (by username), or to nobody (null). */
export const AssignmentBody = z.strictObject({ reviewer: z.string().trim().min(1).max(64).nullable() });
export type AssignmentBody = z.infer<typeof AssignmentBody>;
/** 200 from POST /assignment; POST /read (no body) marks the case read (已阅) by the signed-in reviewer: 200 with its reads. */
export interface AssignmentAnswer {
  assignment: CaseAssignment | null;
}
export interface ReadAnswer {
  reads: CaseRead[];
}
/** GET /reviewers — the active reviewers a case can be assigned to, by name. */
export interface ReviewersAnswer {
  reviewers: Reviewer[];
}

// ---------------------------------------------------------------- 催办

export const REMINDER_MAX_CHARS = 500;

/**
 * POST /cases/:branch/:id/reminders — a reminder (催办) to the branch about an open case: 201 with
 * it. Refused for a case head office has not received (404) or a closed one (filed or not
 * accepted: 409). The branch pulls it with the 批示 (GET /v1/instructions); it is not a 批示.
 */
export const ReminderBody = z.strictObject({ message: z.string().trim().min(1).max(REMINDER_MAX_CHARS) });
export type ReminderBody = z.infer<typeof ReminderBody>;

export interface ConsoleReminder {
  reminderId: string;
  message: string;
  reviewerName: string;
  /** ISO instant. */
  sentAt: string;
  /** When head office learned the branch received it (its next pull); null: not yet known. */
  receivedAt: number | null;
}
export interface ReminderAnswer {
  reminder: ConsoleReminder;
}

export interface InstructionAnswer {
  instruction: ConsoleInstruction;
  created: boolean;
}

// ---------------------------------------------------------------- summary

/**
 * GET /summary — the week (ISO, Monday start) or the month containing `date`, in
 * CONSOLE_TIME_ZONE, over every branch or one. `summary` is the `Summary` computed by
 * src-main/domain/summary.ts (types in src-main/shared/summary-types.ts), with the three
 * previous periods in its trend.
 */
export const SummaryQuery = z.object({
  period: z.enum(['week', 'month']),
  date: day,
  branch: opt(branchCode),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export interface ConsoleSummary {
  period: 'week' | 'month';
  /** First and last day of the period (inclusive), yyyy-mm-dd. */
  firstDate: string;
  lastDate: string;
  branch: string | null;
  cases: number;
  summary: Summary;
  /** Names behind the summary's unit ids (byUnit, complainedUnitId): "SH01 鞋部" when the summary spans branches. */
  names?: { units: Record<string, string> };
}

// ---------------------------------------------------------------- repeat complainants (SPEC §9)

/**
 * GET /repeat-complainants — the same customer complaining at several branches or through
 * several channels about the same matter.
 * - Same customer: the same normalised phone (src-main/shared/phone.ts); cases without a
 *   phone match by exact customer name. Anonymous cases never match.
 * - Same matter: the same receipt no. (小票号), or the same purchased item name, with the
 *   cases received within SAME_MATTER_DAYS days of each other.
 * - Flagged when such a group spans 2+ branches or 2+ channels.
 * Groups whose latest case falls in [from, to] (default: the last 365 days), newest first.
 */
export const RepeatQuery = z.object({
  branch: opt(branchCode),
  from: opt(day),
  to: opt(day),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(100)),
});
export type RepeatQuery = z.infer<typeof RepeatQuery>;

export interface RepeatComplainant {
  /** Stable id of the group (for React keys). */
  key: string;
  matchedBy: 'phone' | 'name';
  customerName: string | null;
  customerPhoneMasked: string | null;
  matter: { kind: 'receipt' | 'item'; value: string };
  branches: string[];
  channels: Channel[];
  firstAt: number;
  lastAt: number;
  cases: {
    branch: string;
    id: string;
    number: string;
    channel: Channel;
    status: CaseStatus;
    receivedAt: number;
    finding: Finding | null;
  }[];
}

export interface RepeatComplainantsAnswer {
  groups: RepeatComplainant[];
}

// ---------------------------------------------------------------- branch health

export interface BranchAlert {
  /** `rewound` (restored from an old backup), or the refusal code of a batch (GAP, DAMAGED, …). */
  kind: string;
  message: Bilingual;
  at: number;
}

/** GET /branches/health — one row per registered branch, by code. */
export interface BranchHealth {
  branch: string;
  registeredAt: number;
  lastBatchAt: number | null;
  lastBatchSource: 'http' | 'file' | null;
  /** Outbox records waiting at the branch, as it last reported (null: never reported). */
  backlog: number | null;
  backlogReportedAt: number | null;
  recordsStored: number;
  quarantined: number;
  /** Newest first, at most 5. */
  alerts: BranchAlert[];
  /** The branch's own time (its clock) of the newest record it sent: a case's updatedAt, …; null: none yet. */
  newestRecordAt?: number | null;
  /** What is wrong now, each with the next step for the branch's IT; none: 正常. */
  problems?: HealthProblem[];
}

/** A branch not heard from for this long is silent (the scheduler syncs every few minutes). */
export const SILENT_HOURS = 24;
/**
 * The stale-data rule: a branch whose newest record (its own time) is older than this is stale,
 * however recent the import (an old USB export, a PC no longer used). A branch with no case
 * changed in a week also reads stale: a reviewer acknowledges it when that is true.
 */
export const STALE_DATA_DAYS = 7;

/**
 * Kinds of problem: the refusal codes head office keeps as a branch's last error (REWOUND,
 * BAD_SIGNATURE, UNKNOWN_BRANCH, CLOCK_SKEW, NONCE_REUSED, FOREIGN_BRANCH, DAMAGED, SCHEMA_TOO_NEW,
 * PROTOCOL, TOO_LARGE), and the states below.
 */
export const HEALTH_STATE_KINDS = ['QUARANTINE', 'SILENT', 'NEVER_SYNCED', 'STALE_DATA', 'BACKLOG_GROWING'] as const;

export interface HealthProblem {
  kind: string;
  /** When it last happened (the refusal, the newest quarantined record, the last batch, …): what an acknowledgement covers. */
  at: number;
  /** What happened. */
  message: Bilingual;
  /** What the branch's IT should do. */
  nextStep: Bilingual;
  /** Null until acknowledged, and again once the problem happens after the acknowledgement. */
  acknowledged: { username: string; name: string; at: number } | null;
}

/** POST /branches/health/acks: `kind` and `at` as the problem was shown. */
export const HealthAckBody = z.object({
  branch: branchCode,
  kind: z
    .string()
    .trim()
    .refine((s) => /^[A-Z_]{2,40}$/.test(s), { params: { zh: '须为问题类别代码', en: 'must be a problem kind code' } }),
  at: z.number().int().nonnegative(),
});
export type HealthAckBody = z.infer<typeof HealthAckBody>;

export interface HealthAckAnswer {
  branch: string;
  problem: HealthProblem;
}

export interface BranchHealthAnswer {
  branches: BranchHealth[];
  now: number;
}

// ---------------------------------------------------------------- the day's dashboard

/** Cases received in this many hours are the dashboard's new 重大 cases. */
export const NEW_MAJOR_HOURS = 24;
/** Each list of the dashboard shows at most this many rows (its total beside it). */
export const DASHBOARD_ROWS = 10;
/** Counts stop here (shown as "1000+"). */
export const DASHBOARD_COUNT_CAP = 1000;
/** Product flags: one purchased item complained about by this many customers, or at this many branches, within PRODUCT_FLAG_DAYS. */
export const PRODUCT_FLAG_DAYS = 30;
export const PRODUCT_FLAG_CUSTOMERS = 3;
export const PRODUCT_FLAG_BRANCHES = 2;
/** The product flags read at most this many of the newest cases with purchased items in their window. */
export const PRODUCT_SCAN_MAX = 20_000;

export interface DashboardCase {
  branch: string;
  id: string;
  number: string;
  status: CaseStatus;
  receivedAt: number;
  customerName: string | null;
  /** The first 80 characters of the content. */
  excerpt: string;
}

export interface DashboardCount {
  total: number;
  /** False: at least DASHBOARD_COUNT_CAP. */
  totalExact: boolean;
}

export interface ProductFlag {
  /** The purchased item's name as the branches recorded it (the list's `item` filter). */
  item: string;
  /** Distinct customers: by phone, else by name; each anonymous case is one customer. */
  customers: number;
  branches: string[];
  cases: number;
  lastAt: number;
}

/**
 * GET /dashboard — the reviewer's day, every list capped at DASHBOARD_ROWS:
 * - newMajor: 重大 cases received since `since` (NEW_MAJOR_HOURS ago), newest first;
 * - overdueByBranch: per branch with any, the cases the list's overdue filter shows (past the
 *   deadline the branch sent, not filed or not accepted), most first;
 * - awaiting: the 待批示 cases waiting longest (since sent for sign-off, else received: the queue's
 *   default order), with whole days waiting;
 * - branchProblems: branches silent, never synced, with stale data, refused batches, a rewind
 *   or quarantined records, not acknowledged on the sync-health screen;
 * - products: purchased items flagged within PRODUCT_FLAG_DAYS (see ProductFlag).
 */
export interface Dashboard {
  now: number;
  newMajor: DashboardCount & { since: number; cases: DashboardCase[] };
  overdueByBranch: { branch: string; count: number; countExact: boolean }[];
  awaiting: DashboardCount & {
    cases: (DashboardCase & { waitingSince: number; daysWaiting: number; instructed: boolean })[];
  };
  branchProblems: { branch: string; problems: HealthProblem[] }[];
  products: {
    since: number;
    /** Cases read; `complete` false when PRODUCT_SCAN_MAX stopped the reading (the newest were read). */
    scanned: number;
    complete: boolean;
    flags: ProductFlag[];
  };
}

// ---------------------------------------------------------------- field names

/** Labels of the console's request fields, used in the VALIDATION issues. */
export const CONSOLE_FIELD_LABELS: Record<string, Bilingual> = {
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  branch: { zh: '门店', en: 'Branch' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '异议类别', en: 'Category' },
  channel: { zh: '受理渠道', en: 'Channel' },
  from: { zh: '开始日期', en: 'From date' },
  to: { zh: '结束日期', en: 'To date' },
  q: { zh: '搜索内容', en: 'Search text' },
  after: { zh: '翻页位置', en: 'Page cursor' },
  limit: { zh: '条数', en: 'Page size' },
  id: { zh: '个案', en: 'Case' },
  clientId: { zh: '批示编号', en: 'Instruction id' },
  text: { zh: '批示内容', en: 'Instruction text' },
  confirmAnother: { zh: '确认再发一条', en: 'Confirm another' },
  version: { zh: '更正或撤回', en: 'Correction or withdrawal' },
  reason: { zh: '理由', en: 'Reason' },
  message: { zh: '催办内容', en: 'Reminder message' },
  instructionId: { zh: '批示', en: 'Instruction' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
  mine: { zh: '我的队列', en: 'My queue' },
  unit: { zh: '被投诉部门', en: 'Unit complained about' },
  late: { zh: '超时答复', en: 'Answered late' },
  overdueBy: { zh: '逾期时限', en: 'Overdue by' },
  order: { zh: '排序', en: 'Order' },
  item: { zh: '商品', en: 'Product' },
  period: { zh: '周期', en: 'Period' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '问题类别', en: 'Problem kind' },
  at: { zh: '问题时间', en: 'Problem time' },
  figure: { zh: '汇总数字', en: 'Summary figure' },
  lang: { zh: '语言', en: 'Language' },
  disposition: { zh: '下载或打印', en: 'Download or print' },
};

// ---------------------------------------------------------------- summary files, drill-down, branches side by side

export const SUMMARY_FILE_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type SummaryFileFormat = (typeof SUMMARY_FILE_FORMATS)[number];

export const SUMMARY_PATHS = {
  /** GET SummaryDrillQuery → SummaryDrillAnswer: the cases behind one figure of the summary. */
  drill: `${CONSOLE_API}/summary/cases`,
  /** GET SummaryQuery (branch ignored) → BranchCompareAnswer: one column per branch. */
  compare: `${CONSOLE_API}/summary/branches`,
  /** GET SummaryFileQuery → the summary as a PDF, CSV or xlsx file (the branch's exporters). */
  file: (f: SummaryFileFormat) => `${CONSOLE_API}/summary.${f}`,
} as const;

/**
 * The figures a reviewer can drill into, "family" or "family:value". A value of `null` family
 * takes no value; `'any'` takes any code (a category code, a unit key — "-" for no unit).
 */
export const FIGURE_FAMILIES: Record<string, readonly string[] | 'any' | null> = {
  total: null,
  category: 'any',
  channel: CHANNELS,
  unit: 'any',
  severity: SEVERITIES,
  closing: CLOSINGS,
  overdue: null,
  satisfaction: [...SATISFACTIONS, 'not_asked'],
  finding: [...FINDINGS, 'none'],
  cause: [...CAUSES, 'none'],
  disputed: null,
  escalated: null,
  escalation: ESCALATION_KINDS,
  typical: null,
  attention: null,
  government: null,
  body: [...BODY_ANSWERS, 'unanswered'],
  reply: WRITTEN_REPLIES,
  promises: ['made', 'kept', 'missed', 'open'],
  followups: FOLLOW_UP_TALLIES,
  filed_unreachable: null,
  slips: ['count', 'returns', 'exchanges', 'quality', 'commission'],
};

export const figureKey = (family: string, value?: string): string =>
  value === undefined ? family : `${family}:${value === '' ? '-' : value}`;

export function splitFigure(f: string): { family: string; value: string | null } | null {
  const i = f.indexOf(':');
  const family = i < 0 ? f : f.slice(0, i);
  const value = i < 0 ? null : f.slice(i + 1);
  const allowed = FIGURE_FAMILIES[family];
  if (allowed === undefined) return null;
  if (allowed === null) return value === null ? { family, value } : null;
  if (value === null || value === '') return null;
  if (allowed === 'any') return { family, value };
  return allowed.includes(value) ? { family, value } : null;
}

export const SummaryDrillQuery = SummaryQuery.extend({
  figure: z
    .string()
    .max(200)
    .refine((f) => splitFigure(f) !== null, {
      params: { zh: '不是汇总表中的数字', en: 'is not a figure of the summary' },
    }),
});
export type SummaryDrillQuery = z.infer<typeof SummaryDrillQuery>;

export const SummaryFileQuery = SummaryQuery.extend({
  lang: z.enum(['zh-CN', 'en']).optional(),
  /** attachment: a download; inline: opened in the browser's PDF viewer to be printed. */
  disposition: z.enum(['attachment', 'inline']).optional(),
});
export type SummaryFileQuery = z.infer<typeof SummaryFileQuery>;

/** A case behind a figure; `items` is what it adds to the figure (1 for a case, its slips, promises or follow-ups). */
export interface DrillRow {
  branch: string;
  id: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  /** Keyed as the summary keys units (see ConsoleSummary.names). */
  unit: string | null;
  closing: Closing;
  satisfaction: Satisfaction | null;
  finding: Finding | null;
  items: number;
  refundFen: number;
}

export interface SummaryDrillAnswer {
  figure: string;
  firstDate: string;
  lastDate: string;
  branch: string | null;
  /** The figure as the summary shows it: the rows' items plus the matching slips linked to no case. */
  total: number;
  /** Slips of the figure linked to no case (no case to list). */
  standaloneSlips: number;
  rows: DrillRow[];
  names: { units: Record<string, string> };
}

/** One branch's column of the side-by-side view, counted by the same summary as /summary?branch=. */
export interface BranchColumn {
  branch: string;
  cases: number;
  /** Closed the same day, the next day or within the limit. */
  onTime: number;
  late: number;
  open: number;
  openOverdue: number;
  notAccepted: number;
  major: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** (satisfied + basically satisfied) / asked; null when nobody was asked. */
  satisfactionRate: number | null;
  disputed: number;
  escalated: number;
  slips: number;
  refundFen: number;
}

export interface BranchCompareAnswer {
  period: 'week' | 'month';
  firstDate: string;
  lastDate: string;
  branches: BranchColumn[];
}
