// The summary's reads of a range besides its cases (services/reports.ts): escalations, slips, follow-ups, promises,
// government answers, the cases filed as unreachable, issue 22's links and merges, and a window's purchase lines —
// each through the index named in its query, keyed by the case's rowid. They are few next to the cases.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { type CaseSnapshot, type PromiseTimes, type SlipSnapshot, slipFacts } from '../domain/summary';
import type { EscalationKind, FollowUpOutcome } from '../shared/enums';
import type { SlipFacts } from '../shared/summary-types';

/** Facts carry `#rid` as their id until the few cases a summary lists are looked up. */
export const ridKey = (rid: number) => `#${rid}`;

/** Adds `v` to the list kept under `k`. */
function push<V>(m: Map<number, V[]>, k: number, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

type SlipRow = {
  case_rid: number | null;
  id: string;
  number: string;
  type: SlipSnapshot['type'];
  status: SlipSnapshot['status'];
  handled_at: number;
  returned_total_fen: number;
  refund_fen: number;
  quality_problem: number;
  deduct_commission: number;
  case_id: string | null;
};

const SLIP_COLUMNS =
  's.id, s.number, s.type, s.status, s.handled_at, s.returned_total_fen, s.refund_fen, s.quality_problem, s.deduct_commission, s.case_id';

const slipSnapshot = (r: SlipRow): SlipSnapshot => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  handledAt: r.handled_at,
  returnedTotalFen: r.returned_total_fen,
  refundFen: r.refund_fen,
  qualityProblem: r.quality_problem === 1,
  deductCommission: r.deduct_commission === 1,
  caseId: r.case_id,
});

/**
 * The purchase lines of a window's cases (the 按商品 count; current period only). Not in the covering
 * index: the rows that name an item are fetched from the table, one window at a time.
 */
export function windowItems(db: Db, from: number, to: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of stmt(
    db,
    "SELECT rid, purchase_items FROM cases INDEXED BY cases_report WHERE received_at >= ? AND received_at < ? AND purchase_items <> '[]'",
  ).all(from, to) as { rid: number; purchase_items: string }[])
    out.set(r.rid, r.purchase_items);
  return out;
}

/** Follow-ups from the range's start on (none precedes its case). */
export function followUpsFrom(
  db: Db,
  from: number,
): Map<number, { outcome: FollowUpOutcome | null; doneAt: number | null }[]> {
  const out = new Map<number, { outcome: FollowUpOutcome | null; doneAt: number | null }[]>();
  for (const r of stmt(
    db,
    'SELECT c.rid, f.outcome, f.done_at FROM follow_ups f INDEXED BY follow_ups_created JOIN cases c ON c.id = f.case_id WHERE f.created_at >= ?',
  ).all(from) as { rid: number; outcome: FollowUpOutcome | null; done_at: number | null }[])
    push(out, r.rid, { outcome: r.outcome, doneAt: r.done_at });
  return out;
}

/** The range's cases filed as "customer unreachable" (migration 0011's index). */
export function filedUnreachable(db: Db, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (const r of stmt(
    db,
    "SELECT rid FROM cases INDEXED BY cases_filed_unreachable WHERE filing_reason = 'customer_unreachable' AND received_at >= ? AND received_at < ?",
  ).all(from, to) as { rid: number }[])
    out.add(r.rid);
  return out;
}

/** Issue 22: the range's linked cases and merged duplicates (a duplicate's primary by its rowid key, as ids are here). */
export function matterLinks(
  db: Db,
  from: number,
  to: number,
): Map<number, { matterId: string | null; mergedInto: string | null }> {
  const out = new Map<number, { matterId: string | null; mergedInto: string | null }>();
  for (const r of stmt(
    db,
    `SELECT c.rid, c.matter_id, p.rid AS primary_rid FROM cases c INDEXED BY cases_merged_into
       JOIN cases p ON p.id = c.merged_into
      WHERE c.merged_into IS NOT NULL AND c.received_at >= ? AND c.received_at < ?`,
  ).all(from, to) as { rid: number; matter_id: string | null; primary_rid: number }[])
    out.set(r.rid, { matterId: r.matter_id, mergedInto: ridKey(r.primary_rid) });
  for (const r of stmt(
    db,
    'SELECT rid, matter_id FROM cases INDEXED BY cases_matter WHERE matter_id IS NOT NULL AND received_at >= ? AND received_at < ?',
  ).all(from, to) as { rid: number; matter_id: string }[])
    if (!out.has(r.rid)) out.set(r.rid, { matterId: r.matter_id, mergedInto: null });
  return out;
}

