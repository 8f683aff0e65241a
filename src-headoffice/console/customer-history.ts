// The same customer's cases across every branch, as head office holds them (SPEC §9): matched by
// normalised phone, else by exact name; anonymous cases never match (the projection holds neither).
// A customer with UNFOUNDED_FLAG or more unfounded (失实) findings in a rolling 12 months — counted by
// the finding's own time, as the branch counts at intake, but over all branches — is flagged on the
// case page and in the list. Each look-up is bounded: the phone and name indexes, a page of rows.
import { twelveMonthsBefore } from '../../src-main/domain/business-time';
import type { CaseStatus, Finding } from '../../src-main/shared/enums';
import type { HqStore, Param } from '../store';
import { CONSOLE_TIME_ZONE, type CaseListRow, type CustomerHistory, UNFOUNDED_FLAG } from './api-contract';

/** The customer's other cases shown on a case page, newest first. */
const HISTORY_MAX = 20;

type Who = { phone: string | null; name: string | null };

/** The finding's own time (CaseRecord.findingAt) of the joined snapshot `r`, per backend. */
const findingAt = (kind: HqStore['kind']) =>
  kind === 'pg' ? "(r.payload::jsonb ->> 'findingAt')::bigint" : "json_extract(r.payload, '$.findingAt')";

/** The condition on hq_cases `c` that picks the customer's cases, or null for a customer nobody can match. */
function sameCustomer(who: Who): { sql: string; params: Param[] } | null {
  if (who.phone) return { sql: 'c.phone = ?', params: [who.phone] };
  if (who.name) return { sql: 'c.phone IS NULL AND c.customer_name = ?', params: [who.name] };
  return null;
}

/** Unfounded findings of the customers in `cond` since `since`, by customer key (phone, else name). */
async function unfoundedBy(
  store: HqStore,
  cond: { sql: string; params: Param[] },
  since: number,
): Promise<{ who: string; n: number; branches: number }[]> {
  const rows = await store.all<{ who: string; n: number | string; branches: number | string }>(
    `SELECT coalesce(c.phone, c.customer_name) AS who, count(*) AS n, count(DISTINCT c.branch) AS branches
     FROM hq_cases c JOIN records r ON r.branch = c.branch AND r.type = 'case' AND r.id = c.id
     WHERE (${cond.sql}) AND c.finding = 'unfounded' AND ${findingAt(store.kind)} >= ?
     GROUP BY coalesce(c.phone, c.customer_name)`,
    [...cond.params, since],
  );
  return rows.map((x) => ({ who: x.who, n: Number(x.n), branches: Number(x.branches) }));
}

/** The customer's other cases at every branch and the unfounded findings of the last 12 months. */
export async function customerHistory(
  store: HqStore,
  branch: string,
  id: string,
  now: number,
): Promise<CustomerHistory> {
  const me = await store.get<{ phone: string | null; customer_name: string | null }>(
    'SELECT phone, customer_name FROM hq_cases WHERE branch = ? AND id = ?',
    [branch, id],
  );
  const cond = me ? sameCustomer({ phone: me.phone, name: me.customer_name }) : null;
  if (!cond) return { cases: [], unfoundedLast12Months: 0, unfoundedBranches: 0, flagged: false };
  const others = await store.all<{
    branch: string;
    id: string;
    number: string;
    status: CaseStatus;
    finding: Finding | null;
    received_at: number | string;
  }>(
    `SELECT c.branch, c.id, c.number, c.status, c.finding, c.received_at FROM hq_cases c
     WHERE (${cond.sql}) AND NOT (c.branch = ? AND c.id = ?) ORDER BY c.received_at DESC LIMIT ${HISTORY_MAX}`,
    [...cond.params, branch, id],
  );
  const [unfounded] = await unfoundedBy(store, cond, twelveMonthsBefore(now, CONSOLE_TIME_ZONE));
  const n = unfounded?.n ?? 0;
  return {
    cases: others.map((o) => ({
      branch: o.branch,
      id: o.id,
      number: o.number,
      status: o.status,
      finding: o.finding,
      receivedAt: Number(o.received_at),
    })),
    unfoundedLast12Months: n,
    unfoundedBranches: unfounded?.branches ?? 0,
    flagged: n >= UNFOUNDED_FLAG,
  };
}

/** The page's rows with `repeatUnfounded` set where the row's customer is flagged (one query for the page). */
export async function withRepeatMarks(store: HqStore, rows: CaseListRow[], now: number): Promise<CaseListRow[]> {
  if (rows.length === 0) return rows;
  const keys = rows.map(() => '(branch = ? AND id = ?)').join(' OR ');
  const who = await store.all<{ branch: string; id: string; phone: string | null; customer_name: string | null }>(
    `SELECT branch, id, phone, customer_name FROM hq_cases WHERE ${keys}`,
    rows.flatMap((r) => [r.branch, r.id]),
  );
  const phones = [...new Set(who.map((w) => w.phone).filter((p): p is string => !!p))];
  const names = [...new Set(who.flatMap((w) => (!w.phone && w.customer_name ? [w.customer_name] : [])))];
  const parts: string[] = [];
  const params: Param[] = [];
  if (phones.length) {
    parts.push(`c.phone IN (${phones.map(() => '?').join(', ')})`);
    params.push(...phones);
  }
  if (names.length) {
    parts.push(`(c.phone IS NULL AND c.customer_name IN (${names.map(() => '?').join(', ')}))`);
    params.push(...names);
  }
  if (parts.length === 0) return rows;
  const counts = await unfoundedBy(
    store,
    { sql: parts.join(' OR '), params },
    twelveMonthsBefore(now, CONSOLE_TIME_ZONE),
  );
  const flagged = new Map(counts.filter((c) => c.n >= UNFOUNDED_FLAG).map((c) => [c.who, c.n]));
  const whoOf = new Map(who.map((w) => [`${w.branch}/${w.id}`, w.phone ?? w.customer_name]));
  return rows.map((row) => {
    const key = whoOf.get(`${row.branch}/${row.id}`);
    const n = key ? flagged.get(key) : undefined;
    return n === undefined ? row : { ...row, repeatUnfounded: n };
  });
}
