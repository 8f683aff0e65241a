// Keeps what head office holds of a branch (migration 0012) true inside the import transaction:
// the record count grows by the batch's new rows, and each case and slip number raises the largest
// number of its kind, head and width. A record whose number changed gives its old number up: that
// group is recomputed from the stored rows (rare: numbers are assigned once at the branch).
import type { HqQuery, RecordRow } from './store';
import { recordKey } from './store-types';

const CHUNK = 500;
const CODE = { case: 'YY', slip: 'TH' } as const;
type Numbered = keyof typeof CODE;

/** The number field of a stored record, per backend: a case's is projected, a slip's is in its payload. */
export const numberOf = (kind: 'sqlite' | 'pg', type: string): string =>
  type === 'case'
    ? 'case_number'
    : kind === 'pg'
      ? "(payload::jsonb ->> 'number')"
      : "json_extract(payload, '$.number')";

/** Length of "BRANCH-YY-yyyymm-": the head a number is grouped by. */
export const headLength = (branch: string): number => branch.length + 11;

/** The LIKE pattern of a branch's numbers of one kind. */
export const numberPattern = (branch: string, type: Numbered): string => `${branch}-${CODE[type]}-%`;

/** A winner of the batch: its row and its snapshot's fact fields (record-check.ts; `number` is one). */
export interface HoldingWinner {
  row: RecordRow;
  value: unknown;
}

/**
 * The number this version carries: a case's projected number, a slip's `number` when it is text —
 * on SQLite read by json_extract as the stored row will be (it keeps the first of duplicate keys,
 * JSON.parse the last); PostgreSQL's jsonb reads it as JSON.parse does.
 */
async function carried(t: HqQuery, kind: 'sqlite' | 'pg', w: HoldingWinner): Promise<string | null> {
  if (w.row.type === 'case') return w.row.caseNumber;
  if (kind === 'sqlite') {
    const r = await t.get<{ n: unknown }>("SELECT json_extract(CAST(? AS TEXT), '$.number') AS n", [w.row.payload]);
    return typeof r?.n === 'string' ? r.n : null;
  }
  const v = w.value;
  if (typeof v !== 'object' || v === null || !('number' in v)) return null;
  return typeof v.number === 'string' ? v.number : null;
}

/** The stored numbers of the records of `type` with these ids (before this batch writes them). */
async function storedNumbers(
  t: HqQuery,
  kind: 'sqlite' | 'pg',
  branch: string,
  type: Numbered,
  ids: string[],
): Promise<Map<string, string | null>> {
  const m = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await t.all<{ id: string; n: unknown }>(
      `SELECT id, ${numberOf(kind, type)} AS n FROM records WHERE branch = ? AND type = ? AND id IN (${part.map(() => '?').join(', ')})`,
      [branch, type, ...part],
    );
    for (const r of rows) m.set(r.id, typeof r.n === 'string' ? r.n : null);
  }
  return m;
}

/** Recomputes the group of `number` from the stored rows, leaving out `without` (their numbers changed). */
async function recomputeGroup(
  t: HqQuery,
  kind: 'sqlite' | 'pg',
  branch: string,
  type: Numbered,
  number: string,
  without: string[],
): Promise<void> {
  const head = headLength(branch);
  await t.run(
    'DELETE FROM holding_numbers WHERE branch = ? AND type = ? AND head = substr(CAST(? AS TEXT), 1, ?) AND width = length(CAST(? AS TEXT))',
    [branch, type, number, head, number],
  );
  await t.run(
    `INSERT INTO holding_numbers (branch, type, head, width, top)
     SELECT ?, ?, substr(n, 1, ?), length(n), max(n) FROM (SELECT id, ${numberOf(kind, type)} AS n FROM records WHERE branch = ? AND type = ?) x
     WHERE n LIKE ? AND substr(n, 1, ?) = substr(CAST(? AS TEXT), 1, ?) AND length(n) = length(CAST(? AS TEXT))
       AND id NOT IN (${without.map(() => '?').join(', ')})
     GROUP BY 3, 4`,
    [branch, type, head, branch, type, numberPattern(branch, type), head, number, head, number, ...without],
  );
}

/** Raises each group's largest number by the numbers of the batch (compared by the store, as max() does). */
async function raiseNumbers(t: HqQuery, branch: string, numbers: { type: Numbered; n: string }[]): Promise<void> {
  const head = headLength(branch);
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const part = numbers.slice(i, i + CHUNK);
    await t.run(
      `INSERT INTO holding_numbers (branch, type, head, width, top)
       SELECT ?, column1, substr(column2, 1, ?), length(column2), max(column2)
       FROM (VALUES ${part.map(() => '(CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT))').join(', ')}) AS v
       WHERE column2 LIKE column3
       GROUP BY 2, 3, 4
       ON CONFLICT (branch, type, head, width) DO UPDATE SET top = CASE WHEN excluded.top > holding_numbers.top THEN excluded.top ELSE holding_numbers.top END`,
      [branch, head, ...part.flatMap((p) => [p.type, p.n, numberPattern(branch, p.type)])],
    );
  }
}

/**
 * Called with the batch's winners before they are written; `stored` holds the versions stored
 * before the batch (stageRecords), so a winner whose key is absent is a new row.
 */
export async function keepHolding(
  t: HqQuery,
  kind: 'sqlite' | 'pg',
  branch: string,
  winners: readonly HoldingWinner[],
  stored: ReadonlyMap<string, number>,
): Promise<void> {
  const added = winners.filter((w) => !stored.has(recordKey(w.row.type, w.row.id))).length;
  if (added > 0)
    await t.run(
      'INSERT INTO holding_counts (branch, records) VALUES (?, ?) ON CONFLICT (branch) DO UPDATE SET records = holding_counts.records + excluded.records',
      [branch, added],
    );
  const raised: { type: Numbered; n: string }[] = [];
  for (const type of ['case', 'slip'] as const) {
    const mine = winners.filter((w) => w.row.type === type);
    const updated = mine.filter((w) => stored.has(recordKey(type, w.row.id)));
    const before =
      updated.length > 0
        ? await storedNumbers(
            t,
            kind,
            branch,
            type,
            updated.map((w) => w.row.id),
          )
        : new Map<string, string | null>();
    const given: string[] = [];
    const changed: string[] = [];
    for (const w of mine) {
      const old = before.get(w.row.id) ?? null;
      // A case version without a number keeps the stored one (upsertRecords coalesces it).
      const now = (await carried(t, kind, w)) ?? (type === 'case' ? old : null);
      if (old !== null && old !== now) {
        given.push(old);
        changed.push(w.row.id);
      }
      if (now !== null) raised.push({ type, n: now });
    }
    for (const n of new Set(given)) await recomputeGroup(t, kind, branch, type, n, changed);
  }
  await raiseNumbers(t, branch, raised);
}
