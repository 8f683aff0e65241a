// Product-wide problems at head office (issue 18 §2): an item (domain/item-key.ts) with at least
// `minCases` complaints received in the last `days` days across all branches is flagged, listed
// with its cases by branch. Computed at read time from hq_cases.item_keys (the projection writes
// the keys in the importing transaction; the import does no other work for flags): PostgreSQL
// counts with unnest in SQL, SQLite (small head offices) counts the window's rows here.
import { itemKeyText, itemNameIn } from '../src-main/domain/item-key';
import type { HqQuery, HqStore } from './store';

const DAY = 86_400_000;
/** At most this many flagged items, and this many cases listed per item (the counts are exact). */
export const FLAG_LIMIT = 100;
export const CASES_PER_ITEM = 200;

export interface FlagRule {
  minCases: number;
  days: number;
}
export const DEFAULT_FLAG_RULE: FlagRule = { minCases: 3, days: 30 };

export interface FlaggedCase {
  branch: string;
  id: string;
  number: string;
  receivedAt: number;
  status: string;
  items: string | null;
}

export interface ProductFlag {
  key: string;
  /** The code or normalised name the key holds. */
  label: string;
  /** A name the item was recorded under (for a code: the first case's only item, when it names one). */
  name: string | null;
  cases: number;
  branches: { branch: string; cases: number }[];
  /** The newest first, CASES_PER_ITEM at most. */
  caseList: FlaggedCase[];
}

type Row = FlaggedCase & { itemKeys: string };
type Branches = { branch: string; cases: number }[];
/** The window's flagged keys (the most complained about first), their newest cases and their counts per branch. */
type Found = { totals: { key: string; cases: number }[]; cases: Map<string, Row[]>; branches: Map<string, Branches> };
const COLUMNS = 'branch, id, number, received_at AS "receivedAt", status, items, item_keys AS "itemKeys"';

/** PostgreSQL, pass 1: the keys over the threshold in the window, counted by unnest. */
async function totalsPg(db: HqQuery, since: number, min: number): Promise<Found['totals']> {
  const rows = await db.all<{ key: string; cases: string | number }>(
    `SELECT k AS key, count(*) AS cases FROM hq_cases, unnest(string_to_array(item_keys, E'\\n')) AS k
     WHERE item_keys IS NOT NULL AND received_at >= ? GROUP BY k HAVING count(*) >= ? ORDER BY count(*) DESC, k LIMIT ${FLAG_LIMIT}`,
    [since, min],
  );
  return rows.map((r) => ({ key: r.key, cases: Number(r.cases) }));
}

/**
 * PostgreSQL, pass 2 over the window for those keys: the newest CASES_PER_ITEM cases of each, and
 * one row more of each (key, branch) beyond them carrying that branch's count.
 */
async function casesPg(db: HqQuery, since: number, keys: string[]): Promise<Omit<Found, 'totals'>> {
  const rows = await db.all<Row & { key: string; n: string | number; branchCases: string | number }>(
    `SELECT key, branch, id, number, "receivedAt", status, items, "itemKeys", n, "branchCases" FROM (
       SELECT k AS key, ${COLUMNS},
         row_number() OVER (PARTITION BY k ORDER BY received_at DESC, branch, id) AS n,
         row_number() OVER (PARTITION BY k, branch ORDER BY received_at DESC, id) AS nb,
         count(*) OVER (PARTITION BY k, branch) AS "branchCases"
       FROM hq_cases, unnest(string_to_array(item_keys, E'\\n')) AS k
       WHERE item_keys IS NOT NULL AND received_at >= ? AND k = ANY (string_to_array(?, E'\\n'))) AS w
     WHERE n <= ${CASES_PER_ITEM} OR nb = 1 ORDER BY key, n`,
    [since, keys.join('\n')],
  );
  const cases = new Map<string, Row[]>();
  const branches = new Map<string, Branches>();
  for (const { key, n, branchCases, ...c } of rows) {
    const per = branches.get(key) ?? [];
    if (!per.some((b) => b.branch === c.branch)) per.push({ branch: c.branch, cases: Number(branchCases) });
    branches.set(key, per);
    if (Number(n) <= CASES_PER_ITEM) cases.set(key, [...(cases.get(key) ?? []), c]);
  }
  return { cases, branches };
}

/** SQLite (a small head office): the window's rows counted here. */
async function flagsSqlite(db: HqQuery, since: number, min: number): Promise<Found> {
  const rows = await db.all<Row>(
    `SELECT ${COLUMNS} FROM hq_cases WHERE item_keys IS NOT NULL AND received_at >= ? ORDER BY received_at DESC, branch, id`,
    [since],
  );
  const all = new Map<string, Row[]>();
  for (const r of rows) for (const k of r.itemKeys.split('\n')) all.set(k, [...(all.get(k) ?? []), r]);
  const top = [...all]
    .filter(([, list]) => list.length >= min)
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .slice(0, FLAG_LIMIT);
  const branches = new Map<string, Branches>();
  for (const [key, list] of top) {
    const per = new Map<string, number>();
    for (const c of list) per.set(c.branch, (per.get(c.branch) ?? 0) + 1);
    branches.set(
      key,
      [...per].map(([branch, cases]) => ({ branch, cases })),
    );
  }
  return {
    totals: top.map(([key, list]) => ({ key, cases: list.length })),
    cases: new Map(top.map(([k, list]) => [k, list.slice(0, CASES_PER_ITEM)])),
    branches,
  };
}

/** A name the key's item was recorded under in the case (its item in the same place, or its only item). */
const nameOf = (key: string, c: Row | undefined): string | null => (c ? itemNameIn(key, c.items, c.itemKeys) : null);

/** The flagged items as of `now`, the most complained about first. */
export async function productFlags(db: HqStore, rule: FlagRule, now: number): Promise<ProductFlag[]> {
  const since = now - rule.days * DAY;
  let found: Found;
  if (db.kind === 'pg') {
    const totals = await totalsPg(db, since, rule.minCases);
    found = totals.length
      ? {
          totals,
          ...(await casesPg(
            db,
            since,
            totals.map((t) => t.key),
          )),
        }
      : { totals, cases: new Map(), branches: new Map() };
  } else found = await flagsSqlite(db, since, rule.minCases);
  return found.totals.map(({ key, cases }) => {
    const list = found.cases.get(key) ?? [];
    return {
      key,
      label: itemKeyText(key),
      name: nameOf(key, list[0]),
      cases,
      branches: (found.branches.get(key) ?? []).sort((a, b) => b.cases - a.cases || (a.branch < b.branch ? -1 : 1)),
      caseList: list.map(({ itemKeys: _k, ...c }) => ({ ...c, receivedAt: Number(c.receivedAt) })),
    };
  });
}
