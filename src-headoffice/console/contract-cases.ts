// The console's contract for the case list (GET /cases, GET /units): filters, orders, keyset paging and
// the rows. Re-exported by api-contract.ts.
import { z } from 'zod';
import {
  CASE_STATUSES,
  CHANNELS,
  SEVERITIES,
  type CaseStatus,
  type Channel,
  type Finding,
  type Satisfaction,
  type Severity,
} from '../../src-main/shared/enums';
import { branchCode, day, emptyToUndefined, opt } from './contract-base';

export const CASE_PAGE_DEFAULT = 50;
export const CASE_PAGE_MAX = 200;

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
  /** Issue 22: the branch linked it with others (its matter id), merged it as a duplicate into that case id. */
  matterId?: string | null;
  mergedInto?: string | null;
  /** Head office linked it with cases of other branches (contract-matters.ts). */
  crossBranchMatter?: boolean;
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
