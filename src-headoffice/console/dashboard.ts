// GET /dashboard: the reviewer's day at a glance — new 重大 cases, overdue cases by branch (the
// list's overdue rule), the oldest 待批示, branches with unacknowledged sync problems, and
// purchased items complained about by several customers or at several branches.
import { CASE_STATUSES, type CaseStatus } from '../../src-main/shared/enums';
import type { HqStore, Param } from '../store';
import {
  DASHBOARD_COUNT_CAP,
  DASHBOARD_ROWS,
  type Dashboard,
  type DashboardCase,
  type DashboardCount,
  NEW_MAJOR_HOURS,
  PRODUCT_FLAG_BRANCHES,
  PRODUCT_FLAG_CUSTOMERS,
  PRODUCT_FLAG_DAYS,
  PRODUCT_SCAN_MAX,
  type ProductFlag,
} from './api-contract';
import { branchStates } from './branch-health';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The list's overdue rule counts cases not filed or not accepted: the open statuses, so the (branch, status) index serves. */
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'filed' && s !== 'not_accepted');
/** Sync problems the dashboard raises: a branch that is silent or refused, not a growing backlog. */
const QUIET_KINDS = new Set(['BACKLOG_GROWING']);

type CaseRow = {
  branch: string;
  id: string;
  number: string;
  status: string;
  received_at: number | string;
  customer_name: string | null;
  excerpt: string;
};
const CASE_COLUMNS = 'branch, id, number, status, received_at, customer_name, substr(content, 1, 80) AS excerpt';

const toCase = (r: CaseRow): DashboardCase => ({
  branch: r.branch,
  id: r.id,
  number: r.number,
  status: r.status as CaseStatus,
  receivedAt: Number(r.received_at),
  customerName: r.customer_name,
  excerpt: r.excerpt,
});

