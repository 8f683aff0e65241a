// A case's matters as the console shows them (issue 22 §1, §4): the branch's own links and merges as its
// snapshots carry them (hq_cases.matter_id, merged_into), head office's cross-branch matter, and the cases
// of other branches likely of the same matter, ranked with why. A suggestion is the same customer (the
// normalised phone, else the exact name; anonymous cases never match) AND the same matter (the same receipt
// no., or an item of the same key), open or received within CROSS_SUGGEST_DAYS of the case; a merged
// duplicate is never suggested (its primary is). Bounded: the phone or name index, 200 candidates.
import { itemWords } from '../src-main/domain/item-key';
import {
  type CaseMattersAnswer,
  CROSS_MATCH_WEIGHTS,
  CROSS_SUGGEST_DAYS,
  CROSS_SUGGEST_MAX,
  type CrossMatchReason,
  type CrossMatterSuggestion,
} from './console/contract-matters';
import { CASE_COLS, type CaseRowDb, matterCaseOf, matterIdOf, matterView } from './cross-branch-matters';
import type { HqStore, Param } from './store';

const DAY = 86_400_000;
const CANDIDATES = 200;
const CLOSED = new Set(['filed', 'not_accepted']);

type Facts = CaseRowDb & {
  phone: string | null;
  customer_name: string | null;
  receipt_no: string | null;
  items: string | null;
  item_keys: string | null;
  matter_id: string | null;
};
const FACT_COLS = `${CASE_COLS}, c.phone, c.customer_name, c.receipt_no, c.items, c.item_keys, c.matter_id`;

const lines = (s: string | null): string[] => (s ? s.split('\n').filter(Boolean) : []);

/** The case's matters and suggestions; null when head office holds no such case. */
export async function caseMatters(store: HqStore, branch: string, id: string): Promise<CaseMattersAnswer | null> {
  const me = await store.get<Facts>(`SELECT ${FACT_COLS} FROM hq_cases c WHERE c.branch = ? AND c.id = ?`, [
    branch,
    id,
  ]);
  if (!me) return null;
  const branchMatter = me.matter_id
    ? {
        matterId: me.matter_id,
        cases: (
          await store.all<CaseRowDb>(
            `SELECT ${CASE_COLS} FROM hq_cases c WHERE c.branch = ? AND c.matter_id = ? AND c.id <> ? ORDER BY c.received_at, c.id`,
            [branch, me.matter_id, id],
          )
        ).map(matterCaseOf),
      }
    : null;
  const primary = me.merged_into
    ? await store.get<CaseRowDb>(`SELECT ${CASE_COLS} FROM hq_cases c WHERE c.branch = ? AND c.id = ?`, [
        branch,
        me.merged_into,
      ])
    : undefined;
  const mergedFrom = await store.all<CaseRowDb>(
    `SELECT ${CASE_COLS} FROM hq_cases c WHERE c.branch = ? AND c.merged_into = ? ORDER BY c.received_at, c.id`,
    [branch, id],
  );
  const crossId = await matterIdOf(store, branch, id);
  const crossBranch = crossId ? await matterView(store, crossId) : null;
  return {
    branchMatter: branchMatter && branchMatter.cases.length ? branchMatter : null,
    mergedInto: primary ? matterCaseOf(primary) : null,
    mergedFrom: mergedFrom.map(matterCaseOf),
    crossBranch,
    suggestions: me.merged_into ? [] : await suggestions(store, me, crossId),
  };
}

async function suggestions(store: HqStore, me: Facts, myMatter: string | null): Promise<CrossMatterSuggestion[]> {
  const who: { sql: string; params: Param[]; reason: CrossMatchReason } | null = me.phone
    ? { sql: 'c.phone = ?', params: [me.phone], reason: 'phone' }
    : me.customer_name
      ? { sql: 'c.phone IS NULL AND c.customer_name = ?', params: [me.customer_name], reason: 'name' }
      : null;
  if (!who) return [];
  const rows = await store.all<Facts & { cross: string | null }>(
    `SELECT ${FACT_COLS}, m.matter_id AS cross FROM hq_cases c
     LEFT JOIN hq_matter_cases m ON m.branch = c.branch AND m.case_id = c.id AND m.unlinked_at IS NULL
     WHERE (${who.sql}) AND c.branch <> ? AND c.merged_into IS NULL
     ORDER BY c.received_at DESC LIMIT ${CANDIDATES}`,
    [...who.params, me.branch],
  );
  const myKeys = lines(me.item_keys);
  const at = Number(me.received_at);
  const out: CrossMatterSuggestion[] = [];
  for (const r of rows) {
    const recent = Math.abs(Number(r.received_at) - at) <= CROSS_SUGGEST_DAYS * DAY;
    if (!recent && CLOSED.has(r.status)) continue;
    const receipt = me.receipt_no && me.receipt_no === r.receipt_no ? me.receipt_no : null;
    const keys = lines(r.item_keys);
    const key = myKeys.find((x) => keys.includes(x));
    const item = key ? itemWords(key, me.items, me.item_keys) : null;
    if (!receipt && !item) continue;
    const reasons: CrossMatchReason[] = [
      who.reason,
      ...(receipt ? ['receipt' as const] : []),
      ...(item ? ['item' as const] : []),
    ];
    out.push({
      ...matterCaseOf(r),
      score: reasons.reduce((s, x) => s + CROSS_MATCH_WEIGHTS[x], 0),
      reasons,
      matched: { receipt, item },
      matterId: r.cross,
    });
  }
  return out
    .filter((s) => !(myMatter && s.matterId === myMatter))
    .sort((a, b) => b.score - a.score || b.receivedAt - a.receivedAt)
    .slice(0, CROSS_SUGGEST_MAX);
}
