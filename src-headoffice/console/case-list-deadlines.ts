// The case list's unit, late, overdue-by and waiting conditions and row facts over the columns of
// migration 0007: a unit is (branch, unit) "SH01/<id>"; overdue says which deadline passed (the
// handling limit, else a promised reply time); late = answered after the limit then in effect, or a
// promise answered after its time; waiting = since it went for sign-off (else since received).
import type { Param } from '../store';
import {
  type CaseListQuery,
  type CaseListRow,
  type CaseOrder,
  type OverdueKind,
  UNIT_KEY,
  unitKeyOf,
} from './api-contract';

const DAY_MS = 86_400_000;
/** Closed cases are never overdue. */
const OPEN = "status NOT IN ('filed', 'not_accepted')";
/** The handling limit is due_at while unanswered, unless an open promise is what due_at holds. */
const HANDLING_OVERDUE = `(${OPEN} AND answered_at IS NULL AND due_at IS NOT NULL AND due_at < ? AND (open_promise_at IS NULL OR open_promise_at > due_at))`;
const PROMISE_OVERDUE = `(${OPEN} AND open_promise_at IS NOT NULL AND open_promise_at < ?)`;
const HANDLING_LATE = '(answered_limit IS NOT NULL AND answered_at > answered_limit)';
const PROMISE_LATE = 'promise_late = 1';

/** The columns the row facts need, selected beside the list's own. */
export const FACT_COLUMNS =
  'complained_unit, handling_unit, answered_at, answered_limit, open_promise_at, promise_late, waiting_since';

export interface FactsRow {
  branch: string;
  status: string;
  due_at: number | string | null;
  complained_unit: string | null;
  handling_unit: string | null;
  answered_at: number | string | null;
  answered_limit: number | string | null;
  open_promise_at: number | string | null;
  promise_late: number;
  waiting_since: number | string | null;
  received_at: number;
}

/** The conditions of the unit, late and overdueBy filters. */
export function factConditions(q: CaseListQuery, now: number): { sql: string; params: Param[] }[] {
  const out: { sql: string; params: Param[] }[] = [];
  if (q.unit) {
    const m = UNIT_KEY.exec(q.unit);
    if (m) out.push({ sql: 'branch = ? AND complained_unit = ?', params: [m[1] as string, m[2] as string] });
  }
  if (q.late) out.push({ sql: `(${HANDLING_LATE} OR ${PROMISE_LATE})`, params: [] });
  if (q.overdueBy === 'handling') out.push({ sql: HANDLING_OVERDUE, params: [now] });
  if (q.overdueBy === 'promise') out.push({ sql: PROMISE_OVERDUE, params: [now] });
  return out;
}

/** The column a list order walks: waiting_since for the waiting order, else received_at. */
export const orderColumn = (order: CaseOrder): 'waiting_since' | 'received_at' =>
  order === 'waiting' ? 'waiting_since' : 'received_at';

const n = (v: number | string | null): number | null => (v === null ? null : Number(v));
const OPEN_STATUSES = (s: string) => s !== 'filed' && s !== 'not_accepted';

/** The unit, overdue, late and waiting facts of a row, as of now. */
export function rowFacts(r: FactsRow, now: number): Partial<CaseListRow> {
  const due = n(r.due_at);
  const answered = n(r.answered_at);
  const limit = n(r.answered_limit);
  const promise = n(r.open_promise_at);
  const open = OPEN_STATUSES(r.status);
  let overdueBy: OverdueKind | null = null;
  if (open && answered === null && due !== null && due < now && (promise === null || promise > due))
    overdueBy = 'handling';
  else if (open && promise !== null && promise < now) overdueBy = 'promise';
  const lateBy: OverdueKind | null =
    answered !== null && limit !== null && answered > limit ? 'handling' : r.promise_late === 1 ? 'promise' : null;
  const waitingSince = n(r.waiting_since) ?? r.received_at;
  return {
    complainedUnit: r.complained_unit === null ? null : unitKeyOf(r.branch, r.complained_unit),
    handlingUnit: r.handling_unit === null ? null : unitKeyOf(r.branch, r.handling_unit),
    overdueBy,
    lateBy,
    waitingSince,
    daysWaiting: Math.max(0, Math.floor((now - waitingSince) / DAY_MS)),
  };
}