async function capped(store: HqStore, where: string, params: Param[]): Promise<DashboardCount> {
  const n = Number(
    (
      await store.get<{ n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM hq_cases WHERE ${where} LIMIT ${DASHBOARD_COUNT_CAP + 1}) x`,
        params,
      )
    )?.n ?? 0,
  );
  return n > DASHBOARD_COUNT_CAP ? { total: DASHBOARD_COUNT_CAP, totalExact: false } : { total: n, totalExact: true };
}

async function newMajor(store: HqStore, now: number): Promise<Dashboard['newMajor']> {
  const since = now - NEW_MAJOR_HOURS * HOUR;
  const where = "severity = 'major' AND received_at >= ?";
  const rows = await store.all<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM hq_cases WHERE ${where} ORDER BY received_at DESC, branch, id LIMIT ${DASHBOARD_ROWS}`,
    [since],
  );
  return { since, ...(await capped(store, where, [since])), cases: rows.map(toCase) };
}

async function overdueByBranch(store: HqStore, now: number): Promise<Dashboard['overdueByBranch']> {
  const branches = await store.all<{ code: string }>('SELECT code FROM branches ORDER BY code');
  const open = OPEN_STATUSES.map(() => '?').join(', ');
  const out: Dashboard['overdueByBranch'] = [];
  for (const b of branches) {
    const c = await capped(store, `branch = ? AND status IN (${open}) AND due_at IS NOT NULL AND due_at < ?`, [
      b.code,
      ...OPEN_STATUSES,
      now,
    ]);
    if (c.total > 0) out.push({ branch: b.code, count: c.total, countExact: c.totalExact });
  }
  return out.sort((a, b) => b.count - a.count || (a.branch < b.branch ? -1 : 1)).slice(0, DASHBOARD_ROWS);
}

/** The 待批示 queue's head: waiting longest since sent for sign-off (else since received), as the queue's default order. */
async function oldestAwaiting(store: HqStore, now: number): Promise<Dashboard['awaiting']> {
  const where = "status = 'awaiting_instruction'";
  const rows = await store.all<CaseRow & { instructed: number | boolean; waiting_since: number | string | null }>(
    `SELECT ${CASE_COLUMNS}, waiting_since,
       EXISTS (SELECT 1 FROM instructions i WHERE i.branch = hq_cases.branch AND i.case_id = hq_cases.id) AS instructed
     FROM hq_cases WHERE ${where} ORDER BY waiting_since ASC, branch DESC, id DESC LIMIT ${DASHBOARD_ROWS}`,
  );
  return {
    ...(await capped(store, where, [])),
    cases: rows.map((r) => {
      const since = r.waiting_since === null ? Number(r.received_at) : Number(r.waiting_since);
      return {
        ...toCase(r),
        waitingSince: since,
        daysWaiting: Math.max(0, Math.floor((now - since) / DAY)),
        instructed: r.instructed === true || r.instructed === 1,
      };
    }),
  };
}

async function branchProblems(store: HqStore, now: number): Promise<Dashboard['branchProblems']> {
  const out: Dashboard['branchProblems'] = [];
  for (const b of await branchStates(store, now)) {
    const problems = (b.problems ?? []).filter((p) => p.acknowledged === null && !QUIET_KINDS.has(p.kind));
    if (problems.length) out.push({ branch: b.branch, problems });
  }
  return out.slice(0, DASHBOARD_ROWS);
}

type ItemRow = {
  branch: string;
  id: string;
  phone: string | null;
  customer_name: string | null;
  items: string;
  received_at: number | string;
};

/** Purchased items of the window's cases complained about by PRODUCT_FLAG_CUSTOMERS customers or at PRODUCT_FLAG_BRANCHES branches. */
export async function productFlags(store: HqStore, now: number): Promise<Dashboard['products']> {
  const since = now - PRODUCT_FLAG_DAYS * DAY;
  const rows = await store.all<ItemRow>(
    `SELECT branch, id, phone, customer_name, items, received_at FROM hq_cases
     WHERE received_at >= ? AND items IS NOT NULL ORDER BY received_at DESC, branch, id LIMIT ${PRODUCT_SCAN_MAX + 1}`,
    [since],
  );
  const complete = rows.length <= PRODUCT_SCAN_MAX;
  const read = rows.slice(0, PRODUCT_SCAN_MAX);
  const byItem = new Map<string, { customers: Set<string>; branches: Set<string>; cases: number; lastAt: number }>();
  for (const r of read) {
    const who = r.phone ? `p:${r.phone}` : r.customer_name ? `n:${r.customer_name}` : `c:${r.branch}/${r.id}`;
    for (const item of new Set(r.items.split('\n').filter(Boolean))) {
      const g = byItem.get(item) ?? { customers: new Set(), branches: new Set(), cases: 0, lastAt: 0 };
      g.customers.add(who);
      g.branches.add(r.branch);
      g.cases += 1;
      g.lastAt = Math.max(g.lastAt, Number(r.received_at));
      byItem.set(item, g);
    }
  }
  const flags: ProductFlag[] = [];
  for (const [item, g] of byItem)
    if (g.customers.size >= PRODUCT_FLAG_CUSTOMERS || g.branches.size >= PRODUCT_FLAG_BRANCHES)
      flags.push({
        item,
        customers: g.customers.size,
        branches: [...g.branches].sort(),
        cases: g.cases,
        lastAt: g.lastAt,
      });
  flags.sort(
    (a, b) =>
      b.customers - a.customers ||
      b.branches.length - a.branches.length ||
      b.lastAt - a.lastAt ||
      (a.item < b.item ? -1 : 1),
  );
  return { since, scanned: read.length, complete, flags: flags.slice(0, DASHBOARD_ROWS) };
}

export async function dashboard(store: HqStore, now: number): Promise<Dashboard> {
  return {
    now,
    newMajor: await newMajor(store, now),
    overdueByBranch: await overdueByBranch(store, now),
    awaiting: await oldestAwaiting(store, now),
    branchProblems: await branchProblems(store, now),
    products: await productFlags(store, now),
  };
}
