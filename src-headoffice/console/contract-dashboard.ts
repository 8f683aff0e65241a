// The console's contract for the day's dashboard (GET /dashboard), the console's home: its
// figures' rules and the answer's shape. Re-exported by api-contract.ts.
import type { CaseStatus } from '../../src-main/shared/enums';
import type { HealthProblem } from './contract-health';

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