/** Escalations made from the range's start on, by case. */
export function escalationsFrom(db: Db, from: number): Map<number, { kind: EscalationKind }[]> {
  const out = new Map<number, { kind: EscalationKind }[]>();
  for (const r of stmt(
    db,
    'SELECT c.rid, e.kind FROM case_escalations e INDEXED BY case_escalations_at JOIN cases c ON c.id = e.case_id WHERE e.at >= ?',
  ).all(from) as { rid: number; kind: EscalationKind }[])
    push(out, r.rid, { kind: r.kind });
  return out;
}

/** Slips of a case handled from the range's start on, by case. */
export function caseSlipsFrom(db: Db, from: number): Map<number, SlipSnapshot[]> {
  const out = new Map<number, SlipSnapshot[]>();
  for (const r of stmt(
    db,
    `SELECT c.rid AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled JOIN cases c ON c.id = s.case_id WHERE s.handled_at >= ?`,
  ).all(from) as SlipRow[])
    push(out, r.case_rid as number, slipSnapshot(r));
  return out;
}

const slipFactsOf = (rows: SlipRow[]): SlipFacts[] =>
  rows.map((r) => slipFacts(slipSnapshot(r))).filter((f): f is SlipFacts => f !== null);

/** Slips linked to no case, handled in [from, to). */
export const standaloneSlips = (db: Db, from: number, to: number): SlipFacts[] =>
  slipFactsOf(
    stmt(
      db,
      `SELECT NULL AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled WHERE s.handled_at >= ? AND s.handled_at < ? AND s.case_id IS NULL`,
    ).all(from, to) as SlipRow[],
  );

/** Every slip handled in [from, to), whenever (and whether) its case was received. */
export const slipsDated = (db: Db, from: number, to: number): SlipFacts[] =>
  slipFactsOf(
    stmt(
      db,
      `SELECT NULL AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled WHERE s.handled_at >= ? AND s.handled_at < ?`,
    ).all(from, to) as SlipRow[],
  );

/** Government cases' body answer and first written reply (migration 0010's partial index), by case. */
export function governmentAnswers(
  db: Db,
  from: number,
  to: number,
): Map<number, Pick<CaseSnapshot, 'bodyAnswer' | 'firstWrittenReplyDate'>> {
  const out = new Map<number, Pick<CaseSnapshot, 'bodyAnswer' | 'firstWrittenReplyDate'>>();
  for (const r of stmt(
    db,
    `SELECT rid, body_answer, first_written_reply_date FROM cases INDEXED BY cases_government
     WHERE channel = 'government' AND received_at >= ? AND received_at < ?`,
  ).all(from, to) as {
    rid: number;
    body_answer: CaseSnapshot['bodyAnswer'];
    first_written_reply_date: string | null;
  }[])
    out.set(r.rid, { bodyAnswer: r.body_answer, firstWrittenReplyDate: r.first_written_reply_date });
  return out;
}

/** Promises made from `from` on (those of the current period's cases), by case. */
export function promisesMadeFrom(db: Db, from: number): Map<number, PromiseTimes[]> {
  const out = new Map<number, PromiseTimes[]>();
  for (const r of stmt(
    db,
    'SELECT c.rid, p.promised_at, p.answered_at FROM case_promises p INDEXED BY case_promises_made JOIN cases c ON c.id = p.case_id WHERE p.made_at >= ?',
  ).all(from) as { rid: number; promised_at: number; answered_at: number | null }[])
    push(out, r.rid, { promisedAt: r.promised_at, answeredAt: r.answered_at });
  return out;
}
