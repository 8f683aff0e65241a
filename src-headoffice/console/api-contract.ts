// The head-office console's JSON API: paths, request schemas (zod) and response types.
// Pure TypeScript (zod, src-main/shared and the types of src-main/sync/protocol.ts) so that the console UI can import it too.
// STABLE: once committed, only additive changes (new optional fields, new endpoints).
//
// Conventions
// - Every path is under /console/api. JSON in, JSON out (UTF-8).
// - Instants are epoch milliseconds UTC. Date filters (`from`, `to`, `date`) are calendar days
//   (yyyy-mm-dd) in head office's time zone, CONSOLE_TIME_ZONE; `to` is inclusive.
// - Sign-in sets an HttpOnly, SameSite=Strict cookie SESSION_COOKIE with Path=/console
//   (Secure whenever the request was https: served with --tls-cert, or through a TLS proxy's
//   X-Forwarded-Proto under serve --trust-proxy). The session ends after IDLE_MINUTES without a
//   request or ABSOLUTE_HOURS after sign-in, whichever comes first.
// - Every state-changing request (POST, PUT, PATCH, DELETE) except POST /session must carry
//   the header CSRF_HEADER with the csrfToken of the session, and an Origin (when the browser
//   sends one) equal to the console's own origin. Otherwise: 403 FORBIDDEN, nothing changes.
// - Every refusal is a ConsoleErrorBody with an HTTP status:
//     400 VALIDATION (issues name each field, zh + en)   401 NOT_SIGNED_IN (no or expired session)
//     401 AUTH_FAILED (wrong username or password)       423 ACCOUNT_LOCKED (too many failures; retryAfterMs)
//     403 FORBIDDEN (CSRF token or Origin wrong)         404 NOT_FOUND       409 CONFLICT
//     500 INTERNAL
import type { CrossBranchRefund } from '../../src-main/shared/cross-branch-protocol';
import { z } from 'zod';
import type { CaseStatus, Channel, Finding } from '../../src-main/shared/enums';
import type { Bilingual } from '../../src-main/shared/errors';
import type { ConsoleAttachment } from './contract-attachments';
import type { InstructionKind } from '../../src-main/shared/instruction-versions';
import type {
  CaseRecordSnapshot,
  FollowUpRecordSnapshot,
  SlipRecordSnapshot,
} from '../../src-main/sync/record-snapshots';
import {
  branchCode,
  CONSOLE_API,
  day,
  emptyToUndefined,
  FORM_LANGUAGES,
  type FormLanguage,
  opt,
} from './contract-base';

// The parts kept in their own files, one contract for the UI.
export { CONSOLE_API, FORM_LANGUAGES, type FormLanguage } from './contract-base';
export * from './contract-cases';
export * from './contract-dashboard';
export * from './contract-health';
export * from './contract-summary';
export * from './contract-products';
export * from './contract-attachments';
export * from './contract-person-data';
export * from './contract-reference';
export * from './contract-matters';

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
  // issue 20: a reviewer's reveal of one case's contact (logged), and the access logs.
  caseReveal: `${CONSOLE_API}/cases/:branch/:id/reveal`,
  accessLog: `${CONSOLE_API}/access-log`,
  reviewers: `${CONSOLE_API}/reviewers`,
  summary: `${CONSOLE_API}/summary`,
  repeatComplainants: `${CONSOLE_API}/repeat-complainants`,
  /** GET: receipt + item refunded at two branches or more (issue 18 §4), DoubleRefundsAnswer. */
  doubleRefunds: `${CONSOLE_API}/double-refunds`,
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
/** Two cases are "the same matter" when their receipt no. or an item name matches within this many days. */
export const SAME_MATTER_DAYS = 90;

// ---------------------------------------------------------------- shared pieces

/** Body of every refusal: the sync wire's error body (src-main/sync/protocol.ts), one shape for branches and console. */
export type { ErrorBody as ConsoleErrorBody } from '../../src-main/sync/protocol';

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
  /** The case's attachments and its slips' (issue 19), as this reviewer may see them (contract-attachments.ts). */
  attachments?: ConsoleAttachment[];
  /** issue 20: the customer's contact comes masked; whether this reviewer may reveal it (reviewers.sees_personal). */
  personalData?: { masked: boolean; mayReveal: boolean };
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
  noticeTitle: { zh: '通知标题', en: 'Notice title' },
  noticeText: { zh: '通知内容', en: 'Notice text' },
  branches: { zh: '发往门店', en: 'Branches' },
  minCases: { zh: '投诉件数', en: 'Complaints' },
  days: { zh: '统计天数', en: 'Days counted' },
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
  linkCases: { zh: '关联的个案', en: 'Cases to link' },
};

/** GET doubleRefunds: what every branch involved is told on its next sync (cross-branch-facts.ts). */
export interface DoubleRefundsAnswer {
  refunds: CrossBranchRefund[];
  computedAt: number;
}

/** issue 20: one entry of GET access-log: head office's own reveals and the branches' synced access logs. */
export interface AccessLogEntry {
  source: 'head_office' | 'branch';
  branch: string;
  at: number;
  who: string;
  action: string;
  entityType: string;
  entityId: string;
  fields: string[];
  reason: string | null;
}
