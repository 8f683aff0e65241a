// Product-wide problems at head office (issue 18 §2): an item (domain/item-key.ts) with at least
// `minCases` complaints received in the last `days` days across all branches is flagged, listed
// with its cases by branch. Computed at read time from hq_cases.item_keys (the projection writes
// the keys in the importing transaction; the import does no other work for flags): PostgreSQL
// counts with unnest in SQL, SQLite (small head offices) counts the window's rows here.
import { itemKeyText } from '../src-main/domain/item-key';
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

type Counted = { key: string; branch: string; cases: number };
type Row = FlaggedCase & { itemKeys: string };
const COLUMNS = 'branch, id, number, received_at AS "receivedAt", status, items, item_keys AS "itemKeys"';

/** PostgreSQL: the window's counts per key and branch, for the keys over the threshold. */
async function countPg(db: HqQuery, since: number, min: number): Promise<Counted[]> {
  const rows = await db.all<{ key: string; branch: string; cases: string | number }>(
    `WITH per AS (SELECT k, branch, count(*) AS n FROM hq_cases, unnest(string_to_array(item_keys, E'\\n')) AS k
                  WHERE item_keys IS NOT NULL AND received_at >= ? GROUP BY k, branch),
          top AS (SELECT k, sum(n) AS total FROM per GROUP BY k HAVING sum(n) >= ? ORDER BY sum(n) DESC, k LIMIT ${FLAG_LIMIT})
     SELECT per.k AS key, per.branch, per.n AS cases FROM per JOIN top ON top.k = per.k`,
    [since, min],
  );
  return rows.map((r) => ({ key: r.key, branch: r.branch, cases: Number(r.cases) }));
}

/** PostgreSQL: the newest CASES_PER_ITEM cases of each key (the window read newest first, per key). */
async function casesPg(db: HqQuery, since: number, keys: string[]): Promise<Map<string, Row[]>> {
  const rows = await db.all<Row & { key: string }>(
    `SELECT k.key, c.* FROM unnest(string_to_array(?, E'\\n')) AS k(key),
       LATERAL (SELECT ${COLUMNS} FROM hq_cases WHERE item_keys IS NOT NULL AND received_at >= ?
                  AND k.key = ANY (string_to_array(item_keys, E'\\n'))
                ORDER BY received_at DESC, branch, id LIMIT ${CASES_PER_ITEM}) AS c`,
    [keys.join('\n'), since],
  );
  const by = new Map<string, Row[]>();
  for (const { key, ...c } of rows) by.set(key, [...(by.get(key) ?? []), c]);
  return by;
}

/** SQLite (a small head office): the window's rows counted here. */
async function flagsSqlite(
  db: HqQuery,
  since: number,
  min: number,
): Promise<{ counted: Counted[]; cases: Map<string, Row[]> }> {
  const rows = await db.all<Row>(
    `SELECT ${COLUMNS} FROM hq_cases WHERE item_keys IS NOT NULL AND received_at >= ? ORDER BY received_at DESC, branch, id`,
    [since],
  );
  const cases = new Map<string, Row[]>();
  for (const r of rows) for (const k of r.itemKeys.split('\n')) cases.set(k, [...(cases.get(k) ?? []), r]);
  const top = [...cases]
    .filter(([, list]) => list.length >= min)
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .slice(0, FLAG_LIMIT);
  const counted: Counted[] = [];
  for (const [key, list] of top) {
    const per = new Map<string, number>();
    for (const c of list) per.set(c.branch, (per.get(c.branch) ?? 0) + 1);
    for (const [branch, n] of per) counted.push({ key, branch, cases: n });
  }
  return { counted, cases: new Map(top.map(([k, list]) => [k, list.slice(0, CASES_PER_ITEM)])) };
}

/** A name the key's item was recorded under in the case (its item in the same place, or its only item). */
const nameOf = (key: string, c: Row | undefined): string | null => {
  if (!c?.items) return null;
  const names = c.items.split('\n');
  const keys = c.itemKeys.split('\n');
  const i = keys.indexOf(key);
  if (names.length === keys.length && i >= 0) return names[i] ?? null;
  return names.length === 1 ? (names[0] ?? null) : null;
};

/** The flagged items as of `now`, the most complained about first. */
export async function productFlags(db: HqStore, rule: FlagRule, now: number): Promise<ProductFlag[]> {
  const since = now - rule.days * DAY;
  const got =
    db.kind === 'pg'
      ? await countPg(db, since, rule.minCases).then(async (counted) => ({
          counted,
          cases: await casesPg(db, since, [...new Set(counted.map((c) => c.key))]),
        }))
      : await flagsSqlite(db, since, rule.minCases);
  const flags = new Map<string, ProductFlag>();
  for (const { key, branch, cases } of got.counted) {
    const list = got.cases.get(key) ?? [];
    const f = flags.get(key) ?? {
      key,
      label: itemKeyText(key),
      name: nameOf(key, list[0]),
      cases: 0,
      branches: [],
      caseList: list.map(({ itemKeys: _k, ...c }) => ({ ...c, receivedAt: Number(c.receivedAt) })),
    };
    f.cases += cases;
    f.branches.push({ branch, cases });
    flags.set(key, f);
  }
  const byCount = (a: { cases: number }, b: { cases: number }) => b.cases - a.cases;
  return [...flags.values()]
    .map((f) => ({ ...f, branches: f.branches.sort((a, b) => byCount(a, b) || (a.branch < b.branch ? -1 : 1)) }))
    .sort((a, b) => byCount(a, b) || (a.key < b.key ? -1 : 1));
}
